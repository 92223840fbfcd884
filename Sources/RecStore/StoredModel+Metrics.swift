import Foundation

/// The JSON form in which stores keep ``StoredModel/metrics``, shared by every store.
extension StoredModel {
    /// `metrics` as a JSON object with sorted keys; JSON has no NaN or infinity, so those are refused.
    /// - Throws: `StoreError` `.invalidValue` naming the model and the first non-finite metric.
    package static func encodeMetrics(_ metrics: [String: Double], of name: String) throws -> String {
        if let (key, value) = metrics.first(where: { !$0.value.isFinite }) {
            throw StoreError(.invalidValue, "model '\(name)': metric '\(key)' is \(value); expected a finite number")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        do {
            return String(decoding: try encoder.encode(metrics), as: UTF8.self)
        } catch {
            throw StoreError(.invalidValue, "model '\(name)': cannot encode metrics as JSON", underlying: error)
        }
    }

    /// Metrics read back from their stored JSON.
    /// - Throws: `StoreError` `.invalidValue` naming the model row and the text found.
    package static func decodeMetrics(_ json: String, of name: String, version: Int) throws -> [String: Double] {
        do {
            return try JSONDecoder().decode([String: Double].self, from: Data(json.utf8))
        } catch {
            throw StoreError(.invalidValue, "models row \(name) version \(version): metrics is \(json); expected a JSON object of numbers",
                             underlying: error)
        }
    }
}

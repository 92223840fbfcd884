import Foundation
import RecStore

extension StoredModel {
    /// A model in a store's form: its name, its configuration as JSON, the training data's fingerprint,
    /// metrics and the model's parameters as JSON.
    /// - Throws: ``PipelineError`` if encoding fails.
    static func encoding(_ model: some Encodable, named name: String, configuration: some Encodable,
                         fingerprint: String, metrics: [String: Double]) throws -> StoredModel {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return StoredModel(name: name, hyperparameters: try encoder.encode(configuration),
                               dataFingerprint: fingerprint, metrics: metrics, payload: try encoder.encode(model))
        } catch {
            throw PipelineError(.invalidArgument, "cannot encode the \(name) model", underlying: error)
        }
    }

    /// The model saved by ``encoding(_:named:configuration:fingerprint:metrics:)``.
    /// - Throws: ``PipelineError`` naming the model and version when the payload does not decode.
    func decoded<Model: Decodable>(as type: Model.Type) throws -> Model {
        do {
            return try JSONDecoder().decode(type, from: payload)
        } catch {
            throw PipelineError(.noModel, "stored model \(name) v\(version) cannot be read; retrain it with `marquee train`",
                                underlying: error)
        }
    }
}

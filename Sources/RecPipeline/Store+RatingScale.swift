import Foundation
import RecCore
import RecStore

extension Store {
    /// The rating scale the first import recorded, or `nil` if nothing was imported.
    /// - Throws: ``PipelineError`` quoting an unreadable value; store errors.
    public func recordedRatingScale() async throws -> RatingScale? {
        guard let json = try await metadata(for: StoreKeys.ratingScale) else { return nil }
        do {
            return try JSONDecoder().decode(RatingScale.self, from: Data(json.utf8))
        } catch {
            throw PipelineError(.invalidArgument, "the store's rating scale '\(json)' is unreadable", underlying: error)
        }
    }

    /// Records `scale` as the store's rating scale.
    func recordRatingScale(_ scale: RatingScale) async throws {
        try await setMetadata(String(decoding: try JSONEncoder().encode(scale), as: UTF8.self), for: StoreKeys.ratingScale)
    }
}

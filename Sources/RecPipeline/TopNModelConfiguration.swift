import Foundation
import RecAlgorithms
import RecCore

/// One top-N algorithm with its hyperparameters: what `train`, `evaluate --task topn` and `tune` fit.
public enum TopNModelConfiguration: Sendable, Codable, Equatable {
    /// ``ImplicitALS``.
    case als(ImplicitALSConfiguration)
    /// ``BPR``.
    case bpr(BPRConfiguration)
    /// ``ItemKNN``.
    case itemKNN(ItemKNNConfiguration)
    /// ``UserKNN``.
    case userKNN(UserKNNConfiguration)
    /// ``EASE``.
    case ease(EASEConfiguration)
    /// ``MostPopular``.
    case popular
    /// ``RandomRecommender`` with its seed.
    case random(seed: UInt64)

    /// Fits the configured algorithm on a matrix of positives.
    /// - Throws: ``AlgorithmError`` from the algorithm.
    public func fit(_ matrix: InteractionMatrix, progress: ProgressHandler? = nil) async throws -> TrainedTopNModel {
        switch self {
        case .als(let configuration): .als(try await ImplicitALS.fit(matrix, configuration: configuration, progress: progress))
        case .bpr(let configuration): .bpr(try await BPR.fit(matrix, configuration: configuration, progress: progress))
        case .itemKNN(let configuration): .itemKNN(try await ItemKNN.fit(matrix, configuration: configuration, progress: progress))
        case .userKNN(let configuration): .userKNN(try await UserKNN.fit(matrix, configuration: configuration, progress: progress))
        case .ease(let configuration): .ease(try await EASE.fit(matrix, configuration: configuration, progress: progress))
        case .popular: .popular(try MostPopular.fit(matrix))
        case .random(let seed): .random(try RandomRecommender.fit(matrix, seed: seed))
        }
    }

    /// The configuration as compact JSON with sorted keys, for reports and tables.
    public var summary: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of numbers and enums cannot fail; an empty summary would show if it did.
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}

import RecCore
@testable import RecAlgorithms

/// Twenty ratings of five users on six movies with times and a catalogue: the set every neural model must be
/// able to overfit to near-zero loss.
enum NeuralToySet {
    static let interactions: [Interaction] = {
        let table: [(String, String, Float)] = [
            ("a", "m1", 5), ("a", "m2", 4), ("a", "m3", 1), ("a", "m4", 2),
            ("b", "m1", 4), ("b", "m2", 5), ("b", "m5", 2), ("b", "m6", 1),
            ("c", "m3", 5), ("c", "m4", 4), ("c", "m5", 1), ("c", "m1", 2),
            ("d", "m2", 1), ("d", "m6", 5), ("d", "m3", 4), ("d", "m4", 3),
            ("e", "m5", 5), ("e", "m6", 4), ("e", "m1", 1), ("e", "m2", 3),
        ]
        return table.enumerated().map { offset, row in
            Interaction(user: UserID(row.0), item: ItemID(row.1), value: row.2, timestamp: Int64(1000 + offset * 7 % 20))
        }
    }()

    static var matrix: InteractionMatrix { InteractionMatrix(interactions, scale: .oneToFive) }

    static var timestamps: [Int64] { interactions.map { $0.timestamp! } }

    /// m6 is missing from the catalogue; m5 has no year.
    static let catalogue: [Item] = [
        Item(id: "m1", title: "One", year: 1995, genres: ["Comedy"]),
        Item(id: "m2", title: "Two", year: 1977, genres: ["Action", "Sci-Fi"]),
        Item(id: "m3", title: "Three", year: 1994, genres: ["Drama"]),
        Item(id: "m4", title: "Four", year: 1999, genres: ["Drama", "Romance"]),
        Item(id: "m5", title: "Five", genres: ["Comedy", "Romance"]),
    ]

    /// Full-batch-ish training without regularisation, dropout or validation: nothing stops it from memorising.
    static func memorising(epochs: Int, learningRate: Float = 0.01) -> NeuralTrainingConfiguration {
        NeuralTrainingConfiguration(epochs: epochs, batchSize: 5, optimizer: .init(learningRate: learningRate),
                                    validationFraction: 0, seed: 1, threads: 2)
    }

    /// RMSE of `model` on the twenty training ratings.
    static func trainingRMSE(_ model: any RatingPredictor) -> Float {
        let sum = interactions.reduce(0.0) { sum, rating in
            let error = Double(model.predict(user: rating.user, item: rating.item) - rating.value!)
            return sum + error * error
        }
        return Float((sum / Double(interactions.count)).squareRoot())
    }
}

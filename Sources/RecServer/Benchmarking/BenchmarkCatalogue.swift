import Foundation
import RecCore
import RecEvaluation
import RecImport
import RecPipeline
import RecStore

/// A catalogue and history the serving benchmark loads into a fresh store.
enum BenchmarkCatalogue {
    /// MovieLens latest-small (9,742 movies, 100,836 ratings) from the shared data.
    case movieLensSmall(DataLocation)
    /// A seeded synthetic catalogue of `items` titled items with 100 interactions per item on average
    /// (``RecEvaluation/SyntheticInteractions``).
    case synthetic(items: Int)

    var name: String {
        switch self {
        case .movieLensSmall: "ml-latest-small"
        case .synthetic(let items): "synthetic \(items) items"
        }
    }

    /// Writes the catalogue and its history to `store`; returns the name with the item count.
    func fill(_ store: any Store, progress: ProgressHandler?) async throws -> String {
        switch self {
        case .movieLensSmall(let data):
            _ = try await Importing.run(try data.dataset("ml-latest-small"), format: .movieLensLatest, store: store, progress: progress)
        case .synthetic(let count):
            let interactions = try SyntheticInteractions(users: count / 2, items: count, interactions: count * 100).generate()
            let genres = ["Action", "Comedy", "Drama", "Horror", "Romance", "Sci-Fi", "Thriller", "Animation"]
            let items = (0..<count).map { Item(id: ItemID(String($0)), title: "Synthetic film \($0)", year: 1950 + $0 % 75,
                                               genres: [genres[$0 % genres.count]]) }
            try await store.write(StoreBatch(items: items, interactions: interactions))
        }
        return "\(name) (\(try await store.counts().items) items)"
    }
}

import RecCore

/// Implicit-feedback matrix factorisation by alternating least squares (Hu, Koren & Volinsky 2008), solved per
/// row by conjugate gradient (Takács, Pilászy & Tikk 2011) or exactly by Cholesky: the algorithm of implicit 0.7's
/// `AlternatingLeastSquares`.
///
/// Minimises Σ_{u,i} c_ui·(p_ui − x_u·y_i)² + λ(Σ‖x_u‖² + Σ‖y_i‖²) over all user × item pairs, where observed
/// entries have preference p = 1 (value > 0) and a confidence from ``ImplicitALSConfiguration/confidence``, and
/// unobserved ones p = 0, c = 1. Each half-iteration uses YᵀC_uY = YᵀY + Yᵀ(C_u − I)Y, so a row costs time in
/// its observed entries, not in the catalogue. A user's score for an item is x_u·y_i.
public struct ImplicitALS: FoldInRecommender, Codable {
    /// The options the model was trained with.
    public let configuration: ImplicitALSConfiguration
    /// Id maps, seen items and popularity.
    public let history: TrainingHistory
    /// users × k user vectors, row-major: user u's is `userFactors[u*k ..< (u+1)*k]`.
    public let userFactors: [Float]
    /// items × k item vectors, row-major.
    public let itemFactors: [Float]
    /// YᵀY + λI over the item vectors (k × k), the shared part of every fold-in solve: computed once when the
    /// model is made or decoded (O(items × k²)), so serving a user costs O(|history| × k² + k³ + items × k).
    let foldInGram: [Float]
    /// The item vectors transposed (k rows of `items` floats): scoring every item is then one streaming pass of
    /// ``RecCore/MatrixVector/multiplyTransposed(_:rows:columns:_:into:)`` with no horizontal sums, about twice
    /// as fast as a dot product per item. Made with the model (O(items × k)); never encoded.
    let itemFactorsByFactor: [Float]

    /// Latent dimensions k.
    public var factors: Int { configuration.factors }

    /// A model from its parts.
    init(configuration: ImplicitALSConfiguration, history: TrainingHistory, userFactors: [Float], itemFactors: [Float]) {
        self.configuration = configuration
        self.history = history
        self.userFactors = userFactors
        self.itemFactors = itemFactors
        foldInGram = Self.regularizedGram(of: itemFactors, factors: configuration.factors,
                                          regularization: configuration.regularization)
        let k = configuration.factors, count = itemFactors.count / max(k, 1)
        itemFactorsByFactor = (0..<itemFactors.count).map { index in itemFactors[(index % count) * k + index / count] }
    }

    private enum CodingKeys: String, CodingKey { case configuration, history, userFactors, itemFactors }

    /// Decodes a model encoded by `encode(to:)` and recomputes its fold-in Gram matrix and transposed item vectors.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(configuration: try container.decode(ImplicitALSConfiguration.self, forKey: .configuration),
                  history: try container.decode(TrainingHistory.self, forKey: .history),
                  userFactors: try container.decode([Float].self, forKey: .userFactors),
                  itemFactors: try container.decode([Float].self, forKey: .itemFactors))
    }

    /// Trains the model.
    ///
    /// Factors start uniform in [0, 0.01) from `configuration.seed` (users, then items), as implicit does;
    /// each iteration solves every user, then every item, with both cores when `threads` is 2.
    /// - Parameters:
    ///   - matrix: interactions; each value r becomes a confidence (see ``ImplicitALSConfiguration/ConfidenceWeighting``).
    ///   - configuration: hyperparameters; the defaults are implicit 0.7's.
    ///   - progress: called after each iteration with phase `"train implicit-als"`.
    /// - Throws: `AlgorithmError` `.invalidConfiguration` for an option out of range or a value that is not
    ///   finite, `.emptyTrainingData` for an empty matrix, `.cancelled` when the task is cancelled (checked
    ///   between half-iterations).
    /// - Complexity: per iteration O((users + items)·k² + entries·k·(steps + 1)) with conjugate gradient,
    ///   O(entries·k² + (users + items)·k³) with Cholesky; O((users + items)·k + entries) memory.
    public static func fit(_ matrix: InteractionMatrix, configuration: ImplicitALSConfiguration = .init(),
                           progress: ProgressHandler? = nil) async throws -> ImplicitALS {
        try configuration.validate()
        guard matrix.entryCount > 0 else { throw AlgorithmError.emptyTrainingData("ImplicitALS") }
        if let bad = matrix.entryValues.firstIndex(where: { !$0.isFinite }) {
            throw AlgorithmError.invalidConfiguration(
                "ImplicitALS training matrix",
                field: "value of user '\(matrix.users[Int(matrix.entryUsers[bad])])', item '\(matrix.items[Int(matrix.entryItems[bad])])'",
                expected: "a finite number", found: "\(matrix.entryValues[bad])")
        }
        let k = configuration.factors
        var generator = SplitMix64(seed: configuration.seed)
        var users = (0..<matrix.users.count * k).map { _ in Float.random(in: 0..<1, using: &generator) * 0.01 }
        var items = (0..<matrix.items.count * k).map { _ in Float.random(in: 0..<1, using: &generator) * 0.01 }
        let byUser = ConfidenceRows(offsets: matrix.userOffsets, columns: matrix.userItems, values: matrix.userValues,
                                    weighting: configuration.confidence)
        let byItem = ConfidenceRows(offsets: matrix.itemOffsets, columns: matrix.itemUsers, values: matrix.itemValues,
                                    weighting: configuration.confidence)
        for iteration in 0..<configuration.iterations {
            try checkCancellation()
            users = try await solveRows(byUser, table: items, current: users, configuration: configuration, side: "user")
            try checkCancellation()
            items = try await solveRows(byItem, table: users, current: items, configuration: configuration, side: "item")
            progress?(TaskProgress(phase: "train implicit-als", completed: iteration + 1, total: configuration.iterations))
        }
        guard users.allSatisfy(\.isFinite), items.allSatisfy(\.isFinite) else {
            throw AlgorithmError(.invalidConfiguration, "ImplicitALS diverged: factors are not finite; raise regularization "
                                 + "(now \(configuration.regularization)) or lower alpha")
        }
        return ImplicitALS(configuration: configuration, history: TrainingHistory(matrix), userFactors: users,
                           itemFactors: items)
    }

    private static func checkCancellation() throws {
        if Task.isCancelled { throw AlgorithmError(.cancelled, "ImplicitALS training was cancelled") }
    }

    /// Best-first items for `user` by x_u·y_i; users without training history get the popularity fallback.
    /// - Complexity: O(items × k + items log count).
    public func recommend(for user: UserID, count: Int, excluding excluded: Set<ItemID>, includeSeen: Bool) -> TopNList {
        history.recommend(for: user, count: count, excluding: excluded, includeSeen: includeSeen) { u, scores in
            userFactors.withUnsafeBufferPointer { x in
                score(x.baseAddress! + u * factors, into: scores)
            }
        }
    }

    /// Writes y_i·x for every item i into `scores`.
    /// - Complexity: O(items × k), no allocation.
    func score(_ x: UnsafePointer<Float>, into scores: UnsafeMutableBufferPointer<Float>) {
        itemFactorsByFactor.withUnsafeBufferPointer { y in
            MatrixVector.multiplyTransposed(y.baseAddress!, rows: factors, columns: history.items.count, x,
                                            into: scores.baseAddress!)
        }
    }

    /// The `count` items whose vectors have the highest cosine similarity to `item`'s, best first, without `item`
    /// itself; empty for an unknown item. Items with a zero vector score 0.
    /// - Complexity: O(items × k + items log count).
    public func similarItems(to item: ItemID, count: Int) -> [ScoredItem] {
        guard let target = history.items.index(of: item) else { return [] }
        let k = factors
        var scores = [Float](repeating: 0, count: history.items.count)
        itemFactors.withUnsafeBufferPointer { y in
            let base = y.baseAddress!, query = base + target * k
            let queryNorm = VectorKernels.dot(query, query, count: k).squareRoot()
            for i in scores.indices {
                let other = base + i * k
                let norm = VectorKernels.dot(other, other, count: k).squareRoot() * queryNorm
                scores[i] = norm > 0 ? VectorKernels.dot(query, other, count: k) / norm : 0
            }
        }
        let best = scores.withUnsafeBufferPointer { TopKSelection.best(count, of: $0) { $0 == target } }
        return best.map { ScoredItem(item: history.items[$0.index], score: $0.score) }
    }
}

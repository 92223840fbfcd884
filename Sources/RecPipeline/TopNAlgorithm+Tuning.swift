import RecAlgorithms

extension TopNAlgorithm {
    /// The candidates a top-N search tries on a validation split carved from the training positives
    /// (``TopNProtocol/validation(from:)``), or just the default for algorithms without a grid.
    ///
    /// The grids centre on the best validation NDCG@10 of wider searches on p1-temporal ML-100K and
    /// ml-latest-small (never their test parts): EASE peaked at λ 300 and 100 of 50…2000; item-kNN at 200
    /// neighbours with shrinkage 0 or 10; user-kNN at 50 neighbours with shrinkage 50 or 20 with 10, of
    /// neighbours 10…200 × shrinkage 0, 10, 50. ALS and BPR keep their defaults until a search covers them.
    /// - Complexity: one fit per candidate: 5 for EASE (about 4 s each at 5,000 items on 2 cores), 6 for
    ///   each kNN.
    public var tuningGrid: [TopNModelConfiguration] {
        switch self {
        case .ease:
            [100, 200, 300, 500, 1000].map { .ease(EASEConfiguration(regularization: $0)) }
        case .itemKNN:
            [20, 100, 200].flatMap { neighbors in
                [0, 10].map { .itemKNN(ItemKNNConfiguration(neighbors: neighbors, shrinkage: $0)) }
            }
        case .userKNN:
            [20, 50, 100].flatMap { neighbors in
                [10, 50].map { .userKNN(UserKNNConfiguration(neighbors: neighbors, shrinkage: $0)) }
            }
        case .als, .bpr, .popular, .random:
            [defaultConfiguration]
        }
    }
}

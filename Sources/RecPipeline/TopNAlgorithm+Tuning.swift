import RecAlgorithms
import RecCore

extension TopNAlgorithm {
    /// The candidates a top-N search tries on a validation split carved from the training positives
    /// (``TopNProtocol/validation(from:)``), or just the default for algorithms without a grid.
    ///
    /// The grids centre on the best validation NDCG@10 of wider searches on p1-temporal ML-100K and
    /// ml-latest-small (never their test parts): EASE peaked at λ 300 and 100 of 50…2000; item-kNN at 200
    /// neighbours with shrinkage 0 or 10; user-kNN at 50 neighbours with shrinkage 50 or 20 with 10, of
    /// neighbours 10…200 × shrinkage 0, 10, 50. ALS searches exactly the grid the implicit peer is tuned
    /// on (`scripts/reference/implicit_topn.py --tune`: factors 32/64/128 × regularization 0.01/0.1/1 ×
    /// α 1/10/40 with implicit's c = α·r), so tuned-against-tuned comparisons are like for like. BPR keeps
    /// its default until a search covers it.
    /// - Complexity: one fit per candidate: 5 for EASE (about 4 s each at 5,000 items on 2 cores), 6 for
    ///   each kNN, 27 for ALS (about 0.1 s each on ML-100K).
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
        case .als:
            [32, 64, 128].flatMap { factors in
                [Float(0.01), 0.1, 1].flatMap { regularization in
                    [Float(1), 10, 40].map { alpha in
                        .als(ImplicitALSConfiguration(factors: factors, regularization: regularization,
                                                      confidence: .scaled(alpha: alpha)))
                    }
                }
            }
        case .bpr, .popular, .random:
            [defaultConfiguration]
        }
    }

    /// The recency weightings (``RecCore/RecencyWeighting``) a search scores each fitted candidate with, besides
    /// unweighted histories: half-lives of 0.1, 0.2, 0.3 and 0.5 of each user's positives for the models that fold
    /// a history in, none for popularity and random. A numpy EASE on the validation split of p1-temporal ML-100K
    /// peaked at 0.2–0.3; scoring is cheap next to fitting, so four are tried.
    public var historyWeightings: [RecencyWeighting] {
        switch self {
        case .als, .bpr, .itemKNN, .userKNN, .ease: [0.1, 0.2, 0.3, 0.5].map(RecencyWeighting.init(halfLifeShare:))
        case .popular, .random: []
        }
    }
}

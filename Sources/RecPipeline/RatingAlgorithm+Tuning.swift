import RecAlgorithms

extension RatingAlgorithm {
    /// The candidates `--tune` searches on a validation slice of the training data, or just the
    /// default for algorithms without a grid.
    ///
    /// The grids centre on settings found by tuning on inner 80/20 splits of ML-100K's `u*.base`
    /// files (never the test files): small initial factors (σ 0.01), more factors, and stronger
    /// regularisation than Surprise's defaults; the search then picks regularisation and epochs per fold.
    /// - Complexity: one fit per candidate: 6 for biased MF and SVD++.
    public var tuningGrid: [RatingModelConfiguration] {
        switch self {
        case .biasedMF:
            [0.05, 0.08, 0.12].flatMap { regularization in
                [25, 40].map { epochs in
                    .biasedMF(BiasedMFConfiguration(factors: 200, epochs: epochs, learningRate: 0.01,
                                                    biasRegularization: regularization, factorRegularization: regularization,
                                                    initialStandardDeviation: 0.01))
                }
            }
        case .svdpp:
            [0.02, 0.05, 0.08].flatMap { regularization in
                [20, 30].map { epochs in
                    .svdpp(SVDPlusPlusConfiguration(factors: 50, epochs: epochs, learningRate: 0.007,
                                                    biasRegularization: regularization, factorRegularization: regularization,
                                                    initialStandardDeviation: 0.01))
                }
            }
        case .globalMean, .baseline, .baselineSGD, .knnBaseline, .autorec, .neuralMF, .lstmHistory, .stack:
            [defaultConfiguration]
        }
    }
}

import ArgumentParser

/// What kind of recommender a command works on.
enum Task: String, ExpressibleByArgument, CaseIterable {
    /// Rating prediction (explicit ratings; RMSE/MAE).
    case rating
    /// Top-N from implicit feedback (positives; ranking metrics).
    case topn
}

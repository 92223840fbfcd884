/// Names of the metadata entries the pipeline keeps in a ``RecStore/Store``.
enum StoreKeys {
    /// The data set's rating scale, as JSON of ``RecCore/RatingScale``.
    static let ratingScale = "rating_scale"
    /// Name of the model `recommend` uses (the one trained last).
    static let activeModel = "active_model"
    /// Name (``TopNAlgorithm/rawValue``) of the top-N model the server uses (the one trained last).
    static let activeTopNModel = "active_topn_model"
}

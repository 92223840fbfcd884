import Foundation
import Hummingbird

/// `GET /healthz`: the process answers.
public struct Health: ResponseEncodable, Decodable, Sendable, Equatable {
    /// Always `"ok"`.
    public var status: String
}

/// `GET /readyz`: whether a model is loaded, and which.
public struct Readiness: ResponseEncodable, Decodable, Sendable, Equatable {
    /// `true` once a model serves recommendations.
    public var ready: Bool
    /// The model in use, e.g. `"topn-als v3"`.
    public var model: String?
    /// Catalogue size.
    public var items: Int
    /// Feedback events since the model was trained.
    public var eventsSinceTraining: Int
}

/// `POST /v1/train`: training was requested and runs in the background.
public struct TrainingRequest: ResponseEncodable, Decodable, Sendable, Equatable {
    /// The model in use until the new one is installed.
    public var currentModel: String?
    /// Always `"requested"`.
    public var status: String
}

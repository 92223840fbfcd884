import Hummingbird
import RecCore
import RecPipeline
import RecStore
import RecText

/// `POST /v1/recommendations/text`: recommendations from a described mood, for a new or anonymous viewer.
///
/// Needs the MiniLM model (``ServerConfiguration/modelDirectory``) and catalogue embeddings made by
/// `marquee embed`; without either the route answers 503 saying which is missing.
struct MoodRoutes {
    let store: any Store
    /// The encoder, or why there is none.
    let encoder: Result<MiniLMEncoder, APIError>

    func register(on group: RouterGroup<ServerContext>) {
        group.post("recommendations/text") { request, context in
            let mood = try await request.decodeJSON(as: MoodRequest.self, context: context)
            let count = mood.n ?? 10
            guard (1...100).contains(count) else {
                throw APIError(.invalidRequest, "n is \(count); expected 1 to 100", field: "n")
            }
            guard mood.text.count <= FeedbackRecorder.maximumReviewLength else {
                throw APIError(.invalidRequest, "text has \(mood.text.count) characters; at most \(FeedbackRecorder.maximumReviewLength) are read", field: "text")
            }
            let encoder = try encoder.get()
            let list: TextRecommendationList
            do {
                list = try await TextRecommending.recommend(text: mood.text, count: count, store: store, encoder: encoder)
            } catch let error as PipelineError where error.code == .invalidArgument {
                throw APIError(.invalidRequest, error.message, field: "text")
            } catch let error as PipelineError where error.code == .noModel {
                throw APIError(.unavailable, error.message)
            }
            let items = zip(list.items, list.cosines).map { item, cosine in
                RecommendedItem(id: item.id.rawValue, title: item.title, year: item.year, genres: item.genres, score: cosine, explanation: nil)
            }
            return MoodRecommendations(items: items, model: list.model, truncated: list.isTruncated)
        }
    }

    /// The encoder in `directory`, or the 503 to answer when it cannot be loaded.
    static func encoder(in directory: String?) -> Result<MiniLMEncoder, APIError> {
        guard let directory else {
            return .failure(APIError(.unavailable, "text features are off: start the server with MARQUEE_MODELS pointing at the models folder (scripts/setup fills ./models)"))
        }
        do {
            return .success(try ModelLocation(explicit: directory).sentenceEncoder())
        } catch {
            return .failure(APIError(.unavailable, "the sentence encoder cannot be loaded: \(error)"))
        }
    }
}

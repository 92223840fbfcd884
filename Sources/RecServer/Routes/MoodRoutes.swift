import Hummingbird
import RecCore
import RecPipeline
import RecStore
import RecText

/// `POST /v1/recommendations/text`: recommendations from a described mood, for a new or anonymous viewer.
///
/// Needs the MiniLM model (``ServerConfiguration/modelDirectory``) and catalogue embeddings made by
/// `marquee embed`, which the registry reads at start and after each training; without either the route answers
/// 503 saying which is missing. Costs one encoder pass over the text and O(items × 384).
struct MoodRoutes {
    let registry: ModelRegistry
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
            let (inputs, catalogue) = await registry.textState()
            guard let embeddings = inputs.embeddings, inputs.encoder == encoder.name else {
                throw APIError(.unavailable, inputs.embeddings == nil
                    ? "the catalogue has no embeddings; run `marquee embed` (the server reads them at start and after training)"
                    : "the catalogue was embedded by \(inputs.encoder ?? "another encoder"), not \(encoder.name); run `marquee embed` again")
            }
            let ranked: [ScoredItem], query: TextEmbedding
            do {
                (ranked, query) = try await TextRecommending.rank(text: mood.text, count: count, embeddings: embeddings, encoder: encoder)
            } catch let error as PipelineError where error.code == .invalidArgument {
                throw APIError(.invalidRequest, error.message, field: "text")
            }
            let items = ranked.filter { catalogue.items[$0.item] != nil }.map { RecommendedItem($0, catalogue) }
            return MoodRecommendations(items: items, model: inputs.embeddingsName ?? "", truncated: query.isTruncated)
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

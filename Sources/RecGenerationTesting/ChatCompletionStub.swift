import Foundation
import Hummingbird
import Testing
import HummingbirdTesting
import RecGeneration

/// A chat-completions server on a loopback socket that answers `POST /v1/chat/completions` from a script of
/// replies, one per request (the last one repeats), and records every request it received.
public actor ChatCompletionStub {
    /// How the stub answers one request.
    public enum Reply: Sendable {
        /// 200 with a well-formed completion whose message is the text.
        case completion(String)
        /// The status with a small JSON error body.
        case status(Int)
        /// 200 with a body that is not a chat completion.
        case malformed
        /// Waits this many seconds before answering with the completion: longer than the client's timeout.
        case slow(Double, String)
    }

    /// One request as received.
    public struct Received: Sendable {
        /// The `Authorization` header.
        public var authorization: String?
        /// The decoded body.
        package var body: ChatCompletion.Request
    }

    private var script: [Reply]
    /// Every request so far, in arrival order.
    public private(set) var received: [Received] = []
    private var inFlight = 0
    /// Most requests that were being answered at once.
    public private(set) var mostInFlight = 0

    /// A stub answering with `script`.
    public init(_ script: [Reply]) { self.script = script }

    private func next(_ request: Received) -> Reply {
        received.append(request)
        inFlight += 1
        mostInFlight = max(mostInFlight, inFlight)
        return script.count > 1 ? script.removeFirst() : script[0]
    }

    private func finish() { inFlight -= 1 }

    /// Runs `body` with the stub listening on 127.0.0.1 and a configuration pointing at it.
    public func serve(_ body: @Sendable @escaping (URL) async throws -> Void) async throws {
        let router = Router()
        router.post("v1/chat/completions") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            let decoded = try JSONDecoder().decode(ChatCompletion.Request.self, from: Data(buffer: bytes))
            let reply = await self.next(Received(authorization: request.headers[.authorization], body: decoded))
            let response = try await Self.respond(reply, model: decoded.model)
            await self.finish()
            return response
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await body(URL(string: "http://127.0.0.1:\(port)/v1")!)
        }
    }

    private static func respond(_ reply: Reply, model: String) async throws -> Response {
        switch reply {
        case .completion(let text):
            return try json(200, completion(text, model: model))
        case .status(let status):
            return try json(status, ["error": ["message": "stub failure", "type": "server_error", "code": status]])
        case .malformed:
            return try json(200, ["id": "chatcmpl-stub", "object": "chat.completion", "choices": "none"])
        case .slow(let seconds, let text):
            try await Task.sleep(for: .seconds(seconds))
            return try json(200, completion(text, model: model))
        }
    }

    /// A chat completion as OpenAI's API returns it.
    private static func completion(_ text: String, model: String) -> [String: Any] {
        ["id": "chatcmpl-stub", "object": "chat.completion", "created": 1_700_000_000, "model": model,
         "choices": [["index": 0, "message": ["role": "assistant", "content": text], "finish_reason": "stop"]],
         "usage": ["prompt_tokens": 100, "completion_tokens": 30, "total_tokens": 130]]
    }

    private static func json(_ status: Int, _ object: [String: Any]) throws -> Response {
        let data = try JSONSerialization.data(withJSONObject: object)
        return Response(status: .init(code: status), headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

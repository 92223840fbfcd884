import Foundation
import Hummingbird

/// The web page's three files (`/`, `/app.js`, `/style.css`), read from the bundle once at start and
/// served from memory without a key.
struct WebPageRoutes {
    private static let files: [(path: String, file: String, type: String)] = [
        ("/", "Public/index.html", "text/html; charset=utf-8"),
        ("/index.html", "Public/index.html", "text/html; charset=utf-8"),
        ("/app.js", "Public/app.js", "text/javascript; charset=utf-8"),
        ("/style.css", "Public/style.css", "text/css; charset=utf-8"),
    ]

    /// - Throws: ``ServerError`` if the build lacks one of the files.
    func register(on router: Router<ServerContext>) throws {
        for (path, file, type) in Self.files {
            let bytes = try OperationRoutes.resource(file)
            router.get(RouterPath(path)) { _, _ in
                Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
                         body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
            }
        }
    }
}

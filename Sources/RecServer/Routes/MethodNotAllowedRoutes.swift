import Hummingbird

/// Answers a method a route does not support with 405 and an `Allow` header, instead of the router's 404.
enum MethodNotAllowedRoutes {
    private static let methods: [HTTPRequest.Method] = [.get, .head, .post, .put, .delete, .patch, .options, .trace,
                                                         HTTPRequest.Method("QUERY")!]

    /// Registers the 405 answers for every path `router` has routes for; call after every route is added.
    static func register(on router: Router<ServerContext>) {
        let byPath = Dictionary(grouping: router.routes, by: { $0.path.description })
        for (_, routes) in byPath {
            let allowed = Set(routes.map(\.method))
            let allow = allowed.map(\.rawValue).sorted().joined(separator: ", ")
            for method in methods where !allowed.contains(method) && !(method == .head && allowed.contains(.get)) {
                router.on(routes[0].path, method: method) { _, _ -> Response in
                    throw APIError(.methodNotAllowed, "this path answers \(allow) only", allow: allow)
                }
            }
        }
    }
}

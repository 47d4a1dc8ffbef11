import Hummingbird
import SlipstreamHub

/// Lets a request through only with `Authorization: Bearer <token>` (any request when there is no token).
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token else { return try await next(request, context) }
        let given = request.headers[.authorization] ?? ""
        guard Self.equal(Array(given.utf8), Array("Bearer \(token)".utf8)) else {
            return HubRoutes.error(HubError(.unauthorized, "this hub needs an Authorization: Bearer header with its token"))
        }
        return try await next(request, context)
    }

    /// Compares in time that depends on the lengths only, not on where the bytes differ.
    private static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

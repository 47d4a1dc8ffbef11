import Hummingbird
import SlipstreamHub

/// Lets a request through only with `Authorization: Bearer <token>` when the server checks tokens
/// (``HubServerConfiguration/checksTokens``): the admin token (any agent), or an agent token of the hub's
/// store (that agent only, ``HubRequestContext/agent``). Any request when the server checks none.
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext

    let hub: Hub
    let configuration: HubServerConfiguration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard configuration.checksTokens else { return try await next(request, context) }
        let given = request.headers[.authorization] ?? ""
        if let token = configuration.token, BearerToken.authorizes(given, token: token) {
            return try await next(request, context)
        }
        if given.hasPrefix("Bearer ") {
            let found: HubAgentToken?
            do throws(HubError) {
                found = try await hub.authenticate(String(given.dropFirst("Bearer ".count)))
            } catch {
                return HubRoutes.error(error)
            }
            if let found {
                var context = context
                context.agent = found.agent
                return try await next(request, context)
            }
        }
        return HubRoutes.error(HubError(.unauthorized, "this hub needs an Authorization: Bearer header with its token or an agent's"))
    }
}

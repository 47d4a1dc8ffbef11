import Hummingbird

/// A request to the hub server and who made it: ``agent`` is set by ``BearerTokenMiddleware`` when the
/// request's token is an agent token.
struct HubRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The agent whose token the request carries: it may act only as that agent. Nil for the admin token,
    /// or on a server that checks no token: the request may act as any agent.
    var agent: String?

    init(source: Source) {
        coreContext = .init(source: source)
    }
}

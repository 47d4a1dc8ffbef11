import Hummingbird
import Logging
import SlipstreamHub

/// The hub's HTTP server over `store`, as `slipstream hub serve` runs it and the tests test it.
///
/// ```swift
/// let app = buildHubApplication(configuration: HubServerConfiguration(port: 7600), store: try SQLiteHubStore(path: "hub.sqlite"))
/// try await app.runService()
/// ```
public func buildHubApplication(
    configuration: HubServerConfiguration, store: any HubStore,
    onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    var logger = Logger(label: "slipstream.hub.server")
    logger.logLevel = .warning
    return Application(
        router: HubRoutes(hub: Hub(store: store, configuration: configuration.hub), configuration: configuration).router(),
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: "slipstream-hub"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

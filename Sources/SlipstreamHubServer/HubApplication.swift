import Hummingbird
import HummingbirdCore
import Logging
import SlipstreamHub

/// The hub's HTTP server over `store`, as `slipstream hub serve` runs it and the tests test it; HTTPS
/// when the configuration has ``HubServerConfiguration/tls``. It logs on `logger` (default: warnings and
/// worse); at `info` or below, one access-log line per request (method, path, status, milliseconds).
///
/// ```swift
/// let app = buildHubApplication(configuration: HubServerConfiguration(port: 7600), store: try SQLiteHubStore(path: "hub.sqlite"))
/// try await app.runService()
/// ```
public func buildHubApplication(
    configuration: HubServerConfiguration, store: any HubStore, logger: Logger? = nil,
    onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let logger =
        logger
        ?? {
            var logger = Logger(label: "slipstream.hub.server")
            logger.logLevel = .warning
            return logger
        }()
    return Application(
        router: HubRoutes(hub: Hub(store: store, configuration: configuration.hub), configuration: configuration).router(),
        server: configuration.tls?.http1Server ?? .http1(),
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: "slipstream-hub"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

import Hummingbird
import HummingbirdCore
import HummingbirdTLS
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
    let server: HTTPServerBuilder =
        if let tls = configuration.tls {
            // The TLS setting was checked when it was made (HubServerConfiguration.TLS.init).
            HTTPServerBuilder { responder in try TLSChannel(HTTP1Channel(responder: responder), tlsConfiguration: tls.configuration) }
        } else {
            .http1()
        }
    return Application(
        router: HubRoutes(hub: Hub(store: store, configuration: configuration.hub), configuration: configuration).router(),
        server: server,
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: "slipstream-hub"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

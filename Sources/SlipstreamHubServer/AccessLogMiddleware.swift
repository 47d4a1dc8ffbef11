import Hummingbird
import Logging

/// One line per request at `info` on the application's logger: the method, the path with its query, the
/// status and how long the answer took (`GET /v1/agents/bob/messages?wait=30 200 12 ms`). Never a header:
/// the bearer token stays out of the log.
public struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.logger.logLevel <= .info else { return try await next(request, context) }
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status.code, since: start, context.logger)
            return response
        } catch {
            // Errors the routes did not answer themselves (an unknown route: 404).
            log(request, status: (error as? any HTTPResponseError)?.status.code ?? 500, since: start, context.logger)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, since start: ContinuousClock.Instant, _ logger: Logger) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info("\(request.method) \(request.uri) \(status) \(Int(milliseconds.rounded())) ms")
    }
}

import Foundation
import Hummingbird
import ServiceLifecycle
import SlipstreamCore
import SlipstreamHub

/// The routes of the hub's HTTP API (docs/hub.md): every answer is JSON, every error
/// `{"error": {code, message, offset, wireError, retryAfter}}` with a status that fits its code. A request
/// with an agent's token acts only as that agent (``HubRequestContext/agent``): it sends wires from it,
/// reads and acknowledges its mailbox, joins and leaves groups as it; any agent reads a group's members.
struct HubRoutes: Sendable {
    let hub: Hub
    let configuration: HubServerConfiguration
    let metrics = HubMetrics()

    func router() -> Router<HubRequestContext> {
        let router = Router(context: HubRequestContext.self)
        router.add(middleware: AccessLogMiddleware())
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        router.get("/v1/health") { _, _ in
            await respond { () async throws(HubError) in
                _ = try await hub.members(of: "health")
                return .object([("status", .string("ok"))])
            }
        }
        // Prometheus's text format; the operator's view, as /v1/stats.
        let tokens = BearerTokenMiddleware(hub: hub, configuration: configuration)
        router.group("/metrics").add(middleware: tokens).get { _, context in
            do throws(HubError) {
                let text = metrics.text(try await stats(context), now: Date())
                return Response(
                    status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
            } catch {
                return Self.error(error)
            }
        }
        let api = router.group("/v1").add(middleware: tokens)
        api.post("/messages") { request, context in await send(request, as: context.agent) }
        api.get("/agents/:agent/messages") { request, context in await receive(request, context) }
        api.post("/agents/:agent/ack") { request, context in await acknowledge(request, context) }
        api.get("/stats") { _, context in
            await respond { () async throws(HubError) in try await stats(context).json() }
        }
        api.get("/groups/:group/members") { _, context in
            await respond { () async throws(HubError) in try await members(of: context.parameters.get("group") ?? "") }
        }
        api.put("/groups/:group/members/:agent") { _, context in
            await changeMembership(context, "add", "to") { group, agent throws(HubError) in
                try await hub.join(group: group, agent: agent)
            }
        }
        api.delete("/groups/:group/members/:agent") { _, context in
            await changeMembership(context, "remove", "from") { group, agent throws(HubError) in
                try await hub.leave(group: group, agent: agent)
            }
        }
        return router
    }

    /// `PUT` and `DELETE /v1/groups/{group}/members/{agent}`: `change` for the agent the request may act as
    /// (``authorize(_:_:_:_:)``: "cannot `doing` B `preposition` the group G"), then the group's members.
    private func changeMembership(
        _ context: HubRequestContext, _ doing: String, _ preposition: String,
        _ change: (_ group: String, _ agent: String) async throws(HubError) -> Void
    ) async -> Response {
        await respond { () async throws(HubError) in
            let group = context.parameters.get("group") ?? ""
            let agent = try authorize(
                context, context.parameters.get("agent") ?? "", doing, "\(preposition) the group \(group.debugDescription)")
            try await change(group, agent)
            return try await members(of: group)
        }
    }

    /// `POST /v1/messages`: one wire per line; a result per non-empty line. 200 when every line was
    /// accepted, else the status of the worst refusal (503 storage, 507 mailbox full, 429 rate, 403 another
    /// agent's src, 422 wire); accepted lines stay. With `agent`, a line whose src is another agent is
    /// refused (`forbidden`).
    private func send(_ request: Request, as agent: String?) async -> Response {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: configuration.maxBodyBytes)
        } catch {
            return Self.error(HubError(.bodyTooLarge, "the request body is over the limit of \(configuration.maxBodyBytes) bytes"))
        }
        var results: [JSONValue] = []
        var refusals: [HubError] = []
        for (index, raw) in String(buffer: body).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.allSatisfy(\.isWhitespace) { continue }
            do throws(HubError) {
                results.append(HubReceipt.json(line: index + 1, .success(try await hub.send(String(line), as: agent))))
                metrics.accepted()
            } catch {
                metrics.refused(error.code)
                refusals.append(error)
                results.append(HubReceipt.json(line: index + 1, .failure(error)))
            }
        }
        let worst = refusals.max { Self.severity($0.code) < Self.severity($1.code) }
        var response = Self.json(.object([("results", .array(results))]), status: worst.map { Self.status($0.code) } ?? .ok)
        let retry = refusals.compactMap(\.retryAfter).max()
        if worst?.code == .rateLimited, let retry { response.headers[.retryAfter] = Self.retryAfterSeconds(retry) }
        return response
    }

    /// `GET /v1/agents/{agent}/messages?after=&limit=&wait=` (wait in seconds): long-polls.
    private func receive(_ request: Request, _ context: HubRequestContext) async -> Response {
        await respond { () async throws(HubError) in
            let agent = try authorize(context, context.parameters.get("agent") ?? "", "read the mailbox of")
            let query = request.uri.queryParameters
            let after = try Self.number("after", query["after"], as: Int64.self) ?? 0
            let limit = try Self.number("limit", query["limit"], as: Int.self)
            let wait = try Self.number("wait", query["wait"], as: Double.self) ?? 0
            guard (limit ?? 1) >= 1, wait >= 0, wait.isFinite else {
                throw HubError(.invalidRequest, "limit must be at least 1 and wait a number of seconds of at least 0")
            }
            // A server shutting down (SIGINT, SIGTERM) ends the wait: the receiver gets what is there now,
            // and the server does not wait out long polls before it stops.
            let hub = hub
            let messages = try await cancelWhenGracefulShutdown { () async -> Result<[HubMessage], HubError> in
                do throws(HubError) {
                    return .success(try await hub.receive(agent: agent, after: after, limit: limit, wait: HubTime.duration(seconds: wait)))
                } catch {
                    return .failure(error)
                }
            }.get()
            metrics.delivered(messages.count)
            return .object([("messages", .array(messages.map(\.json)))])
        }
    }

    /// `POST /v1/agents/{agent}/ack` with `{"through": id}`.
    private func acknowledge(_ request: Request, _ context: HubRequestContext) async -> Response {
        struct Body: Decodable { var through: Int64 }
        let agent = context.parameters.get("agent") ?? ""
        return await respond { () async throws(HubError) in
            try authorize(context, agent, "acknowledge the messages of")
            let body: Body
            do {
                body = try JSONDecoder().decode(Body.self, from: Data(String(buffer: try await request.body.collect(upTo: 4096)).utf8))
            } catch {
                throw HubError(.invalidRequest, "the body is not {\"through\": <message id>}")
            }
            let cursor = try await hub.acknowledge(agent: agent, through: body.through)
            return .object([("agent", .string(agent)), ("through", .int(Int(cursor)))])
        }
    }

    /// The hub as the request may use it: as its token's agent (``AgentHub``), else whole.
    private func endpoint(_ context: HubRequestContext) -> any HubEndpoint {
        context.agent.map { AgentHub(hub: hub, agent: $0) } ?? hub
    }

    /// The hub's stats with this server's mailbox limit: every agent's mailbox, the operator's view, not one
    /// agent's (``AgentHub`` refuses it).
    private func stats(_ context: HubRequestContext) async throws(HubError) -> HubStats {
        var stats = try await endpoint(context).stats()
        stats.maxPending = max(0, hub.configuration.maxPending)
        return stats
    }

    /// `agent`, when the request may act as it: always without an agent token, else only when it is the
    /// token's agent (``AgentHub/authorize(_:_:_:)``, whose error says "the token of agent A cannot `doing` B `rest`").
    @discardableResult
    private func authorize(_ context: HubRequestContext, _ agent: String, _ doing: String, _ rest: String = "") throws(HubError) -> String {
        guard let own = context.agent else { return agent }
        return try AgentHub(hub: hub, agent: own).authorize(agent, doing, rest)
    }

    private func members(of group: String) async throws(HubError) -> JSONValue {
        .object([("group", .string(group)), ("members", .array(try await hub.members(of: group).map(JSONValue.string)))])
    }

    /// `body`'s JSON with 200, or its error's.
    private func respond(_ body: () async throws(HubError) -> JSONValue) async -> Response {
        do {
            return Self.json(try await body())
        } catch {
            return Self.error(error)
        }
    }

    /// A query parameter as a number; nil when absent.
    private static func number<T: LosslessStringConvertible>(_ name: String, _ value: Substring?, as: T.Type) throws(HubError) -> T? {
        guard let value else { return nil }
        guard let number = T(String(value)) else { throw HubError(.invalidRequest, "\(name)=\(value) is not a number") }
        return number
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: value.compactText + "\n")))
    }

    static func error(_ error: HubError) -> Response {
        var response = json(.object([("error", error.json)]), status: status(error.code))
        if let retry = error.retryAfter { response.headers[.retryAfter] = retryAfterSeconds(retry) }
        if error.code == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        return response
    }

    /// Retry-After: whole seconds, rounded up.
    private static func retryAfterSeconds(_ duration: Duration) -> String {
        String(max(1, Int(HubTime.seconds(duration).rounded(.up))))
    }

    static func status(_ code: HubError.Code) -> HTTPResponse.Status {
        switch code {
        case .invalidWire, .lineTooLong, .versionNotAccepted: .unprocessableContent
        case .rateLimited: .tooManyRequests
        // The recipient's room on the server, not the sender's request nor its pace: 507 Insufficient Storage.
        case .mailboxFull: HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage")
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .bodyTooLarge: .contentTooLarge
        case .storage: .serviceUnavailable
        case .transport: .badGateway
        default: .badRequest
        }
    }

    /// Which refusal decides a batch's status.
    private static func severity(_ code: HubError.Code) -> Int {
        switch code {
        case .storage: 5
        case .mailboxFull: 4
        case .rateLimited: 3
        case .forbidden: 2
        default: 1
        }
    }
}

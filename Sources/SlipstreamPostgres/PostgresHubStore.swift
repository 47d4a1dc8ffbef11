import Foundation
import PostgresNIO
import SlipstreamCore
import SlipstreamHub

/// A ``HubStore`` on a PostgreSQL server: hubs and agents on many machines share the mailboxes.
///
/// Ids come from an identity column; appends take a transaction-scoped advisory lock, so ids commit in
/// the order they are drawn and a reader never sees id `n` before a smaller one. Every append sends a
/// `NOTIFY` on the store's channel; ``listen()`` (which ``withStore(url:prefix:_:)`` runs) turns it into a
/// wake-up for the receivers waiting on this instance, whatever machine appended.
///
/// ```swift
/// try await PostgresHubStore.withStore(url: "postgres://hub@db.internal/slipstream") { store in
///     let hub = Hub(store: store)
///     try await hub.send("SLIP v1 alice bob RequestReview auth_module")
/// }
/// ```
public struct PostgresHubStore: HubStore {
    /// The client the store queries; it must be running (`PostgresClient.run()`).
    public let client: PostgresClient
    /// The tables' common prefix (`<prefix>_messages`, `_deliveries`, `_cursors`, `_members`, `_rates`, `_tokens`) and the
    /// `NOTIFY` channel's name.
    public let prefix: String
    /// How errors name the server.
    public let server: String
    /// How often a waiting receiver checks the server even without a notification (a safety net for a
    /// listener that is reconnecting).
    public let pollInterval: Duration
    private let signal = HubSignal()

    /// The store's tables, the message table last (the others refer to it).
    public var tables: [String] { ["deliveries", "cursors", "members", "rates", "tokens", "messages"].map { "\(prefix)_\($0)" } }

    /// A store on `client` in the tables named by `prefix` (a lowercase SQL identifier of at most 50 bytes).
    public init(
        client: PostgresClient, prefix: String = "slipstream_hub", server: String = "the PostgreSQL server",
        pollInterval: Duration = .seconds(2)
    ) throws(HubError) {
        self.client = client
        self.prefix = try Self.checked(prefix: prefix)
        self.server = server
        self.pollInterval = pollInterval
    }

    /// `prefix`, when it is a lowercase SQL identifier short enough for the table names.
    private static func checked(prefix: String) throws(HubError) -> String {
        guard PostgresServer.isIdentifier(prefix, maxLength: 50) else {
            throw HubError(.storage, "table prefix \(prefix.debugDescription) is not a lowercase SQL identifier of at most 50 bytes")
        }
        return prefix
    }

    private static let logger = PostgresServer.quietLogger

    /// Creates the tables when they do not exist yet (hubs starting at once take turns).
    public func prepare() async throws {
        try await HubError.postgres("create the hub tables \(prefix)_* on \(server)") {
            try await client.withTransaction(logger: Self.logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(prefix)))", logger: Self.logger)
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS \(unescaped: prefix)_messages (
                        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        src TEXT NOT NULL,
                        dst TEXT NOT NULL,
                        wire TEXT NOT NULL,
                        version TEXT NOT NULL,
                        sent_at BIGINT NOT NULL
                    )
                    """, logger: Self.logger)
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS \(unescaped: prefix)_deliveries (
                        recipient TEXT NOT NULL,
                        message_id BIGINT NOT NULL REFERENCES \(unescaped: prefix)_messages (id),
                        PRIMARY KEY (recipient, message_id)
                    )
                    """, logger: Self.logger)
                try await connection.query(
                    "CREATE INDEX IF NOT EXISTS \(unescaped: prefix)_deliveries_by_message ON \(unescaped: prefix)_deliveries (message_id)",
                    logger: Self.logger)
                try await connection.query(
                    "CREATE TABLE IF NOT EXISTS \(unescaped: prefix)_cursors (recipient TEXT PRIMARY KEY, acked_through BIGINT NOT NULL)",
                    logger: Self.logger)
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS \(unescaped: prefix)_members (
                        group_name TEXT NOT NULL, agent TEXT NOT NULL, PRIMARY KEY (group_name, agent)
                    )
                    """, logger: Self.logger)
                // Each sender's token bucket, as the time (µs since 1970) it is full again (HubRateBucket).
                try await connection.query(
                    "CREATE TABLE IF NOT EXISTS \(unescaped: prefix)_rates (sender TEXT PRIMARY KEY, full_at BIGINT NOT NULL)",
                    logger: Self.logger)
                try await createTokenTable(connection)
            }
        }
    }

    /// The mailbox check runs under the append's lock, in its transaction: appenders on every machine take
    /// turns, so none puts a mailbox over `maxPending`.
    public func append(_ envelope: HubEnvelope, to recipients: [String], maxPending: Int) async throws -> Int64 {
        let recipients = Set(recipients).sorted()
        let id = try await HubError.postgres("append a message to \(prefix)_messages on \(server)") {
            try await client.withTransaction(logger: Self.logger) { connection -> Result<Int64, HubError> in
                // One appender at a time, until commit: ids become visible in order, mailbox counts stay true.
                try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(prefix)))", logger: Self.logger)
                if maxPending > 0, !recipients.isEmpty, let full = try await fullMailbox(connection, of: recipients, maxPending: maxPending)
                {
                    return .failure(full)
                }
                let rows = try await connection.query(
                    """
                    INSERT INTO \(unescaped: prefix)_messages (src, dst, wire, version, sent_at)
                    VALUES (\(envelope.src), \(envelope.dst), \(envelope.wire), \(envelope.version.rawValue), \(HubTime.milliseconds(envelope.sentAt)))
                    RETURNING id
                    """, logger: Self.logger)
                var inserted: Int64?
                for try await id in rows.decode(Int64.self) { inserted = id }
                guard let id = inserted else { throw HubError(.storage, "the server returned no id for the message") }
                if !recipients.isEmpty {
                    try await connection.query(
                        "INSERT INTO \(unescaped: prefix)_deliveries (recipient, message_id) SELECT unnest(\(recipients)::text[]), \(id)",
                        logger: Self.logger)
                }
                try await connection.query("SELECT pg_notify(\(prefix), \(String(id)))", logger: Self.logger)
                return .success(id)
            }
        }.get()
        signal.notify()
        return id
    }

    /// The error for the first of `recipients` (sorted) whose mailbox holds `maxPending` unacknowledged
    /// messages; nil when each has room. Counts at most `maxPending` per recipient, and all of a full one's.
    private func fullMailbox(_ connection: PostgresConnection, of recipients: [String], maxPending: Int) async throws -> HubError? {
        let rows = try await connection.query(
            """
            SELECT r, (SELECT count(*) FROM (
                SELECT 1 FROM \(unescaped: prefix)_deliveries d WHERE d.recipient = r AND d.message_id >
                    COALESCE((SELECT acked_through FROM \(unescaped: prefix)_cursors c WHERE c.recipient = r), 0)
                LIMIT \(maxPending)) AS pending)
            FROM unnest(\(recipients)::text[]) AS r ORDER BY r COLLATE "C"
            """, logger: Self.logger)
        var full: String?
        for try await (recipient, counted) in rows.decode((String, Int64).self) where full == nil && counted >= maxPending {
            full = recipient
        }
        guard let full else { return nil }
        let counts = try await connection.query(
            """
            SELECT count(*) FROM \(unescaped: prefix)_deliveries WHERE recipient = \(full) AND message_id >
                COALESCE((SELECT acked_through FROM \(unescaped: prefix)_cursors WHERE recipient = \(full)), 0)
            """, logger: Self.logger)
        var pending = maxPending
        for try await count in counts.decode(Int64.self) { pending = Int(count) }
        return .mailboxFull(recipient: full, pending: pending, limit: maxPending)
    }

    /// One read-only, repeatable-read transaction: the mailboxes and the totals are of one moment.
    public func stats() async throws -> HubStats {
        try await HubError.postgres("read the statistics of \(prefix)_* on \(server)") {
            try await client.withTransaction(logger: Self.logger) { connection in
                try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: Self.logger)
                let rows = try await connection.query(
                    """
                    SELECT r.recipient, COALESCE(p.pending, 0), p.oldest, m.sent_at, COALESCE(c.acked_through, 0)
                    FROM (SELECT recipient FROM \(unescaped: prefix)_deliveries
                        UNION SELECT recipient FROM \(unescaped: prefix)_cursors WHERE acked_through > 0) r
                    LEFT JOIN \(unescaped: prefix)_cursors c ON c.recipient = r.recipient
                    LEFT JOIN (
                        SELECT d.recipient, count(*) AS pending, min(d.message_id) AS oldest
                        FROM \(unescaped: prefix)_deliveries d LEFT JOIN \(unescaped: prefix)_cursors c ON c.recipient = d.recipient
                        WHERE d.message_id > COALESCE(c.acked_through, 0)
                        GROUP BY d.recipient
                    ) p ON p.recipient = r.recipient
                    LEFT JOIN \(unescaped: prefix)_messages m ON m.id = p.oldest
                    ORDER BY r.recipient COLLATE "C"
                    """, logger: Self.logger)
                var mailboxes: [HubStats.Mailbox] = []
                for try await (recipient, pending, oldest, sentAt, acked) in rows.decode((String, Int64, Int64?, Int64?, Int64).self)
                where pending > 0 || acked > 0 {
                    mailboxes.append(
                        HubStats.Mailbox(
                            recipient: recipient, pending: Int(pending), oldestPendingID: oldest,
                            oldestPendingSentAt: sentAt.map { HubTime.date(milliseconds: $0) }, ackedThrough: acked))
                }
                let totals = try await connection.query(
                    """
                    SELECT (SELECT count(*) FROM \(unescaped: prefix)_messages),
                        (SELECT count(DISTINCT group_name) FROM \(unescaped: prefix)_members)
                    """, logger: Self.logger)
                var (messages, groups) = (Int64(0), Int64(0))
                for try await row in totals.decode((Int64, Int64).self) { (messages, groups) = row }
                return HubStats(mailboxes: mailboxes, messages: Int(messages), groups: Int(groups))
            }
        }
    }

    public func fetch(for recipient: String, after: Int64, limit: Int) async throws -> [HubMessage] {
        try await HubError.postgres("fetch the messages of \(recipient.debugDescription) from \(server)") {
            let rows = try await client.query(
                """
                SELECT m.id, m.src, m.dst, m.wire, m.version, m.sent_at
                FROM \(unescaped: prefix)_deliveries d JOIN \(unescaped: prefix)_messages m ON m.id = d.message_id
                WHERE d.recipient = \(recipient) AND d.message_id > GREATEST(\(after),
                    COALESCE((SELECT acked_through FROM \(unescaped: prefix)_cursors WHERE recipient = \(recipient)), 0))
                ORDER BY d.message_id LIMIT \(max(0, limit))
                """)
            var messages: [HubMessage] = []
            for try await (id, src, dst, wire, version, sentAt) in rows.decode((Int64, String, String, String, String, Int64).self) {
                guard let wireVersion = WireVersion(rawValue: version) else {
                    throw HubError(.storage, "message \(id) on \(server) has version \(version.debugDescription)")
                }
                messages.append(
                    HubMessage(
                        id: id, src: src, dst: dst, recipient: recipient, wire: wire, version: wireVersion,
                        sentAt: HubTime.date(milliseconds: sentAt)))
            }
            return messages
        }
    }

    public func acknowledge(for recipient: String, through id: Int64) async throws -> Int64 {
        try await HubError.postgres("acknowledge the messages of \(recipient.debugDescription) on \(server)") {
            // One statement: the cursor moves to min(id, the newest delivery), never backwards, and what is
            // acknowledged is never fetched again, so its deliveries go (the messages stay).
            let rows = try await client.query(
                """
                WITH cursor AS (
                    INSERT INTO \(unescaped: prefix)_cursors (recipient, acked_through)
                    SELECT \(recipient), GREATEST(0, LEAST(\(id), COALESCE(MAX(message_id), 0)))
                    FROM \(unescaped: prefix)_deliveries WHERE recipient = \(recipient)
                    ON CONFLICT (recipient) DO UPDATE
                    SET acked_through = GREATEST(\(unescaped: prefix)_cursors.acked_through, excluded.acked_through)
                    RETURNING acked_through
                ), acknowledged AS (
                    DELETE FROM \(unescaped: prefix)_deliveries
                    WHERE recipient = \(recipient) AND message_id <= (SELECT acked_through FROM cursor)
                )
                SELECT acked_through FROM cursor
                """)
            var cursor: Int64 = 0
            for try await value in rows.decode(Int64.self) { cursor = value }
            return cursor
        }
    }

    public func join(group: String, agent: String) async throws {
        _ = try await HubError.postgres("add \(agent.debugDescription) to \(group.debugDescription) on \(server)") {
            try await client.query(
                "INSERT INTO \(unescaped: prefix)_members (group_name, agent) VALUES (\(group), \(agent)) ON CONFLICT DO NOTHING")
        }
    }

    public func leave(group: String, agent: String) async throws {
        _ = try await HubError.postgres("remove \(agent.debugDescription) from \(group.debugDescription) on \(server)") {
            try await client.query("DELETE FROM \(unescaped: prefix)_members WHERE group_name = \(group) AND agent = \(agent)")
        }
    }

    public func members(of group: String) async throws -> [String] {
        try await HubError.postgres("list the members of \(group.debugDescription) on \(server)") {
            let rows = try await client.query(
                "SELECT agent FROM \(unescaped: prefix)_members WHERE group_name = \(group) ORDER BY agent COLLATE \"C\"")
            var members: [String] = []
            for try await agent in rows.decode(String.self) { members.append(agent) }
            return members
        }
    }

    /// Also forgets the rate buckets that are full again.
    public func prune(sentBefore: Date) async throws -> Int {
        let now = HubTime.microseconds(Date())
        return try await HubError.postgres("prune the messages in \(prefix)_messages on \(server)") {
            let rows = try await client.query(
                """
                DELETE FROM \(unescaped: prefix)_messages m WHERE m.sent_at < \(HubTime.milliseconds(sentBefore))
                AND NOT EXISTS (SELECT 1 FROM \(unescaped: prefix)_deliveries d WHERE d.message_id = m.id)
                RETURNING m.id
                """)
            var count = 0
            for try await _ in rows.decode(Int64.self) { count += 1 }
            try await client.query("DELETE FROM \(unescaped: prefix)_rates WHERE full_at <= \(now)")
            return count
        }
    }

    /// One statement: the upsert locks the sender's row (a first insert racing another waits for it, then
    /// updates), moves the bucket on when a message may be taken and returns nothing when not
    /// (``HubRateBucket``'s arithmetic, in SQL). Only then is the bucket read again for the retry-after.
    public func consumeRate(for sender: String, limit: HubConfiguration.RateLimit, now: Date) async throws -> Duration? {
        let microseconds = HubTime.microseconds(now)
        let (interval, tolerance) = (limit.intervalMicroseconds, limit.toleranceMicroseconds)
        return try await HubError.postgres("check the rate of \(sender.debugDescription) on \(server)") {
            let taken = try await client.query(
                """
                INSERT INTO \(unescaped: prefix)_rates AS r (sender, full_at) VALUES (\(sender), \(microseconds) + \(interval))
                ON CONFLICT (sender) DO UPDATE SET full_at = GREATEST(r.full_at, \(microseconds)) + \(interval)
                WHERE r.full_at - \(microseconds) <= \(tolerance)
                RETURNING full_at
                """)
            var took = false
            for try await _ in taken.decode(Int64.self) { took = true }
            if took { return nil }
            let rows = try await client.query("SELECT full_at FROM \(unescaped: prefix)_rates WHERE sender = \(sender)")
            var bucket = HubRateBucket()
            for try await fullAt in rows.decode(Int64.self) { bucket.fullAt = fullAt }
            // Refilled meanwhile (or forgotten by a prune): the sender may try again at once.
            return bucket.retryAfter(limit, at: now) ?? .zero
        }
    }

    public func waitForMessages(for recipient: String, after: Int64, timeout: Duration) async throws {
        try await signal.wait(
            until: { try await !fetch(for: recipient, after: after, limit: 1).isEmpty }, timeout: timeout, poll: pollInterval)
    }

    /// Listens on the store's channel until the task is cancelled, waking this instance's waiting receivers
    /// on every append to the database (from any machine); reconnects after a lost connection.
    /// `listening` is called each time the channel is listened on (again).
    public func listen(listening: @Sendable () -> Void = {}) async {
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: prefix) { notifications in
                        // Listening (again): whatever came meanwhile is looked for once more.
                        signal.notify()
                        listening()
                        for try await _ in notifications { signal.notify() }
                    }
                }
            } catch {
                // Lost the connection or the server: try again shortly; waiting receivers poll meanwhile.
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }

    /// Runs a client for the server at `url` (`postgres://user:password@host:port/database?parameters`,
    /// parameters as in docs/hub.md#postgresql-urls) and its listener, prepares the store and hands it to
    /// `body` once the listener listens (or after 10 s without); both stop when `body` returns.
    public static func withStore<Result: Sendable>(
        url: String, prefix: String = "slipstream_hub", pollInterval: Duration = .seconds(2),
        _ body: (PostgresHubStore) async throws -> Result
    ) async throws -> Result {
        let location: PostgresURL
        do { location = try PostgresURL(url) } catch { throw HubError(.storage, error.message) }
        let server = location.server
        _ = try checked(prefix: prefix)  // before a client starts
        try await HubError.postgres("connect to \(server)") { try await PostgresServer.probe(location) }
        var configuration = location.client
        configuration.options.maximumConnections += 1  // the listener's, besides the queries' pool_size
        return try await PostgresServer.withClient(configuration) { client in
            let store = try PostgresHubStore(client: client, prefix: prefix, server: server, pollInterval: pollInterval)
            try await store.prepare()
            return try await withThrowingTaskGroup(of: Void.self) { group in
                let (listening, listened) = AsyncStream<Void>.makeStream()
                group.addTask { await store.listen { listened.yield() } }
                defer { group.cancelAll() }
                await withTaskGroup(of: Void.self) { first in
                    first.addTask { for await _ in listening { return } }
                    first.addTask { try? await Task.sleep(for: .seconds(10)) }
                    await first.next()
                    first.cancelAll()
                }
                return try await body(store)
            }
        }
    }
}

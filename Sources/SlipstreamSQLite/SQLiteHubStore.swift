import Foundation
import GRDB
import SlipstreamCore
import SlipstreamHub
import Synchronization

/// A ``HubStore`` in a SQLite file: the agents (processes) of one machine share the file; messages
/// outlive every process.
///
/// Each append is one write transaction, so ids are assigned and committed in order. A waiting receiver
/// wakes at once for appends through this instance, and for appends by other processes (or other
/// instances) as soon as they commit: on Linux the store watches the database's files with inotify
/// (``isWatching``). It also looks every ``pollInterval``: a safety net while it watches, the only way to
/// see other processes' appends where it cannot.
///
/// ```swift
/// let hub = Hub(store: try SQLiteHubStore(path: "hub.sqlite"))
/// try await hub.send("SLIP v1 alice bob RequestReview auth_module")
/// ```
public final class SQLiteHubStore: HubStore {
    /// The database file.
    public let path: String
    /// How often a waiting receiver looks for messages appended by other processes even without a wake-up.
    public let pollInterval: Duration
    /// Whether commits by other processes wake waiting receivers at once (inotify on the database's files;
    /// false without inotify, e.g. when the user has no inotify instance left, or when opened with
    /// `watch: false`).
    public var isWatching: Bool { watcher != nil }
    /// The file's connection pool (the token queries use it too: SQLiteHubStore+Tokens.swift).
    let database: DatabasePool
    private let signal = HubSignal()
    private let newest = NewestID()
    /// Released with the store, waiting for a running look at the database (which waits for the writer):
    /// so no closure given to `database.write` may hold the store.
    private let watcher: SQLiteCommitWatcher?

    /// Opens (or creates) the store at `path`; another process holding the file's lock is waited for up
    /// to `busyTimeout` seconds. Other processes' appends wake waiting receivers through a watch on the
    /// file (unless `watch` is false or inotify is unavailable) and are looked for every `pollInterval`
    /// (default: 2 s while watching, else 100 ms).
    public init(path: String, busyTimeout: Double = 5, pollInterval: Duration? = nil, watch: Bool = true) throws(HubError) {
        self.path = path
        let database: DatabasePool
        do {
            database = try SQLiteDatabase.open(path: path, busyTimeout: busyTimeout, migrator: Self.migrator)
        } catch {
            throw HubError(.storage, "cannot open the hub store \(path.debugDescription)", underlying: error)
        }
        self.database = database
        watcher =
            !watch
            ? nil
            : SQLiteCommitWatcher(database: path) { [database, signal, newest] in
                // Nobody waits (a process that only sends): nothing to look into, and no lock to take from
                // the other processes' writers. A receiver that starts waiting looks for itself first.
                guard signal.isAwaited else { return }
                // The event came while the writer was writing; GRDB's write transaction is IMMEDIATE, so it
                // starts once that writer committed, and then sees its message.
                let id = try? database.write { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM hub_messages") ?? 0 }
                // A failed look wakes them too: let them look for themselves.
                if let id, !newest.advance(to: id) { return }
                signal.notify()
            }
        self.pollInterval = pollInterval ?? (watcher == nil ? .milliseconds(100) : .seconds(2))
    }

    /// The check and the append are one write transaction (IMMEDIATE: it holds the file's write lock from
    /// its start), so processes sharing the file never put a mailbox over `maxPending`.
    public func append(_ envelope: HubEnvelope, to recipients: [String], maxPending: Int) async throws -> Int64 {
        let recipients = Set(recipients).sorted()
        let id = try await HubError.storage("append a message to \(path.debugDescription)") {
            try await database.write { db -> Result<Int64, HubError> in
                if maxPending > 0, let full = try Self.fullMailbox(db, of: recipients, maxPending: maxPending) { return .failure(full) }
                try db.execute(
                    sql: "INSERT INTO hub_messages (src, dst, wire, version, sent_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [
                        envelope.src, envelope.dst, envelope.wire, envelope.version.rawValue, HubTime.milliseconds(envelope.sentAt),
                    ])
                let id = db.lastInsertedRowID
                for recipient in recipients {
                    try db.execute(sql: "INSERT INTO hub_deliveries (recipient, message_id) VALUES (?, ?)", arguments: [recipient, id])
                }
                return .success(id)
            }
        }.get()
        // Receivers waiting on this instance see it now; the watcher need not wake them for it again.
        _ = newest.advance(to: id)
        signal.notify()
        return id
    }

    /// Unacknowledged deliveries of a recipient (`?` twice): those above its cursor.
    private static let pendingDeliveries = """
        SELECT d.message_id FROM hub_deliveries d
        WHERE d.recipient = ? AND d.message_id > coalesce((SELECT acked_through FROM hub_cursors WHERE recipient = ?), 0)
        """

    /// The error for the first of `recipients` whose mailbox holds `maxPending` unacknowledged messages; nil
    /// when each has room. Counts at most `maxPending` per recipient, and all of a full one's.
    private static func fullMailbox(_ db: Database, of recipients: [String], maxPending: Int) throws -> HubError? {
        for recipient in recipients {
            let counted =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM (\(pendingDeliveries) LIMIT ?)", arguments: [recipient, recipient, maxPending]) ?? 0
            guard counted >= maxPending else { continue }
            let pending =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(pendingDeliveries))", arguments: [recipient, recipient]) ?? counted
            return .mailboxFull(recipient: recipient, pending: pending, limit: maxPending)
        }
        return nil
    }

    /// One read transaction: the mailboxes and the totals are of one moment.
    public func stats() async throws -> HubStats {
        try await HubError.storage("read the statistics of \(path.debugDescription)") {
            try await database.read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT r.recipient, coalesce(p.pending, 0) AS pending, p.oldest, m.sent_at, coalesce(c.acked_through, 0) AS acked
                        FROM (SELECT recipient FROM hub_deliveries UNION SELECT recipient FROM hub_cursors WHERE acked_through > 0) r
                        LEFT JOIN hub_cursors c ON c.recipient = r.recipient
                        LEFT JOIN (
                            SELECT d.recipient, count(*) AS pending, min(d.message_id) AS oldest
                            FROM hub_deliveries d LEFT JOIN hub_cursors c ON c.recipient = d.recipient
                            WHERE d.message_id > coalesce(c.acked_through, 0)
                            GROUP BY d.recipient
                        ) p ON p.recipient = r.recipient
                        LEFT JOIN hub_messages m ON m.id = p.oldest
                        ORDER BY r.recipient
                        """)
                let mailboxes = rows.map { row in
                    HubStats.Mailbox(
                        recipient: row["recipient"], pending: row["pending"], oldestPendingID: row["oldest"],
                        oldestPendingSentAt: (row["sent_at"] as Int64?).map { HubTime.date(milliseconds: $0) }, ackedThrough: row["acked"])
                }
                return HubStats(
                    mailboxes: mailboxes.filter { $0.pending > 0 || $0.ackedThrough > 0 },
                    messages: try Int.fetchOne(db, sql: "SELECT count(*) FROM hub_messages") ?? 0,
                    groups: try Int.fetchOne(db, sql: "SELECT count(DISTINCT group_name) FROM hub_members") ?? 0)
            }
        }
    }

    public func fetch(for recipient: String, after: Int64, limit: Int) async throws -> [HubMessage] {
        try await HubError.storage("fetch the messages of \(recipient.debugDescription) from \(path.debugDescription)") {
            try await database.read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT m.id, m.src, m.dst, m.wire, m.version, m.sent_at
                        FROM hub_deliveries d JOIN hub_messages m ON m.id = d.message_id
                        WHERE d.recipient = ? AND d.message_id > max(?, coalesce((SELECT acked_through FROM hub_cursors WHERE recipient = ?), 0))
                        ORDER BY d.message_id LIMIT ?
                        """,
                    arguments: [recipient, after, recipient, max(0, limit)])
                return try rows.map { row in
                    let version: String = row["version"]
                    guard let wireVersion = WireVersion(rawValue: version) else {
                        throw HubError(
                            .storage,
                            "message \(row["id"] as Int64) in \(self.path.debugDescription) has version \(version.debugDescription)")
                    }
                    return HubMessage(
                        id: row["id"], src: row["src"], dst: row["dst"], recipient: recipient, wire: row["wire"], version: wireVersion,
                        sentAt: HubTime.date(milliseconds: row["sent_at"]))
                }
            }
        }
    }

    public func acknowledge(for recipient: String, through id: Int64) async throws -> Int64 {
        try await HubError.storage("acknowledge the messages of \(recipient.debugDescription) in \(path.debugDescription)") {
            try await database.write { db in
                let cursor =
                    try Int64.fetchOne(db, sql: "SELECT acked_through FROM hub_cursors WHERE recipient = ?", arguments: [recipient]) ?? 0
                let newest =
                    try Int64.fetchOne(db, sql: "SELECT max(message_id) FROM hub_deliveries WHERE recipient = ?", arguments: [recipient])
                    ?? 0
                let through = max(cursor, min(id, newest))
                guard through > cursor else { return cursor }
                try db.execute(
                    sql: """
                        INSERT INTO hub_cursors (recipient, acked_through) VALUES (?, ?)
                        ON CONFLICT (recipient) DO UPDATE SET acked_through = excluded.acked_through
                        """,
                    arguments: [recipient, through])
                // What is acknowledged is never fetched again: drop the deliveries (the messages stay).
                try db.execute(sql: "DELETE FROM hub_deliveries WHERE recipient = ? AND message_id <= ?", arguments: [recipient, through])
                return through
            }
        }
    }

    public func join(group: String, agent: String) async throws {
        try await HubError.storage("add \(agent.debugDescription) to \(group.debugDescription) in \(path.debugDescription)") {
            try await database.write { db in
                try db.execute(sql: "INSERT OR IGNORE INTO hub_members (group_name, agent) VALUES (?, ?)", arguments: [group, agent])
            }
        }
    }

    public func leave(group: String, agent: String) async throws {
        try await HubError.storage("remove \(agent.debugDescription) from \(group.debugDescription) in \(path.debugDescription)") {
            try await database.write { db in
                try db.execute(sql: "DELETE FROM hub_members WHERE group_name = ? AND agent = ?", arguments: [group, agent])
            }
        }
    }

    public func members(of group: String) async throws -> [String] {
        try await HubError.storage("list the members of \(group.debugDescription) in \(path.debugDescription)") {
            try await database.read { db in
                try String.fetchAll(db, sql: "SELECT agent FROM hub_members WHERE group_name = ? ORDER BY agent", arguments: [group])
            }
        }
    }

    /// Also forgets the rate buckets that are full again.
    public func prune(sentBefore: Date) async throws -> Int {
        let now = HubTime.microseconds(Date())
        return try await HubError.storage("prune the messages in \(path.debugDescription)") {
            try await database.write { db in
                try db.execute(
                    sql: """
                        DELETE FROM hub_messages
                        WHERE sent_at < ? AND NOT EXISTS (SELECT 1 FROM hub_deliveries d WHERE d.message_id = hub_messages.id)
                        """,
                    arguments: [HubTime.milliseconds(sentBefore)])
                let pruned = db.changesCount
                try db.execute(sql: "DELETE FROM hub_rates WHERE full_at <= ?", arguments: [now])
                return pruned
            }
        }
    }

    /// One write transaction (IMMEDIATE: it holds the file's write lock from its start), so processes
    /// sharing the file take from one bucket per sender.
    public func consumeRate(for sender: String, limit: HubConfiguration.RateLimit, now: Date) async throws -> Duration? {
        try await HubError.storage("check the rate of \(sender.debugDescription) in \(path.debugDescription)") {
            try await database.write { db in
                let fullAt = try Int64.fetchOne(db, sql: "SELECT full_at FROM hub_rates WHERE sender = ?", arguments: [sender])
                var bucket = HubRateBucket(fullAt: fullAt ?? 0)
                if let wait = bucket.take(limit, at: now) { return wait }
                try db.execute(sql: "INSERT OR REPLACE INTO hub_rates (sender, full_at) VALUES (?, ?)", arguments: [sender, bucket.fullAt])
                return nil
            }
        }
    }

    public func waitForMessages(for recipient: String, after: Int64, timeout: Duration) async throws {
        try await signal.wait(
            until: { try await !fetch(for: recipient, after: after, limit: 1).isEmpty }, timeout: timeout, poll: pollInterval)
    }

    /// The newest message id waiting receivers were woken for: the watcher wakes them only for a newer one.
    private final class NewestID: Sendable {
        private let id = Mutex<Int64>(0)

        /// Whether `id` is newer than the newest so far (which it then becomes).
        func advance(to id: Int64) -> Bool {
            self.id.withLock { newest in
                guard id > newest else { return false }
                newest = id
                return true
            }
        }
    }

    /// The schema, one migration per change (applied once per file, in order).
    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("hub") { db in
            // AUTOINCREMENT: an id is never handed out twice, even after the newest message is gone.
            try db.execute(
                sql: """
                    CREATE TABLE hub_messages (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        src TEXT NOT NULL,
                        dst TEXT NOT NULL,
                        wire TEXT NOT NULL,
                        version TEXT NOT NULL,
                        sent_at INTEGER NOT NULL
                    );
                    CREATE TABLE hub_deliveries (
                        recipient TEXT NOT NULL,
                        message_id INTEGER NOT NULL REFERENCES hub_messages (id),
                        PRIMARY KEY (recipient, message_id)
                    ) WITHOUT ROWID;
                    CREATE TABLE hub_cursors (
                        recipient TEXT PRIMARY KEY,
                        acked_through INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX hub_deliveries_by_message ON hub_deliveries (message_id);
                    CREATE TABLE hub_members (
                        group_name TEXT NOT NULL,
                        agent TEXT NOT NULL,
                        PRIMARY KEY (group_name, agent)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("hub_rates") { db in
            // Each sender's token bucket, as the time (µs since 1970) it is full again (HubRateBucket).
            try db.execute(sql: "CREATE TABLE hub_rates (sender TEXT PRIMARY KEY, full_at INTEGER NOT NULL) WITHOUT ROWID")
        }
        migrator.registerMigration("hub_tokens", migrate: createTokenTable)
        return migrator
    }
}

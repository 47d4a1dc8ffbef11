import Foundation
import PostgresNIO
import SlipstreamCore
import SlipstreamHub
import SlipstreamPostgres
import SlipstreamSQLite
import Synchronization
import Testing

/// Every ``HubStore`` passes the same checks: in memory, the SQLite store on a real file, the PostgreSQL
/// store on the real server named by $SLIPSTREAM_POSTGRES_URL. "Another instance" is a second
/// connection pool on the same file, or a second client (with its own listener) on the same database.
@Suite struct HubStoreConformanceTests {
    typealias Kind = FallbackStoreConformanceTests.Kind

    static let kinds = FallbackStoreConformanceTests.kinds

    /// One store's storage, on which instances are opened.
    struct Storage: Sendable {
        let kind: Kind
        /// The SQLite file or the PostgreSQL table prefix.
        let name: String
        let memory = InMemoryHubStore()

        /// Runs `body` with a new instance on the storage (the in-memory store is its own only instance);
        /// the instance is closed when `body` returns.
        func withInstance<Result: Sendable>(
            pollInterval: Duration = .milliseconds(50), _ body: (any HubStore) async throws -> Result
        ) async throws -> Result {
            switch kind {
            case .memory:
                return try await body(memory)
            case .sqlite:
                return try await body(try SQLiteHubStore(path: name, pollInterval: pollInterval))
            case .postgres:
                let url = try #require(FallbackStoreConformanceTests.postgresURL)
                return try await PostgresHubStore.withStore(url: url, prefix: name, pollInterval: pollInterval) { try await body($0) }
            }
        }
    }

    /// Runs `body` with new, empty storage of `kind`, removed afterwards.
    static func withStorage(_ kind: Kind, _ body: (Storage) async throws -> Void) async throws {
        switch kind {
        case .memory:
            try await body(Storage(kind: kind, name: "memory"))
        case .sqlite:
            let path = FallbackStoreConformanceTests.temporaryPath()
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            try await body(Storage(kind: kind, name: path))
        case .postgres:
            let storage = Storage(kind: kind, name: "hub_test_" + UUID().uuidString.lowercased().prefix(8))
            try await body(storage)
            try await storage.withInstance { store in
                let store = try #require(store as? PostgresHubStore)
                try await store.client.query("DROP TABLE \(unescaped: store.tables.joined(separator: ", "))")
            }
        }
    }

    /// Runs `body` with one instance on new storage of `kind`.
    static func withStore(_ kind: Kind, _ body: (any HubStore) async throws -> Void) async throws {
        try await withStorage(kind) { storage in try await storage.withInstance { try await body($0) } }
    }

    static func envelope(_ src: String, _ dst: String, _ rest: String = "MetaAck") -> HubEnvelope {
        HubEnvelope(
            src: src, dst: dst, wire: "SLIP v1 \(src) \(dst) \(rest)", version: .v1, sentAt: HubTime.date(milliseconds: 1_764_567_600_123))
    }

    @Test(arguments: kinds)
    func idsIncreaseAndEachRecipientGetsItsOwnMessagesInOrder(_ kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            var ids: [Int64] = []
            for (i, recipient) in ["bob", "carol", "bob", "bob", "carol"].enumerated() {
                ids.append(try await store.append(Self.envelope("alice", recipient, "InformStatus step\(i)"), to: [recipient]))
            }
            #expect(ids == ids.sorted() && Set(ids).count == ids.count)
            let bob = try await store.fetch(for: "bob", after: 0, limit: 10)
            #expect(bob.map(\.id) == [ids[0], ids[2], ids[3]])
            #expect(bob.map(\.wire) == ["step0", "step2", "step3"].map { "SLIP v1 alice bob InformStatus \($0)" })
            #expect(bob.allSatisfy { $0.recipient == "bob" && $0.src == "alice" && $0.version == .v1 })
            #expect(bob.first?.sentAt == HubTime.date(milliseconds: 1_764_567_600_123))
            #expect(try await store.fetch(for: "carol", after: 0, limit: 10).map(\.id) == [ids[1], ids[4]])
            #expect(try await store.fetch(for: "dave", after: 0, limit: 10).isEmpty)
            // The cursor and the limit.
            #expect(try await store.fetch(for: "bob", after: ids[2], limit: 10).map(\.id) == [ids[3]])
            #expect(try await store.fetch(for: "bob", after: 0, limit: 2).map(\.id) == [ids[0], ids[2]])
            #expect(try await store.fetch(for: "bob", after: 0, limit: 0).isEmpty)
        }
    }

    @Test(arguments: kinds)
    func oneAppendReachesEveryRecipientOnceAndNoneIsAllowed(_ kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            let id = try await store.append(Self.envelope("alice", "team"), to: ["bob", "carol", "bob"])
            for agent in ["bob", "carol"] {
                let messages = try await store.fetch(for: agent, after: 0, limit: 10)
                #expect(messages.map(\.id) == [id])
                #expect(messages.first?.dst == "team" && messages.first?.recipient == agent)
            }
            let unheard = try await store.append(Self.envelope("alice", "nobody"), to: [])
            #expect(unheard > id)
            #expect(try await store.fetch(for: "nobody", after: 0, limit: 10).isEmpty)
        }
    }

    @Test(arguments: kinds)
    func anyValidWireComesBackByteForByte(_ kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            let wire = #"SLIP v1 alice bob Fallback "é 日本 😀 it's 100% <done> & 'quoted'""#
            let message = try WireParser().parse(wire)
            let id = try await store.append(HubEnvelope(message, sentAt: HubTime.date(milliseconds: 1)), to: ["bob"])
            let fetched = try #require(try await store.fetch(for: "bob", after: 0, limit: 1).first)
            #expect(
                fetched
                    == HubMessage(
                        id: id, src: "alice", dst: "bob", recipient: "bob", wire: wire, version: .v1, sentAt: HubTime.date(milliseconds: 1))
            )
        }
    }

    @Test(arguments: kinds)
    func groupsKeepTheirMembersSortedAndJoiningOrLeavingTwiceChangesNothing(_ kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            for agent in ["carol", "Bob", "alice", "carol"] { try await store.join(group: "team", agent: agent) }
            try await store.join(group: "other", agent: "dave")
            #expect(try await store.members(of: "team") == ["Bob", "alice", "carol"])
            try await store.leave(group: "team", agent: "carol")
            try await store.leave(group: "team", agent: "carol")
            try await store.leave(group: "team", agent: "zed")
            #expect(try await store.members(of: "team") == ["Bob", "alice"])
            #expect(try await store.members(of: "nobody").isEmpty)
        }
    }

    /// The routing on top: a group's members get the wire, the sender does not.
    @Test(arguments: kinds)
    func aHubOnTheStoreFansAGroupWireOutToEveryMemberButTheSender(_ kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            let hub = Hub(store: store)
            for agent in ["alice", "bob", "carol"] { try await hub.join(group: "reviewers", agent: agent) }
            let receipt = try await hub.send("SLIP v3 alice reviewers Request Review authModule")
            #expect(receipt.recipients == ["bob", "carol"])
            #expect(try await hub.receive(agent: "bob").map(\.id) == [receipt.id])
            #expect(try await hub.receive(agent: "carol").map(\.id) == [receipt.id])
            #expect(try await hub.receive(agent: "alice").isEmpty)
        }
    }

    @Test(arguments: kinds)
    func acknowledgingIsPerRecipientIdempotentAndNeverMovesBackwards(_ kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            var ids: [Int64] = []
            for i in 0..<4 {
                ids.append(try await store.append(Self.envelope("alice", "team", "InformStatus s\(i)"), to: ["bob", "carol"]))
            }
            #expect(try await store.acknowledge(for: "bob", through: ids[1]) == ids[1])
            #expect(try await store.acknowledge(for: "bob", through: ids[1]) == ids[1])
            #expect(try await store.acknowledge(for: "bob", through: ids[0]) == ids[1])
            #expect(try await store.acknowledge(for: "bob", through: -5) == ids[1])
            #expect(try await store.fetch(for: "bob", after: 0, limit: 10).map(\.id) == [ids[2], ids[3]])
            // Carol's mailbox is her own.
            #expect(try await store.fetch(for: "carol", after: 0, limit: 10).map(\.id) == ids)
            // Beyond the newest message: only through it, so later messages are not skipped.
            #expect(try await store.acknowledge(for: "bob", through: ids[3] + 1000) == ids[3])
            let later = try await store.append(Self.envelope("alice", "bob"), to: ["bob"])
            #expect(try await store.fetch(for: "bob", after: 0, limit: 10).map(\.id) == [later])
            #expect(try await store.acknowledge(for: "nobody", through: 10) == 0)
        }
    }

    @Test(arguments: kinds)
    func unacknowledgedMessagesAreDeliveredAgainAfterReopening(_ kind: Kind) async throws {
        try await Self.withStorage(kind) { storage in
            let ids = try await storage.withInstance { store in
                var ids: [Int64] = []
                for i in 0..<3 { ids.append(try await store.append(Self.envelope("alice", "bob", "InformStatus s\(i)"), to: ["bob"])) }
                #expect(try await store.fetch(for: "bob", after: 0, limit: 10).count == 3)
                try await store.acknowledge(for: "bob", through: ids[0])
                try await store.join(group: "team", agent: "bob")
                return ids
            }
            try await storage.withInstance { (store: any HubStore) async throws in
                #expect(try await store.fetch(for: "bob", after: 0, limit: 10).map(\.id) == [ids[1], ids[2]])
                #expect(try await store.members(of: "team") == ["bob"])
                // Ids go on from where they were.
                #expect(try await store.append(Self.envelope("alice", "bob"), to: ["bob"]) > ids[2])
            }
        }
    }

    /// What `body` returns, or nil when `limit` passes first (`body` is then cancelled): a guard for a test
    /// that would otherwise only end when a wait or a poll much longer than `limit` does.
    static func result<T: Sendable>(within limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T? {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
    }

    /// The waiting instance polls once an hour, so only the other instance's append can give it the message
    /// before the test's deadline of 10 minutes (it comes at once; the margins are for a machine whose
    /// test threads are all busy): through the shared signal in memory, inotify on the SQLite file, NOTIFY
    /// on PostgreSQL.
    @Test(arguments: kinds)
    func aWaitingReceiverWakesOnAnAppendThroughAnotherInstance(_ kind: Kind) async throws {
        try await Self.withStorage(kind) { storage in
            try await storage.withInstance(pollInterval: .seconds(3600)) { waiting in
                #expect((waiting as? SQLiteHubStore)?.isWatching != false, "no inotify watch: the SQLite store can only poll")
                try await storage.withInstance { sending in
                    let hub = Hub(store: waiting, configuration: HubConfiguration(maxWait: .seconds(1200)))
                    async let received = Self.result(within: .seconds(600)) { try await hub.receive(agent: "bob", wait: .seconds(1200)) }
                    // Most likely waiting by then; if not, it finds the message at once (and the test proves less).
                    try await Task.sleep(for: .milliseconds(200))
                    let id = try await sending.append(Self.envelope("alice", "bob"), to: ["bob"])
                    let messages = try await received
                    #expect(messages?.map(\.id) == [id], "the receiver was not woken within 10 minutes")
                }
            }
        }
    }

    @Test(arguments: kinds)
    func aWaitWithNothingToWaitForEndsAfterItsTimeout(_ kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            try await store.waitForMessages(for: "bob", after: 0, timeout: .milliseconds(30))
            #expect(try await store.fetch(for: "bob", after: 0, limit: 1).isEmpty)
        }
    }

    @Test(arguments: kinds)
    func concurrentSendersThroughTwoInstancesLoseAndDuplicateNoIds(_ kind: Kind) async throws {
        try await Self.withStorage(kind) { storage in
            try await storage.withInstance { first in
                try await storage.withInstance { second in
                    let ids = try await withThrowingTaskGroup(of: Int64.self) { group in
                        for i in 0..<200 {
                            let store = i % 2 == 0 ? first : second
                            group.addTask {
                                try await store.append(Self.envelope("sender\(i % 7)", "bob", "InformStatus n\(i)"), to: ["bob", "carol"])
                            }
                        }
                        return try await group.reduce(into: [Int64]()) { $0.append($1) }
                    }
                    #expect(Set(ids).count == 200)
                    for (store, agent) in [(first, "bob"), (second, "carol")] {
                        let fetched = try await store.fetch(for: agent, after: 0, limit: 500)
                        #expect(fetched.map(\.id) == ids.sorted())
                        #expect(Set(fetched.map(\.wire)).count == 200)
                    }
                }
            }
        }
    }

    /// Pruning deletes what every recipient acknowledged (the in-memory store keeps nothing of that kind
    /// anyway), never an unacknowledged message, and ids go on increasing.
    @Test(arguments: kinds)
    func pruningDeletesOnlyMessagesEveryRecipientAcknowledged(_ kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            var ids: [Int64] = []
            for i in 0..<3 {
                ids.append(try await store.append(Self.envelope("alice", "team", "InformStatus s\(i)"), to: ["bob", "carol"]))
            }
            try await store.acknowledge(for: "bob", through: ids[2])
            try await store.acknowledge(for: "carol", through: ids[0])
            let sentAt = Self.envelope("alice", "team").sentAt
            #expect(try await store.prune(sentBefore: sentAt) == 0)
            #expect(try await store.prune(sentBefore: sentAt.addingTimeInterval(1)) == (kind == .memory ? 0 : 1))
            #expect(try await store.prune(sentBefore: sentAt.addingTimeInterval(1)) == 0)
            #expect(try await store.fetch(for: "carol", after: 0, limit: 10).map(\.id) == [ids[1], ids[2]])
            #expect(try await store.append(Self.envelope("alice", "bob"), to: ["bob"]) > ids[2])
        }
    }

    /// An hour ago, to the second (so times a fraction of a second later are whole microseconds later).
    static func anHourAgo() -> Date { Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 3600).rounded()) }

    /// Hubs sharing a store share each sender's budget: what one instance takes, the other cannot; what is
    /// refused takes nothing; the budget refills at the rate and outlives the instances until a prune
    /// forgets a bucket that is full again.
    @Test(arguments: kinds)
    func instancesOnOneStorageShareEachSendersRateBudget(_ kind: Kind) async throws {
        let limit = HubConfiguration.RateLimit(messagesPerSecond: 10, burst: 3)
        let now = Self.anHourAgo()
        try await Self.withStorage(kind) { storage in
            try await storage.withInstance { first in
                try await storage.withInstance { (second: any HubStore) async throws in
                    for store in [first, second, first] {
                        #expect(try await store.consumeRate(for: "alice", limit: limit, now: now) == nil)
                    }
                    for store in [second, first] {
                        #expect(try await store.consumeRate(for: "alice", limit: limit, now: now) == .milliseconds(100))
                    }
                    #expect(try await second.consumeRate(for: "carol", limit: limit, now: now) == nil)
                    #expect(try await second.consumeRate(for: "alice", limit: limit, now: now + 0.05) == .milliseconds(50))
                    #expect(try await second.consumeRate(for: "alice", limit: limit, now: now + 0.1) == nil)
                    #expect(try await first.consumeRate(for: "alice", limit: limit, now: now + 0.1) == .milliseconds(100))
                }
            }
            try await storage.withInstance { (store: any HubStore) async throws in
                #expect(try await store.consumeRate(for: "alice", limit: limit, now: now + 0.1) == .milliseconds(100))
                // Full again by now (an hour later): forgotten, so the old time finds a full bucket.
                #expect(try await store.prune(sentBefore: Date(timeIntervalSince1970: 0)) == 0)
                #expect(try await store.consumeRate(for: "alice", limit: limit, now: now + 0.1) == nil)
            }
        }
    }

    /// Many consumers at once through two instances, the first ones racing to make the sender's bucket:
    /// exactly the burst passes.
    @Test(arguments: kinds)
    func concurrentConsumersThroughTwoInstancesNeverOverspend(_ kind: Kind) async throws {
        let limit = HubConfiguration.RateLimit(messagesPerSecond: 0.001, burst: 20)
        let now = Self.anHourAgo()
        try await Self.withStorage(kind) { storage in
            try await storage.withInstance { first in
                try await storage.withInstance { second in
                    let results = try await withThrowingTaskGroup(of: Duration?.self) { group in
                        for i in 0..<60 {
                            let store = i % 2 == 0 ? first : second
                            group.addTask { try await store.consumeRate(for: "alice", limit: limit, now: now) }
                        }
                        return try await group.reduce(into: [Duration?]()) { $0.append($1) }
                    }
                    #expect(results.count { $0 == nil } == 20)
                    #expect(results.compactMap { $0 } == Array(repeating: .seconds(1000), count: 40))
                }
            }
        }
    }

    /// The routing on top: hubs on two instances refuse the sender over its burst, whichever it goes through.
    /// (One message in about 11.6 days: the retry-after is that, less however long the test has run, which
    /// on a loaded machine can be minutes.)
    @Test(arguments: kinds)
    func hubsOnOneStorageRefuseASenderOverItsBurstTogether(_ kind: Kind) async throws {
        let configuration = HubConfiguration(rateLimit: .init(messagesPerSecond: 0.000_001, burst: 2))
        try await Self.withStorage(kind) { storage in
            try await storage.withInstance { first in
                try await storage.withInstance { second in
                    let hubs = [Hub(store: first, configuration: configuration), Hub(store: second, configuration: configuration)]
                    for hub in hubs { _ = try await hub.send("SLIP v1 alice bob MetaAck") }
                    for hub in hubs {
                        let error = try await #require(throws: HubError.self) { try await hub.send("SLIP v1 alice bob MetaAck") }
                        #expect(error.code == .rateLimited && error.retryAfter.map { $0 > .seconds(900_000) } == true)
                    }
                    #expect(try await hubs[1].receive(agent: "bob").count == 2)
                }
            }
        }
    }

    /// Ids become visible in order: a reader that only ever asks for ids above the last one it saw (and
    /// never acknowledges) still gets every message while two instances append at once.
    @Test(arguments: kinds)
    func aReaderFollowingItsCursorMissesNothingWhileOthersAppend(_ kind: Kind) async throws {
        try await Self.withStorage(kind) { storage in
            try await storage.withInstance { first in
                try await storage.withInstance { second in
                    try await storage.withInstance { reader in
                        let appended = Mutex(false)
                        async let seen: [Int64] = {
                            var seen: [Int64] = []
                            while seen.count < 200 {
                                let finished = appended.withLock { $0 }
                                let batch = try await reader.fetch(for: "bob", after: seen.last ?? 0, limit: 7)
                                seen += batch.map(\.id)
                                // Nothing new after the last append: what was skipped is lost.
                                if batch.isEmpty && finished { break }
                                if batch.isEmpty {
                                    try await reader.waitForMessages(for: "bob", after: seen.last ?? 0, timeout: .milliseconds(50))
                                }
                            }
                            return seen
                        }()
                        let ids = try await withThrowingTaskGroup(of: Int64.self) { group in
                            for i in 0..<200 {
                                let store = i % 2 == 0 ? first : second
                                group.addTask { try await store.append(Self.envelope("alice", "bob", "InformStatus n\(i)"), to: ["bob"]) }
                            }
                            return try await group.reduce(into: [Int64]()) { $0.append($1) }
                        }
                        appended.withLock { $0 = true }
                        #expect(try await seen == ids.sorted())
                    }
                }
            }
        }
    }

    /// The mailbox limit: a recipient with `maxPending` unacknowledged messages gets no more (its pending
    /// count and the limit named), others still do, and acknowledging makes room.
    @Test(arguments: kinds)
    func aFullMailboxRefusesUntilItsRecipientAcknowledges(_ kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            var ids: [Int64] = []
            for i in 0..<3 {
                ids.append(try await store.append(Self.envelope("alice", "bob", "InformStatus s\(i)"), to: ["bob"], maxPending: 3))
            }
            let error = try await #require(throws: HubError.self) {
                try await store.append(Self.envelope("alice", "bob", "InformStatus s3"), to: ["bob"], maxPending: 3)
            }
            #expect(error.code == .mailboxFull)
            #expect(error.message.contains("\"bob\" is full: 3 unacknowledged messages, the limit is 3"), "\(error.message)")
            // A lower limit than the mailbox holds: refused, with the whole count.
            let lower = try await #require(throws: HubError.self) {
                try await store.append(Self.envelope("alice", "bob"), to: ["bob"], maxPending: 2)
            }
            #expect(lower.message.contains("3 unacknowledged messages, the limit is 2"), "\(lower.message)")
            // Other mailboxes, and no limit, are not held up.
            _ = try await store.append(Self.envelope("alice", "carol"), to: ["carol"], maxPending: 3)
            #expect(try await store.fetch(for: "bob", after: 0, limit: 10).map(\.id) == ids)

            try await store.acknowledge(for: "bob", through: ids[0])
            let freed = try await store.append(Self.envelope("alice", "bob", "InformStatus s4"), to: ["bob"], maxPending: 3)
            await #expect(throws: HubError.self) { try await store.append(Self.envelope("alice", "bob"), to: ["bob"], maxPending: 3) }
            #expect(try await store.fetch(for: "bob", after: 0, limit: 10).map(\.id) == [ids[1], ids[2], freed])
            _ = try await store.append(Self.envelope("alice", "bob"), to: ["bob"], maxPending: 0)
            #expect(try await store.fetch(for: "bob", after: 0, limit: 10).count == 4)
        }
    }

    /// All or nothing: a message to several recipients, one of them full, reaches none; the store and a hub
    /// on it name the full one.
    @Test(arguments: kinds)
    func aSendWithOneFullRecipientReachesNoRecipient(_ kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            for _ in 0..<2 { _ = try await store.append(Self.envelope("alice", "dave"), to: ["dave"], maxPending: 2) }
            let error = try await #require(throws: HubError.self) {
                try await store.append(Self.envelope("alice", "team"), to: ["erin", "dave", "bob"], maxPending: 2)
            }
            #expect(error.code == .mailboxFull && error.message.contains("\"dave\""), "\(error.message)")
            for agent in ["bob", "erin"] { #expect(try await store.fetch(for: agent, after: 0, limit: 10).isEmpty) }

            let hub = Hub(store: store, configuration: HubConfiguration(maxPending: 2))
            for agent in ["alice", "bob", "dave"] { try await hub.join(group: "team", agent: agent) }
            let refused = try await #require(throws: HubError.self) { try await hub.send("SLIP v1 alice team RequestReview auth_module") }
            #expect(refused.code == .mailboxFull && refused.message.contains("\"dave\""), "\(refused.message)")
            #expect(try await hub.receive(agent: "bob").isEmpty)
            #expect(try await hub.receive(agent: "dave").count == 2)
            // Sent by the full member itself, the group wire does not go to it: accepted.
            #expect(try await hub.send("SLIP v1 dave team RequestReview auth_module").recipients == ["alice", "bob"])
        }
    }

    /// Many senders at once through two instances, into one mailbox with room for 25: exactly 25 pass.
    @Test(arguments: kinds)
    func concurrentSendersThroughTwoInstancesNeverOverfillAMailbox(_ kind: Kind) async throws {
        try await Self.withStorage(kind) { storage in
            try await storage.withInstance { first in
                try await storage.withInstance { second in
                    let accepted = try await withThrowingTaskGroup(of: Bool.self) { group in
                        for i in 0..<80 {
                            let store = i % 2 == 0 ? first : second
                            group.addTask {
                                do {
                                    _ = try await store.append(
                                        Self.envelope("sender\(i % 5)", "bob", "InformStatus n\(i)"),
                                        to: i % 3 == 0 ? ["bob", "carol"] : ["bob"],
                                        maxPending: 25)
                                    return true
                                } catch let error as HubError where error.code == .mailboxFull {
                                    return false
                                }
                            }
                        }
                        return try await group.reduce(into: [Bool]()) { $0.append($1) }
                    }
                    #expect(accepted.count { $0 } == 25)
                    #expect(try await first.fetch(for: "bob", after: 0, limit: 100).count == 25)
                    #expect(try await second.stats().mailboxes.first { $0.recipient == "bob" }?.pending == 25)
                }
            }
        }
    }

    @Test(arguments: kinds)
    func statsCountEachMailboxItsOldestPendingMessageItsCursorAndTheTotals(_ kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            #expect(try await store.stats() == HubStats(mailboxes: [], messages: 0, groups: 0))
            var ids: [Int64] = []
            for i in 0..<3 {
                ids.append(try await store.append(Self.envelope("alice", "team", "InformStatus s\(i)"), to: ["bob", "carol"]))
            }
            let later = HubEnvelope(
                src: "alice", dst: "bob", wire: "SLIP v1 alice bob MetaAck", version: .v1,
                sentAt: HubTime.date(milliseconds: 1_764_567_700_000))
            ids.append(try await store.append(later, to: ["bob"]))
            _ = try await store.append(Self.envelope("alice", "nobody"), to: [])
            try await store.acknowledge(for: "bob", through: ids[1])
            try await store.acknowledge(for: "carol", through: ids[3])
            try await store.acknowledge(for: "dave", through: 10)  // nothing to acknowledge: not listed
            for (group, agent) in [("team", "bob"), ("team", "carol"), ("other", "dave")] {
                try await store.join(group: group, agent: agent)
            }
            try await store.leave(group: "other", agent: "dave")

            let stats = try await store.stats()
            #expect(
                stats.mailboxes == [
                    HubStats.Mailbox(
                        recipient: "bob", pending: 2, oldestPendingID: ids[2], oldestPendingSentAt: Self.envelope("a", "b").sentAt,
                        ackedThrough: ids[1]),
                    HubStats.Mailbox(recipient: "carol", pending: 0, oldestPendingID: nil, oldestPendingSentAt: nil, ackedThrough: ids[2]),
                ])
            #expect(stats.pendingDeliveries == 2 && stats.groups == 1 && stats.maxPending == nil)
            // The in-memory store keeps only what some recipient has not acknowledged.
            #expect(stats.messages == (kind == .memory ? 2 : 5))
            try await store.acknowledge(for: "bob", through: ids[2])
            let bob = try #require(try await store.stats().mailboxes.first)
            #expect(
                bob.pending == 1 && bob.oldestPendingID == ids[3] && bob.oldestPendingSentAt == later.sentAt && bob.ackedThrough == ids[2])
        }
    }
}

@Suite(.enabled(if: FallbackStoreConformanceTests.postgresURL != nil, "set SLIPSTREAM_POSTGRES_URL to a PostgreSQL server"))
struct PostgresHubStoreTests {
    @Test func prefixesAreCheckedIdentifiersAndURLsAreChecked() async throws {
        let url = try #require(FallbackStoreConformanceTests.postgresURL)
        await #expect(throws: HubError.self) { try await PostgresHubStore.withStore(url: url, prefix: "hub; DROP TABLE x") { _ in } }
        await #expect(throws: HubError.self) { try await PostgresHubStore.withStore(url: "mysql://a@b/c") { _ in } }
    }
}

/// The "In Swift" example of docs/hub.md, on a file of its own.
@Suite struct HubDocsExampleTests {
    @Test func theDocsExampleRuns() async throws {
        let path = FallbackStoreConformanceTests.temporaryPath()
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let hub = Hub(store: try SQLiteHubStore(path: path))
        try await hub.join(group: "reviewers", agent: "bob")
        let receipt = try await hub.send("SLIP v1 alice reviewers RequestReview auth_module")  // id, ["bob"]
        let messages = try await hub.receive(agent: "bob", wait: .seconds(30))
        if let last = messages.last { try await hub.acknowledge(agent: "bob", through: last.id) }

        #expect(receipt.recipients == ["bob"])
        #expect(messages.map(\.wire) == ["SLIP v1 alice reviewers RequestReview auth_module"])
        #expect(try await hub.receive(agent: "bob").isEmpty)
    }
}

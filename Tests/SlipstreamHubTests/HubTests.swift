import Foundation
import SlipstreamCore
import SlipstreamHub
import Testing

/// The routing rules over the in-memory store (every store's own guarantees: the conformance suite in
/// SlipstreamStorageTests).
@Suite struct HubTests {
    @Test func aWireToAnAgentGoesToThatAgentOnly() async throws {
        let hub = Hub(store: InMemoryHubStore())
        let receipt = try await hub.send("SLIP v1 alice bob RequestReview auth_module")
        #expect(receipt.recipients == ["bob"])
        #expect(receipt.wire == "SLIP v1 alice bob RequestReview auth_module")
        let messages = try await hub.receive(agent: "bob")
        #expect(messages.map(\.id) == [receipt.id])
        let message = try #require(messages.first)
        #expect(message.src == "alice" && message.dst == "bob" && message.recipient == "bob" && message.version == .v1)
        #expect(try await hub.receive(agent: "carol").isEmpty)
        #expect(try await hub.receive(agent: "alice").isEmpty)
    }

    @Test func aWireToAGroupGoesToEveryMemberButTheSender() async throws {
        let hub = Hub(store: InMemoryHubStore())
        for agent in ["alice", "bob", "carol"] { try await hub.join(group: "reviewers", agent: agent) }
        let receipt = try await hub.send("SLIP v3 alice reviewers Request Review authModule")
        #expect(receipt.recipients == ["bob", "carol"])
        for agent in ["bob", "carol"] {
            #expect(try await hub.receive(agent: agent).map(\.dst) == ["reviewers"])
        }
        #expect(try await hub.receive(agent: "alice").isEmpty)

        try await hub.leave(group: "reviewers", agent: "carol")
        #expect(try await hub.members(of: "reviewers") == ["alice", "bob"])
        #expect(try await hub.send("SLIP v3 bob reviewers Inform Complete").recipients == ["alice"])
    }

    @Test func aRefusedWireCarriesTheParsersCodeAndOffset() async throws {
        let hub = Hub(store: InMemoryHubStore())
        let error = try await #require(throws: HubError.self) { try await hub.send("SLIP v1 a b RequestTask x:y") }
        #expect(error.code == .invalidWire)
        #expect(error.wireError?.code == .invalidPayloadToken)
        #expect(error.offset == 24)
        #expect(error.description.contains("invalid_payload_token"))

        let prose = try await #require(throws: HubError.self) { try await hub.send("please review my code") }
        #expect(prose.code == .invalidWire && prose.wireError?.code == .badPrefix && prose.offset == 0)
    }

    @Test func anOverlongLineIsRefusedBeforeParsing() async throws {
        let hub = Hub(store: InMemoryHubStore(), configuration: HubConfiguration(maxLineBytes: 40))
        let error = try await #require(throws: HubError.self) {
            try await hub.send("SLIP v1 alice bob RequestReview " + String(repeating: "x", count: 20))
        }
        #expect(error.code == .lineTooLong && error.offset == 40)
        #expect(error.message.contains("52 bytes"))
    }

    @Test func onlyTheConfiguredVersionsAreAccepted() async throws {
        let hub = Hub(store: InMemoryHubStore(), configuration: HubConfiguration(versions: [.v3]))
        let error = try await #require(throws: HubError.self) { try await hub.send("SLIP v1 alice bob RequestReview x") }
        #expect(error.code == .versionNotAccepted)
        #expect(try await hub.send("SLIP v3 alice bob Request Review x").recipients == ["bob"])
    }

    @Test func theLenientProfileStoresTheRepairedWireAndReportsTheRepairs() async throws {
        let strict = Hub(store: InMemoryHubStore())
        await #expect(throws: HubError.self) { try await strict.send("SLIP v1 a b RequestTask x:y") }

        let hub = Hub(store: InMemoryHubStore(), configuration: HubConfiguration(profile: .lenient))
        let receipt = try await hub.send("SLIP v1 a b RequestTask x:y")
        #expect(receipt.wire == "SLIP v1 a b RequestTask x y")
        #expect(receipt.repairs.map(\.code) == [.splitToken])
        #expect(try await hub.receive(agent: "b").map(\.wire) == ["SLIP v1 a b RequestTask x y"])
    }

    @Test func aSenderOverItsBurstIsRefusedWithATimeToRetry() async throws {
        let limit = HubConfiguration.RateLimit(messagesPerSecond: 0.001, burst: 2)
        let hub = Hub(store: InMemoryHubStore(), configuration: HubConfiguration(rateLimit: limit))
        _ = try await hub.send("SLIP v1 alice bob MetaAck")
        _ = try await hub.send("SLIP v1 alice bob MetaAck")
        let error = try await #require(throws: HubError.self) { try await hub.send("SLIP v1 alice bob MetaAck") }
        #expect(error.code == .rateLimited)
        let retry = try #require(error.retryAfter)
        #expect(retry > .seconds(900) && retry <= .seconds(1000))
        // Other senders have buckets of their own; refused lines do not reach the store.
        _ = try await hub.send("SLIP v1 carol bob MetaAck")
        #expect(try await hub.receive(agent: "bob").count == 3)
    }

    @Test func aSendToAFullMailboxIsRefusedUntilTheRecipientAcknowledges() async throws {
        #expect(HubConfiguration().maxPending == 10_000)
        let hub = Hub(store: InMemoryHubStore(), configuration: HubConfiguration(maxPending: 2))
        _ = try await hub.send("SLIP v1 alice bob MetaAck")
        let second = try await hub.send("SLIP v1 carol bob MetaAck")
        let error = try await #require(throws: HubError.self) { try await hub.send("SLIP v1 alice bob MetaAck") }
        #expect(error.code == .mailboxFull)
        #expect(
            error.description
                == #"hub error (mailbox_full): the mailbox of "bob" is full: 2 unacknowledged messages, the limit is 2; the message was sent to no recipient (bob must acknowledge first)"#
        )
        try await hub.acknowledge(agent: "bob", through: second.id)
        _ = try await hub.send("SLIP v1 alice bob MetaAck")
        // 0: no limit.
        let unlimited = Hub(store: hub.store, configuration: HubConfiguration(maxPending: 0))
        for _ in 0..<3 { _ = try await unlimited.send("SLIP v1 alice bob MetaAck") }
        #expect(try await hub.stats().mailboxes.map(\.pending) == [4])
    }

    @Test func theBucketRefillsAtTheConfiguredRate() {
        let limit = HubConfiguration.RateLimit(messagesPerSecond: 10, burst: 3)
        #expect(limit.intervalMicroseconds == 100_000 && limit.toleranceMicroseconds == 200_000)
        var bucket = HubRateBucket()
        let start = Date(timeIntervalSince1970: 1_764_567_600)
        #expect((0..<3).allSatisfy { _ in bucket.take(limit, at: start) == nil })
        #expect(bucket.fullAt == HubTime.microseconds(start) + 300_000)
        #expect(bucket.take(limit, at: start) == .milliseconds(100))
        #expect(bucket.take(limit, at: start + 0.05) == .milliseconds(50))
        #expect(bucket.take(limit, at: start + 0.1) == nil)
        #expect(bucket.retryAfter(limit, at: start + 0.1) == .milliseconds(100))
        #expect((0..<3).allSatisfy { _ in bucket.take(limit, at: start + 60) == nil })
        #expect(bucket.take(limit, at: start + 60) == .milliseconds(100))
        // A time behind the bucket's (another process's clock) refills nothing and takes nothing back.
        #expect(bucket.take(limit, at: start) == .milliseconds(60_100))
        var unlimited = HubRateBucket()
        #expect((0..<10).allSatisfy { _ in unlimited.take(.off, at: start) == nil } && unlimited.fullAt == 0)
    }

    @Test func receiveReturnsAtMostTheLimitAndAcknowledgedMessagesDoNotComeBack() async throws {
        let hub = Hub(store: InMemoryHubStore(), configuration: HubConfiguration(maxFetch: 3))
        var ids: [Int64] = []
        for i in 0..<5 { ids.append(try await hub.send("SLIP v1 alice bob InformStatus step\(i)").id) }
        #expect(try await hub.receive(agent: "bob").map(\.id) == Array(ids[0..<3]))
        #expect(try await hub.receive(agent: "bob", limit: 2).map(\.id) == Array(ids[0..<2]))
        #expect(try await hub.receive(agent: "bob", after: ids[3]).map(\.id) == [ids[4]])
        // Not acknowledged: received again.
        #expect(try await hub.receive(agent: "bob", limit: 1).map(\.id) == [ids[0]])
        #expect(try await hub.acknowledge(agent: "bob", through: ids[1]) == ids[1])
        #expect(try await hub.receive(agent: "bob").map(\.id) == Array(ids[2..<5]))
        #expect(try await hub.acknowledge(agent: "bob", through: ids[0]) == ids[1])
    }

    @Test func aWaitingReceiverWakesWhenAMessageArrives() async throws {
        // A long wait, for a machine whose test threads are all busy: the send wakes it at once.
        let hub = Hub(store: InMemoryHubStore(), configuration: HubConfiguration(maxWait: .seconds(600)))
        async let received = hub.receive(agent: "bob", wait: .seconds(600))
        // The receiver may or may not be waiting yet: either way it gets the message.
        let receipt = try await hub.send("SLIP v1 alice bob RequestReview auth_module")
        #expect(try await received.map(\.id) == [receipt.id])
    }

    @Test func aReceiveWithNothingToWaitForReturnsEmptyAfterItsWait() async throws {
        let hub = Hub(store: InMemoryHubStore())
        #expect(try await hub.receive(agent: "bob", wait: .milliseconds(20)).isEmpty)
    }

    @Test(arguments: ["", "bob smith", "bob;drop", String(repeating: "a", count: 65), "é"])
    func namesThatCannotBeAgentIdsAreRefused(_ name: String) async throws {
        let hub = Hub(store: InMemoryHubStore())
        let error = try await #require(throws: HubError.self) { try await hub.receive(agent: name) }
        #expect(error.code == .invalidName)
        await #expect(throws: HubError.self) { try await hub.join(group: name, agent: "bob") }
        await #expect(throws: HubError.self) { try await hub.join(group: "team", agent: name) }
    }

    @Test func messagesErrorsAndReceiptsRoundTripThroughJSON() throws {
        let message = HubMessage(
            id: 42, src: "alice", dst: "team", recipient: "bob", wire: "SLIP v1 alice team MetaAck", version: .v1,
            sentAt: HubTime.date(milliseconds: 1_764_567_600_123))
        #expect(message.json.compactText.hasSuffix(#""sentAt":"2025-12-01T05:40:00.123Z"}"#))
        #expect(try JSONDecoder().decode(HubMessage.self, from: Data(message.json.compactText.utf8)) == message)

        let error = HubError.invalidWire(WireError(.invalidPayloadToken, .validation, "bad token", token: "x:y", offset: 24))
        let decoded = try JSONDecoder().decode(HubError.self, from: Data(error.json.compactText.utf8))
        #expect(decoded.code == .invalidWire && decoded.offset == 24 && decoded.wireError == error.wireError)
        let limited = HubError(.rateLimited, "slow down", retryAfter: .milliseconds(1500))
        #expect(try JSONDecoder().decode(HubError.self, from: Data(limited.json.compactText.utf8)).retryAfter == .milliseconds(1500))

        let receipt = HubReceipt(
            id: 7, recipients: ["bob"], wire: "SLIP v1 a b RequestTask x y",
            repairs: [WireRepair(.splitToken, offset: 24, original: "x:y", replacement: "x y")])
        #expect(try JSONDecoder().decode(HubReceipt.self, from: Data(receipt.json.compactText.utf8)) == receipt)

        let sentAt = HubTime.date(milliseconds: 1_764_567_600_123)
        let stats = HubStats(
            mailboxes: [
                .init(recipient: "bob", pending: 2, oldestPendingID: 7, oldestPendingSentAt: sentAt, ackedThrough: 6),
                .init(recipient: "carol", pending: 0, oldestPendingID: nil, oldestPendingSentAt: nil, ackedThrough: 8),
            ], messages: 9, groups: 1, maxPending: 10_000)
        let json = stats.json(now: sentAt.addingTimeInterval(12.5)).compactText
        #expect(
            json
                == #"{"messages":9,"pendingDeliveries":2,"groups":1,"maxPending":10000,"mailboxes":["#
                + #"{"recipient":"bob","pending":2,"oldestPendingId":7,"oldestPendingSentAt":"2025-12-01T05:40:00.123Z","oldestPendingAge":12.5,"ackedThrough":6},"#
                + #"{"recipient":"carol","pending":0,"oldestPendingId":null,"oldestPendingSentAt":null,"oldestPendingAge":null,"ackedThrough":8}]}"#
        )
        #expect(try JSONDecoder().decode(HubStats.self, from: Data(json.utf8)) == stats)
    }
}

@Suite struct HubLimitTests {
    /// Rates and waits from outside (options, query strings, a server's answer) never trap.
    @Test func extremeRatesAndWaitsStayInRange() {
        let start = Date(timeIntervalSince1970: 1_764_567_600)
        let slowLimit = HubConfiguration.RateLimit(messagesPerSecond: 1e-300, burst: .max)
        #expect(slowLimit.intervalMicroseconds == 31_536_000_000_000 && slowLimit.toleranceMicroseconds == 3_153_600_000_000_000)
        var slow = HubRateBucket()
        #expect(slow.take(HubConfiguration.RateLimit(messagesPerSecond: 1e-300, burst: 1), at: start) == nil)
        #expect(slow.take(HubConfiguration.RateLimit(messagesPerSecond: 1e-300, burst: 1), at: start) == .seconds(31_536_000))
        var infinite = HubRateBucket()
        #expect((0..<10).allSatisfy { _ in infinite.take(.init(messagesPerSecond: .infinity, burst: 1), at: start) == nil })
        var fast = HubRateBucket()
        #expect(fast.take(.init(messagesPerSecond: 1e300, burst: 1), at: start) == nil)
        #expect(HubConfiguration.RateLimit(messagesPerSecond: .nan, burst: 1).intervalMicroseconds == 0)
        var corrupt = HubRateBucket(fullAt: .max)
        #expect(corrupt.take(.init(messagesPerSecond: 1, burst: 1), at: start) == .seconds(31_536_000))
        #expect(HubTime.duration(seconds: .nan) == .zero)
        #expect(HubTime.duration(seconds: -3) == .zero)
        #expect(HubTime.duration(seconds: 1e300) == .seconds(31_536_000))
        #expect(HubTime.duration(seconds: 0.0015) == .milliseconds(2))
    }
}

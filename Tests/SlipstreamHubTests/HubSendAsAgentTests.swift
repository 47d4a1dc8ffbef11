import SlipstreamCore
import SlipstreamHub
import Testing

/// ``Hub/send(_:as:)``: what a hub server does with a line sent with an agent's token.
@Suite struct HubSendAsAgentTests {
    @Test func anAgentSendsItsOwnWiresAndIsRefusedAnotherAgentsNamingBoth() async throws {
        let hub = Hub(store: InMemoryHubStore())
        let receipt = try await hub.send("SLIP v1 alice bob RequestReview auth_module", as: "alice")
        #expect(receipt.recipients == ["bob"])
        let error = try await #require(throws: HubError.self) {
            try await hub.send("SLIP v1 bob carol RequestReview auth_module", as: "alice")
        }
        #expect(error.code == .forbidden)
        #expect(error.message.contains("\"bob\"") && error.message.contains("\"alice\""), "\(error)")
        #expect(try await hub.receive(agent: "carol").isEmpty)
        // Without an agent, any src, as before.
        #expect(try await hub.send("SLIP v1 bob carol RequestReview auth_module", as: nil).recipients == ["carol"])
    }

    @Test func aWireThatIsNotValidIsRefusedAsSuchBeforeItsSrcIsLookedAt() async throws {
        let hub = Hub(store: InMemoryHubStore())
        let error = try await #require(throws: HubError.self) { try await hub.send("SLIP v1 bob carol RequestTask x:y", as: "alice") }
        #expect(error.code == .invalidWire)
    }

    /// A refused line takes nothing from anyone's rate budget: the impersonated agent still has its burst.
    @Test func aForbiddenLineSpendsNoRate() async throws {
        let limit = HubConfiguration.RateLimit(messagesPerSecond: 0.001, burst: 1)
        let hub = Hub(store: InMemoryHubStore(), configuration: HubConfiguration(rateLimit: limit))
        for _ in 0..<3 {
            let error = try await #require(throws: HubError.self) { try await hub.send("SLIP v1 bob carol MetaAck", as: "alice") }
            #expect(error.code == .forbidden)
        }
        #expect(try await hub.send("SLIP v1 bob carol MetaAck", as: "bob").recipients == ["carol"])
        #expect(try await hub.send("SLIP v1 alice carol MetaAck", as: "alice").recipients == ["carol"])
    }
}

import Foundation
import MCP
import SlipstreamCore
import SlipstreamLLM
import SlipstreamMCP
import Testing

@Suite("MCP resources and prompts")
struct CatalogTests {
    @Test func theCodebooksAreResourcesInSlipcoresLayout() async throws {
        try await MCPTestClient.with { peer in
            let (resources, _) = try await peer.client.listResources()
            #expect(resources.map(\.uri) == ["slipstream://ucr/v1", "slipstream://ucr/v3"])
            for (uri, ucr) in [("slipstream://ucr/v1", UCR.v1), ("slipstream://ucr/v3", UCR.v3)] {
                let contents = try await peer.client.readResource(uri: uri)
                let content = try #require(contents.first)
                #expect(content.mimeType == "application/json")
                #expect(content.text == ucr.jsonText())
                let decoded = try UCR.decode(Data(try #require(content.text).utf8))
                #expect(decoded.contentHash() == ucr.contentHash())
            }
        }
    }

    @Test func anUnknownResourceIsAProtocolError() async throws {
        try await MCPTestClient.with { peer in
            await #expect(throws: MCPError.self) { try await peer.client.readResource(uri: "slipstream://ucr/v2") }
        }
    }

    @Test func theTrainingSystemPromptsArePrompts() async throws {
        try await MCPTestClient.with { peer in
            let (prompts, _) = try await peer.client.listPrompts()
            #expect(prompts.map(\.name) == ["slip_v1", "slip_v3"])
            for (name, text) in [("slip_v1", SystemPrompt.v1), ("slip_v3", SystemPrompt.v3)] {
                let (_, messages) = try await peer.client.getPrompt(name: name)
                let message = try #require(messages.first)
                #expect(message.role == .user)
                guard case .text(let content) = message.content else {
                    Issue.record("expected a text message")
                    return
                }
                #expect(content == text)
            }
            await #expect(throws: MCPError.self) { try await peer.client.getPrompt(name: "slip_v2") }
        }
    }
}

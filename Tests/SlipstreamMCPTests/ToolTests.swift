import Foundation
import MCP
import SlipstreamCore
import SlipstreamLLM
import SlipstreamMCP
import SlipstreamQuantizers
import SlipstreamTokenizers
import Testing

@Suite("MCP tools through the SDK's client")
struct ToolTests {
    @Test func listsEveryToolWithAnObjectSchema() async throws {
        try await MCPTestClient.with { peer in
            let (tools, _) = try await peer.client.listTools()
            #expect(
                tools.map(\.name) == [
                    "slip_encode", "slip_decode", "slip_validate", "slip_translate", "slip_render", "slip_anchors", "slip_tokens",
                    "slip_send", "slip_receive", "slip_ack", "slip_join", "slip_leave", "slip_members",
                ])
            for tool in tools {
                let schema = try #require(tool.inputSchema.objectValue)
                #expect(schema["type"] == "object")
                #expect(schema["properties"]?.objectValue?.isEmpty == false)
                #expect(tool.outputSchema?.objectValue?["type"] == "object", "\(tool.name) has no output schema")
            }
        }
    }

    @Test func encodeReturnsTheRecordTheCLIPrints() async throws {
        try await MCPTestClient.with { peer in
            let text = "Tell bob to review my authentication code"
            let result = try await peer.call("slip_encode", ["text": .string(text), "from": "alice"])
            #expect(result.isError == false)
            let object = try #require(result.structuredContent?.objectValue)
            #expect(object["wire"] == "SLIP v1 alice bob RequestReview authentication_code")
            #expect(object["anchor"] == "RequestReview")
            #expect(object["engine"] == "local")
            let expected = try await LocalQuantizer.shipped().quantize(text, context: QuantizationContext(src: "alice"))
            #expect(result.texts == [try EncodedQuantization(expected).jsonText(), expected.record.formatted])
        }
    }

    @Test func encodeTakesTheReceiverTheWireVersionAndTheEngine() async throws {
        try await MCPTestClient.with { peer in
            let object = try await peer.object(
                "slip_encode",
                ["text": "Please review the auth module", "from": "alice", "to": "carol", "wire": "v3", "engine": "keyword"])
            #expect(object["engine"] == "keyword")
            let wire = try #require(object["wire"]?.stringValue)
            #expect(wire.hasPrefix("SLIP v3 alice carol "))
        }
    }

    @Test func decodeReturnsTheFieldsOfDecodeJSON() async throws {
        try await MCPTestClient.with { peer in
            let wire = "SLIP v3 planner exec Request Plan timeline"
            let result = try await peer.call("slip_decode", ["wire": .string(wire)])
            let message = try WireParser(profile: .lenient).parse(wire)
            #expect(result.texts == [message.json(renderer: Renderer()).compactText])
            let object = try #require(result.structuredContent?.objectValue)
            #expect(object["anchor"] == "RequestPlan")
            #expect(object["coords"] == [3, 4, 1, 4])
            #expect(object["fallbackRef"] == .null)
        }
    }

    @Test func encodeRefusesASenderOrReceiverThatIsNotAnAgentID() async throws {
        try await MCPTestClient.with { peer in
            let text = "Tell bob to review my authentication code"
            let sender = try await peer.error("slip_encode", ["text": .string(text), "from": "älice"])
            #expect(sender["code"] == "invalid_agent_id")
            #expect(sender["argument"] == "from")
            let receiver = try await peer.error("slip_encode", ["text": .string(text), "from": "alice", "to": "bob smith"])
            #expect(receiver["argument"] == "to")
        }
    }

    @Test func aWireThatCannotBeParsedIsAToolErrorWithItsCodeAndOffset() async throws {
        try await MCPTestClient.with { peer in
            let error = try await peer.error("slip_decode", ["wire": "SLIP v1 a b RequestTask x:y", "profile": "strict"])
            #expect(error["code"] == "invalid_payload_token")
            #expect(error["offset"] == 24)
            #expect(error["argument"] == "wire")
            let unparsable = try await peer.error("slip_render", ["wire": "hello there"])
            #expect(unparsable["code"]?.stringValue?.isEmpty == false)
            #expect(unparsable["message"]?.stringValue?.isEmpty == false)
        }
    }

    @Test func validateReportsAnInvalidWireAsAResult() async throws {
        try await MCPTestClient.with { peer in
            let wire = "SLIP v1 a b RequestTask x:y"
            let result = try await peer.call("slip_validate", ["wire": .string(wire)])
            #expect(result.isError == false)
            #expect(result.texts == [WireValidation(wire, profile: .strict).json().compactText])
            let object = try #require(result.structuredContent?.objectValue)
            #expect(object["valid"] == false)
            #expect(object["normalized"] == "SLIP v1 a b RequestTask x y")
            let lenient = try await peer.object("slip_validate", ["wire": .string(wire), "profile": "lenient"])
            #expect(lenient["valid"] == true)
            #expect(lenient["repairs"]?.arrayValue?.count == 1)
        }
    }

    @Test func translateCarriesFallbackTextThroughTheStoreBothWays() async throws {
        try await MCPTestClient.with { peer in
            let v1 = #"SLIP v1 alice bob Fallback "check the flaky deploy job""#
            let v3 = try await peer.object("slip_translate", ["wire": .string(v1), "to": "v3"])
            let wire = try #require(v3["wire"]?.stringValue)
            #expect(wire.hasPrefix("SLIP v3 alice bob Fallback Generic ref"))
            let back = try await peer.object("slip_translate", ["wire": .string(wire), "to": "v1"])
            #expect(back["wire"]?.stringValue == v1)
            #expect(back["losses"] == [])
        }
    }

    @Test func translateReportsWhatItCannotCarryOver() async throws {
        try await MCPTestClient.with { peer in
            let object = try await peer.object("slip_translate", ["wire": "SLIP v3 a b Fallback Generic ref0badc0de", "to": "v1"])
            let losses = try #require(object["losses"]?.arrayValue)
            #expect(losses.count == 1)
        }
    }

    @Test func renderReturnsTheHumanLineAndTheAuditLogLine() async throws {
        try await MCPTestClient.with { peer in
            let object = try await peer.object("slip_render", ["wire": "SLIP v1 alice bob RequestReview auth_module"])
            #expect(object["human"] == #"[alice -> bob] RequestReview: "Request review of work" (payload: auth_module)"#)
            #expect(object["log"] == "alice->bob | RequestReview | Request review of work | payload=auth_module | ref=-")
        }
    }

    @Test(arguments: [WireVersion.v1, .v3])
    func anchorsListsTheCodebook(_ version: WireVersion) async throws {
        try await MCPTestClient.with { peer in
            let ucr = version == .v1 ? UCR.v1 : UCR.v3
            let object = try await peer.object("slip_anchors", ["ucr": .string(version.rawValue)])
            #expect(object["hash"]?.stringValue == ucr.contentHash())
            let anchors = try #require(object["anchors"]?.arrayValue)
            #expect(anchors.count == ucr.anchors.count)
            #expect(anchors.first?.objectValue?["mnemonic"]?.stringValue == ucr.anchors.first?.mnemonic)
        }
    }

    @Test func tokensWithoutARankFileIsAToolErrorNamingAssetsFetch() async throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("slipstream-mcp-empty-\(UUID().uuidString)")
        try await MCPTestClient.with(.init(assetCache: AssetCache(root: empty))) { peer in
            let error = try await peer.error("slip_tokens", ["text": "hello", "encoding": "cl100k_base"])
            #expect(error["code"] == "rankFileMissing")
            #expect(error["message"]?.stringValue?.contains("slipstream assets fetch") == true)
        }
    }

    @Test(.enabled(if: AssetCache.default.hasRankFiles, "needs `slipstream assets fetch` in $SLIPSTREAM_CACHE_DIR"))
    func tokensCountsExactly() async throws {
        try await MCPTestClient.with { peer in
            for name in TokenizerName.allCases {
                let text = "SLIP v1 alice bob RequestReview auth_module"
                let object = try await peer.object("slip_tokens", ["text": .string(text), "encoding": .string(name.rawValue)])
                #expect(object["count"]?.intValue == (try Tokenizer.load(name)).count(text))
                #expect(object["tokenizer"]?.stringValue == name.rawValue)
            }
        }
    }
}

extension AssetCache {
    /// Whether both rank files are in the cache.
    var hasRankFiles: Bool {
        TokenizerName.allCases.allSatisfy { FileManager.default.fileExists(atPath: rankFileURL(for: $0).path) }
    }
}

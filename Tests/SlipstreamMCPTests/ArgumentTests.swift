import MCP
import SlipstreamMCP
import Testing

@Suite("MCP tool arguments and limits")
struct ArgumentTests {
    @Test func aMissingArgumentIsAToolError() async throws {
        try await MCPTestClient.with { peer in
            let error = try await peer.error("slip_encode", ["text": "review my code"])
            #expect(error["code"] == "missing_argument")
            #expect(error["argument"] == "from")
            let empty = try await peer.error("slip_encode", ["text": " \n ", "from": "alice"])
            #expect(empty["code"] == "invalid_argument")
            #expect(empty["argument"] == "text")
            let to = try await peer.error("slip_translate", ["wire": "SLIP v1 a b RequestReview"])
            #expect(to["argument"] == "to")
        }
    }

    @Test func anUnknownArgumentIsAToolError() async throws {
        try await MCPTestClient.with { peer in
            let error = try await peer.error("slip_decode", ["wire": "SLIP v1 a b RequestReview", "wires": "x"])
            #expect(error["code"] == "unknown_argument")
            #expect(error["argument"] == "wires")
        }
    }

    @Test func anArgumentOfTheWrongTypeOrValueIsAToolError() async throws {
        try await MCPTestClient.with { peer in
            let type = try await peer.error("slip_decode", ["wire": 42])
            #expect(type["code"] == "invalid_argument")
            let value = try await peer.error("slip_translate", ["wire": "SLIP v1 a b RequestReview", "to": "v2"])
            #expect(value["code"] == "invalid_argument")
            #expect(value["message"]?.stringValue?.contains("v1, v3") == true)
            let engine = try await peer.error("slip_encode", ["text": "hi", "from": "a", "engine": "llm"])
            #expect(engine["argument"] == "engine")
        }
    }

    @Test func argumentsOverTheLimitsAreRefused() async throws {
        let limits = SlipstreamMCPServer.Configuration.Limits(maxTextBytes: 32, maxWireBytes: 40)
        try await MCPTestClient.with(.init(limits: limits)) { peer in
            let text = try await peer.error("slip_encode", ["text": .string(String(repeating: "a", count: 33)), "from": "a"])
            #expect(text["code"] == "argument_too_long")
            #expect(text["offset"] == 32)
            let wire = "SLIP v1 alice bob RequestReview " + String(repeating: "x", count: 20)
            let long = try await peer.error("slip_decode", ["wire": .string(wire)])
            #expect(long["code"] == "line_too_long")
            let verdict = try await peer.object("slip_validate", ["wire": .string(wire)])
            #expect(verdict["valid"] == false)
            #expect(verdict["error"]?.objectValue?["code"] == "line_too_long")
        }
    }

    @Test func theDefaultLimitsAreTheCoreLineLimit() {
        let limits = SlipstreamMCPServer.Configuration.Limits()
        #expect(limits.maxTextBytes == 4096)
        #expect(limits.maxWireBytes == 4096)
    }

    @Test func anUnknownToolIsAProtocolErrorAndTheSessionGoesOn() async throws {
        try await MCPTestClient.with { peer in
            await #expect(throws: MCPError.self) { try await peer.call("slip_nothing", [:]) }
            let object = try await peer.object("slip_anchors", [:])
            #expect(object["ucr"] == "v1")
        }
    }
}

import Foundation
import SlipstreamA2A
import SlipstreamCore
import SlipstreamTestSupport
import Testing

/// A2A 1.0's JSON-RPC SendMessage envelopes: the request built around a SLIP-A2A message and read back, the
/// answers (a Message, a Task, a JSON-RPC error) read, and every refusal with its code and field.
@Suite struct SlipA2AJSONRPCTests {
    static let uri = SlipA2A.extensionURI

    static func message(id: String = "m1", role: String = "user") throws -> SlipA2AMessage {
        SlipA2AMessage(
            wire: try WireParser().parse("SLIP v3 planner reviewer Request Review auth"), metadata: SlipA2AMetadata(ucr: .v3),
            messageId: id, role: role)
    }

    /// A message member as an agent writes it (A2A 1.0 roles).
    static func agentMessage(_ text: String, id: String = "r1", hash: String? = nil, declared: Bool = true) -> String {
        let metadata = hash.map { ",\"metadata\":{\"\(uri)\":{\"slipVersion\":\"v3\",\"ucrHash\":\"\($0)\"}}" } ?? ""
        return """
            {"messageId":"\(id)","role":"ROLE_AGENT","parts":[{"text":\(JSONValue.string(text).compactText)}]\
            \(declared ? ",\"extensions\":[\"\(uri)\"]" : "")\(metadata)}
            """
    }

    static func response(id: String = "1", result: String) -> String {
        "{\"jsonrpc\":\"2.0\",\"id\":\(id),\"result\":\(result)}"
    }

    @Test func theRequestIsASendMessageEnvelopeWithTheMessageInA2A1sRoles() throws {
        let request = SlipA2ASendMessageRequest(id: 1, message: try Self.message())
        let hash = SlipA2A.ucrHash(of: .v3)
        #expect(
            request.json.compactText
                == """
                {"jsonrpc":"2.0","id":1,"method":"SendMessage","params":{"message":{"messageId":"m1","role":"ROLE_USER",\
                "parts":[{"text":"SLIP v3 planner reviewer Request Review auth"}],"extensions":["\(Self.uri)"],\
                "metadata":{"\(Self.uri)":{"slipVersion":"v3","encoding":"force-object","ucrVersion":"3.0.0","ucrHash":"\(hash)"}}}}}
                """)
        #expect(SlipA2A.serviceParameters.map(\.name) == ["A2A-Version", "A2A-Extensions"])
        #expect(SlipA2A.serviceParameters.map(\.value) == ["1.0", Self.uri])
    }

    @Test func aRequestWithConfigurationAndMetadataIsReadBackEqual() throws {
        let request = SlipA2ASendMessageRequest(
            id: "r-7", message: try Self.message(role: "agent"),
            configuration: SlipA2ASendMessageConfiguration(
                acceptedOutputModes: ["text/slip", "text/plain"], historyLength: 2, returnImmediately: true,
                other: [("taskPushNotificationConfig", .object([("url", .string("https://example.org/hook"))]))]),
            metadata: [("trace", .string("t1"))], otherParams: [("tenant", .string("acme"))])
        let text = request.json.compactText
        #expect(text.contains("\"role\":\"ROLE_AGENT\""))
        #expect(
            text.contains(
                "\"configuration\":{\"acceptedOutputModes\":[\"text/slip\",\"text/plain\"],\"historyLength\":2,\"returnImmediately\":true,")
        )
        let read = try SlipA2ASendMessageRequest.read(text, ucr: .v3)
        #expect(read == request)
        #expect(read.message.role == "agent")
        #expect(read.configuration?.other.map(\.0) == ["taskPushNotificationConfig"])
    }

    @Test(
        arguments: [
            ("[1]", "invalid_jsonrpc", nil),
            ("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"SendMessage\",\"params\":{}}", "invalid_jsonrpc", "jsonrpc"),
            ("{\"jsonrpc\":\"2.0\",\"method\":\"SendMessage\",\"params\":{}}", "invalid_jsonrpc", "id"),
            ("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"SendMessage\",\"params\":{}}", "invalid_jsonrpc", "id"),
            ("{\"jsonrpc\":\"2.0\",\"id\":1,\"params\":{}}", "invalid_jsonrpc", "method"),
            ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{}}", "unsupported_method", "method"),
            ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"SendMessage\"}", "malformed_message", "params"),
            ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"SendMessage\",\"params\":{}}", "malformed_message", "params.message"),
            (
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"SendMessage\",\"params\":{\"message\":{\"role\":\"ROLE_USER\",\"parts\":[]}}}",
                "malformed_message", "params.message.messageId"
            ),
            (
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"SendMessage\",\"params\":{\"message\":"
                    + "{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"SLIP v3 a b Demand Review\"}]}}}",
                "invalid_wire", "params.message.parts[0].text"
            ),
            (
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"SendMessage\",\"params\":{\"message\":"
                    + "{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"SLIP v3 a b Ask Status\"}]},"
                    + "\"configuration\":{\"historyLength\":-1}}}",
                "malformed_message", "params.configuration.historyLength"
            ),
        ] as [(String, String, String?)])
    func aBadRequestIsRefusedNamingTheField(text: String, code: String, field: String?) throws {
        let error = try #require(throws: SlipA2AError.self) { try SlipA2ASendMessageRequest.read(text) }
        #expect(error.code.rawValue == code, "\(error)")
        #expect(error.field == field, "\(error)")
    }

    @Test func theOldMethodNameIsRefusedWithA2A1sName() throws {
        let text = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{}}"
        let error = try #require(throws: SlipA2AError.self) { try SlipA2ASendMessageRequest.read(text) }
        #expect(error.message.contains("A2A 1.0 calls it SendMessage"))
    }

    @Test func aMessageAnswerGivesTheWireWithTheRoleAsTheMessageKeepsIt() throws {
        let hash = SlipA2A.ucrHash(of: .v3)
        let message = Self.agentMessage("SLIP v3 reviewer planner Accept Review", hash: hash)
        let text = Self.response(result: "{\"message\":\(message.dropLast()),\"contextId\":\"c1\"}}")
        let response = try SlipA2ASendMessageResponse.read(text, requestID: 1, ucr: .v3)
        #expect(response.id == 1)
        guard case .message(let read) = response.result else {
            Issue.record("not a message: \(response)")
            return
        }
        #expect(read.wire.wire == "SLIP v3 reviewer planner Accept Review")
        #expect(read.role == "agent")
        #expect(read.contextId == "c1")
        #expect(read.metadata?.ucrHash == hash)
    }

    @Test func aTaskAnswerGivesItsStateAndTheWiresOfItsStatusHistoryAndArtifacts() throws {
        let plain = "{\"messageId\":\"p\",\"role\":\"ROLE_AGENT\",\"parts\":[{\"text\":\"working on it\"}]}"
        let task = """
            {"task":{"id":"t1","contextId":"c1","status":{"state":"TASK_STATE_COMPLETED",\
            "message":\(Self.agentMessage("SLIP v3 reviewer planner Inform Complete", id: "r2")),"timestamp":"2026-01-01T00:00:00Z"},\
            "history":[\(Self.agentMessage("SLIP v3 planner reviewer Request Review auth", id: "m1").replacingOccurrences(of: "ROLE_AGENT", with: "ROLE_USER")),\(plain)],\
            "artifacts":[{"artifactId":"a1","name":"reply","parts":[{"text":"SLIP v3 reviewer planner Inform Result auth"}],\
            "extensions":["\(Self.uri)"]},{"artifactId":"a2","parts":[{"data":{"n":1}}]}]}}
            """
        let response = try SlipA2ASendMessageResponse.read(Self.response(id: "\"r\"", result: task), requestID: "r")
        guard case .task(let read) = response.result else {
            Issue.record("not a task: \(response)")
            return
        }
        #expect(read.id == "t1")
        #expect(read.contextId == "c1")
        #expect(read.state == .completed)
        #expect(read.state.isTerminal && !read.state.isInterrupted)
        #expect(read.statusMessage?.messageId == "r2")
        #expect(read.history.map(\.messageId) == ["m1"])
        #expect(read.history.first?.role == "user")
        #expect(read.artifacts.map(\.artifactId) == ["a1"])
        #expect(read.artifacts.first?.name == "reply")
        #expect(read.wires.map(\.wire) == ["SLIP v3 reviewer planner Inform Complete", "SLIP v3 reviewer planner Inform Result auth"])
        #expect(
            response.summaryJSON.compactText
                == """
                {"id":"r","kind":"task","taskId":"t1","contextId":"c1","state":"TASK_STATE_COMPLETED",\
                "status":"SLIP v3 reviewer planner Inform Complete","history":["SLIP v3 planner reviewer Request Review auth"],\
                "artifacts":[{"artifactId":"a1","name":"reply","wire":"SLIP v3 reviewer planner Inform Result auth"}]}
                """)
    }

    @Test func aJSONRPCErrorAnswerIsThrownWithItsCodeMessageAndData() throws {
        let text = """
            {"error":{"code":-32001,"message":"Task nosuch not found","data":[{"reason":"TASK_NOT_FOUND"}]},"id":1,"jsonrpc":"2.0"}
            """
        let error = try #require(throws: SlipA2AError.self) { try SlipA2ASendMessageResponse.read(text, requestID: 1) }
        #expect(error.code == .rpcError)
        #expect(error.field == "error")
        let rpc = try #require(error.rpcError)
        #expect(rpc.code == .taskNotFound)
        #expect(rpc.code.name == "TaskNotFoundError")
        #expect(rpc.message == "Task nosuch not found")
        #expect(rpc.data == .array([.object([("reason", .string("TASK_NOT_FOUND"))])]))
        #expect(error.message == "the agent answered -32001 TaskNotFoundError: Task nosuch not found")
        // A server that could not read the request's id answers with a null id: still the server's error.
        let parse = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}"
        let parseError = try #require(throws: SlipA2AError.self) { try SlipA2ASendMessageResponse.read(parse, requestID: 1) }
        #expect(parseError.rpcError == SlipA2AJSONRPCError(code: .parseError, message: "Parse error"))
    }

    @Test(
        arguments: [
            ("not json", "not_json", nil),
            ("[]", "invalid_jsonrpc", nil),
            ("{\"id\":1,\"result\":{}}", "invalid_jsonrpc", "jsonrpc"),
            ("{\"jsonrpc\":2.0,\"id\":1,\"result\":{}}", "invalid_jsonrpc", "jsonrpc"),
            ("{\"jsonrpc\":\"2.0\",\"id\":1}", "invalid_jsonrpc", nil),
            ("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"error\":{\"code\":1,\"message\":\"x\"}}", "invalid_jsonrpc", nil),
            ("{\"jsonrpc\":\"2.0\",\"result\":{}}", "invalid_jsonrpc", "id"),
            ("{\"jsonrpc\":\"2.0\",\"id\":null,\"result\":{}}", "invalid_jsonrpc", "id"),
            ("{\"jsonrpc\":\"2.0\",\"id\":[1],\"result\":{}}", "invalid_jsonrpc", "id"),
            ("{\"jsonrpc\":\"2.0\",\"id\":\"1\",\"result\":{}}", "id_mismatch", "id"),
            ("{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":-32603,\"message\":\"x\"}}", "id_mismatch", "id"),
            ("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":\"-32603\",\"message\":\"x\"}}", "invalid_jsonrpc", "error.code"),
            ("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603}}", "invalid_jsonrpc", "error.message"),
            ("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":\"boom\"}", "invalid_jsonrpc", "error"),
            ("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[]}", "malformed_result", "result"),
            ("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}", "malformed_result", "result"),
            ("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"kind\":\"message\",\"messageId\":\"m\"}}", "malformed_result", "result"),
            ("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"task\":{\"id\":\"t\"},\"message\":{}}}", "malformed_result", "result"),
            (
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"task\":{\"status\":{\"state\":\"TASK_STATE_WORKING\"}}}}", "malformed_result",
                "result.task.id"
            ),
            ("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"task\":{\"id\":\"t\"}}}", "malformed_result", "result.task.status"),
            (
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"task\":{\"id\":\"t\",\"status\":{\"state\":3}}}}", "malformed_result",
                "result.task.status.state"
            ),
            (
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"task\":{\"id\":\"t\",\"status\":{\"state\":\"TASK_STATE_WORKING\"},\"history\":{}}}}",
                "malformed_result", "result.task.history"
            ),
            (
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"task\":{\"id\":\"t\",\"status\":{\"state\":\"TASK_STATE_WORKING\"},"
                    + "\"artifacts\":[{\"parts\":[{\"text\":\"SLIP v3 a b Ask Status\"}]}]}}}",
                "malformed_result", "result.task.artifacts[0].artifactId"
            ),
            (
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_AGENT\","
                    + "\"parts\":[{\"text\":\"plain words\"}]}}}",
                "not_slip_a2a", "result.message.parts[0].text"
            ),
            (
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"task\":{\"id\":\"t\",\"status\":{\"state\":\"TASK_STATE_WORKING\"},"
                    + "\"history\":[{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"SLIP v3 a b  Ask Status\"}]}]}}}",
                "non_canonical_wire", "result.task.history[0].parts[0].text"
            ),
            (
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"task\":{\"id\":\"t\",\"status\":{\"state\":\"TASK_STATE_FAILED\","
                    + "\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_AGENT\",\"parts\":[{\"text\":\"SLIP v1 a b RequestTask x\"}]}}}}}",
                "unsupported_slip_version", "result.task.status.message.parts[0].text"
            ),
        ] as [(String, String, String?)])
    func aBadAnswerIsRefusedNamingTheField(text: String, code: String, field: String?) throws {
        let error = try #require(throws: SlipA2AError.self) { try SlipA2ASendMessageResponse.read(text, requestID: 1) }
        #expect(error.code.rawValue == code, "\(error)")
        #expect(error.field == field, "\(error)")
    }

    @Test func anAnswerFromAnotherCodebookIsRefusedUnlessNoCodebookIsGiven() throws {
        let message = Self.agentMessage("SLIP v3 reviewer planner Accept Review", hash: SlipA2A.ucrHash(of: .v1))
        let text = Self.response(result: "{\"message\":\(message)}")
        let error = try #require(throws: SlipA2AError.self) { try SlipA2ASendMessageResponse.read(text, requestID: 1, ucr: .v3) }
        #expect(error.code == .ucrHashMismatch)
        #expect(error.field == "result.message.metadata.\(Self.uri).ucrHash")
        #expect(throws: Never.self) { try SlipA2ASendMessageResponse.read(text, requestID: 1) }
    }

    @Test func aBodyOverTheLimitIsRefusedBeforeItIsParsed() throws {
        let text = Self.response(result: "{\"message\":\(Self.agentMessage("SLIP v3 a b Ask Status"))}")
        #expect(throws: Never.self) { try SlipA2ASendMessageResponse.read(text, requestID: nil, maxBodyBytes: text.utf8.count) }
        let error = try #require(throws: SlipA2AError.self) {
            try SlipA2ASendMessageResponse.read(text, requestID: nil, maxBodyBytes: text.utf8.count - 1)
        }
        #expect(error.code == .bodyTooLarge)
        #expect(error.message == "the body is \(text.utf8.count) bytes, longer than the limit of \(text.utf8.count - 1)")
        let request = SlipA2ASendMessageRequest(id: 1, message: try Self.message()).json.compactText
        #expect(throws: SlipA2AError.self) { try SlipA2ASendMessageRequest.read(request, maxBodyBytes: 64) }
        #expect(SlipA2A.defaultMaxBodyBytes == 1_048_576)
    }
}

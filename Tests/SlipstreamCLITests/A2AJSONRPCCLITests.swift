import Foundation
import SlipstreamTestSupport
import Testing

/// `slipstream a2a send-request | read-response` (A2A 1.0's JSON-RPC SendMessage), run as the built binary; the
/// outputs docs/a2a.md shows are these.
@Suite struct A2AJSONRPCCLITests {
    static let uri = "https://github.com/anthony-maio/slipcore/extensions/a2a-slipstream/v1"
    static let docs = (try? String(contentsOf: Repository.url("docs/a2a.md"), encoding: .utf8)) ?? ""

    /// A SendMessage answer with a message from the agent.
    static func messageAnswer(id: String, wire: String) -> String {
        """
        {"jsonrpc":"2.0","id":\(id),"result":{"message":{"messageId":"a1","role":"ROLE_AGENT","parts":[{"text":"\(wire)"}],\
        "extensions":["\(uri)"]}}}
        """
    }

    @Test func sendRequestPrintsOneSendMessageRequestPerLine() throws {
        let wires = "SLIP v3 planner reviewer Request Review auth\nSLIP v3 reviewer planner Accept Generic\n"
        let run = try CLITests.run(
            [
                "a2a", "send-request", "--message-id-prefix", "m", "--request-id-prefix", "r", "--accepted-output-modes",
                "text/slip,text/plain", "--history-length", "3", "--return-immediately", "--role", "agent",
            ], stdin: wires)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.lines
        #expect(lines.count == 2)
        #expect(lines.map { $0["id"] as? String } == ["r1", "r2"])
        #expect(lines.allSatisfy { $0["jsonrpc"] as? String == "2.0" && $0["method"] as? String == "SendMessage" })
        let params = try #require(lines.first?["params"] as? [String: Any])
        let message = try #require(params["message"] as? [String: Any])
        #expect(message["messageId"] as? String == "m1")
        #expect(message["role"] as? String == "ROLE_AGENT")
        #expect(message["extensions"] as? [String] == [Self.uri])
        let configuration = try #require(params["configuration"] as? [String: Any])
        #expect(configuration["acceptedOutputModes"] as? [String] == ["text/slip", "text/plain"])
        #expect(configuration["historyLength"] as? Int == 3)
        #expect(configuration["returnImmediately"] as? Bool == true)
        let plain = try CLITests.run(["a2a", "send-request", "SLIP v3 a b Ask Status"])
        #expect(plain.lines.first?["id"] as? Int == 1)
        #expect((plain.lines.first?["params"] as? [String: Any])?["configuration"] == nil)
    }

    @Test func sendRequestRefusesAnInvalidWireNamingTheLineAndCode() throws {
        let run = try CLITests.run(["a2a", "send-request"], stdin: "SLIP v3 a b Ask Status\nSLIP v3 a b Demand Review\n")
        #expect(run.status == 1)
        #expect(run.lines.count == 1)
        #expect(run.stderr.hasPrefix("line 2: unknown_force: "))
        let negative = try CLITests.run(["a2a", "send-request", "SLIP v3 a b Ask Status", "--history-length=-1"])
        #expect(negative.status != 0)
        #expect(negative.stderr.contains("--history-length must be 0 or more"))
    }

    @Test func readResponsePrintsTheWiresOfMessageAndTaskAnswers() throws {
        let task = """
            {"jsonrpc":"2.0","id":1,"result":{"task":{"id":"t1","contextId":"c1","status":{"state":"TASK_STATE_COMPLETED",\
            "message":{"messageId":"a2","role":"ROLE_AGENT","parts":[{"text":"SLIP v3 b a Inform Complete"}],"extensions":["\(Self.uri)"]}},\
            "history":[{"messageId":"m1","role":"ROLE_USER","parts":[{"text":"SLIP v3 a b Request Review x"}]}],\
            "artifacts":[{"artifactId":"x1","name":"reply","parts":[{"text":"SLIP v3 b a Inform Result r1"}]}]}}}
            """
        let input = Self.messageAnswer(id: "1", wire: "SLIP v3 b a Accept Review") + "\n\n" + task + "\n"
        let run = try CLITests.run(["a2a", "read-response", "--id", "1"], stdin: input)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "SLIP v3 b a Accept Review\nSLIP v3 b a Inform Complete\nSLIP v3 b a Inform Result r1\n")
        let json = try CLITests.run(["a2a", "read-response", "--json"], stdin: input)
        #expect(json.lines.map { $0["kind"] as? String } == ["message", "task"])
        #expect(json.lines.last?["state"] as? String == "TASK_STATE_COMPLETED")
        #expect(json.lines.first?["role"] as? String == "agent")
        let summary = try #require(json.stdout.split(separator: "\n").last)
        #expect(Self.docs.contains(summary + "\n"), "docs/a2a.md lacks \(summary)")
    }

    @Test func readResponseNamesTheLineCodeAndFieldOfEachRefusedAnswer() throws {
        let input = [
            Self.messageAnswer(id: "1", wire: "SLIP v3 b a Accept Review"),
            "{\"error\":{\"code\":-32001,\"message\":\"Task t9 not found\",\"data\":[{\"reason\":\"TASK_NOT_FOUND\"}]},\"id\":1,\"jsonrpc\":\"2.0\"}",
            Self.messageAnswer(id: "\"1\"", wire: "SLIP v3 b a Accept Review"),
            "{\"jsonrpc\":\"1.0\",\"id\":1,\"result\":{}}",
            Self.messageAnswer(id: "1", wire: "SLIP v3 b a Demand Review"),
        ].joined(separator: "\n")
        let run = try CLITests.run(["a2a", "read-response", "--id", "1"], stdin: input + "\n")
        #expect(run.status == 1)
        #expect(run.stdout == "SLIP v3 b a Accept Review\n")
        let errors = run.stderr.split(separator: "\n").map(String.init)
        #expect(errors.count == 4)
        #expect(
            errors[0]
                == "line 2: rpc_error: the agent answered -32001 TaskNotFoundError: Task t9 not found at error (data: [{\"reason\":\"TASK_NOT_FOUND\"}])"
        )
        #expect(errors[1] == "line 3: id_mismatch: id is \"1\", the request's is 1 at id")
        #expect(errors[2] == "line 4: invalid_jsonrpc: jsonrpc is \"1.0\", not \"2.0\" at jsonrpc")
        #expect(errors[3].hasPrefix("line 5: invalid_wire: ") && errors[3].hasSuffix(" at result.message.parts[0].text"))
    }

    @Test func readResponseRefusesAnAnswerOverTheLimitAndGoesOn() throws {
        let good = Self.messageAnswer(id: "1", wire: "SLIP v3 b a Accept Review")
        let run = try CLITests.run(
            ["a2a", "read-response", "--max-body-bytes", "300"], stdin: String(repeating: "x", count: 400) + "\n" + good + "\n")
        #expect(run.status == 1)
        #expect(run.stdout == "SLIP v3 b a Accept Review\n")
        #expect(run.stderr == "line 1: body_too_large: the body is 400 bytes, longer than the limit of 300\n")
    }

    @Test func theDocumentedRequestAndAnswerAreTheBinarys() throws {
        let request = try CLITests.run(
            ["a2a", "send-request", "SLIP v3 planner reviewer Request Review auth", "--message-id-prefix", "m"])
        #expect(request.status == 0)
        #expect(Self.docs.contains(request.stdout), "docs/a2a.md lacks \(request.stdout)")
        let answer = Self.messageAnswer(id: "1", wire: "SLIP v3 reviewer planner Accept Review")
        #expect(Self.docs.contains(answer), "docs/a2a.md lacks \(answer)")
        let read = try CLITests.run(["a2a", "read-response", "--id", "1"], stdin: answer + "\n")
        #expect(read.stdout == "SLIP v3 reviewer planner Accept Review\n")
        #expect(Self.docs.contains("$ echo '\(answer)' | swift run slipstream a2a read-response --id 1\n\(read.stdout)"))
    }
}

import Foundation
import SlipstreamA2A
import SlipstreamCore
import SlipstreamTestSupport
import Testing

/// Runs the official A2A Python SDK (a2a-sdk 1.x, A2A 1.0; scripts/a2a_sdk_oracle.py) against the JSON-RPC
/// envelopes: the SDK's own types accept every SendMessage request we build (one per v3 anchor) with the same
/// fields, the SDK's real JSON-RPC route answers them with Messages and Tasks we read back to the wires its
/// agent sent, and its error answers are read as typed errors.
@Suite(.enabled(if: Repository.python != nil, "set SLIPSTREAM_PYTHON to a python with a2a-sdk (scripts/requirements-test.txt)"))
struct A2ASDKDifferentialTests {
    static let oracle = Repository.url("scripts/a2a_sdk_oracle.py").path
    static let uri = SlipA2A.extensionURI
    static let headers: JSONValue = .object(SlipA2A.serviceParameters.map { ($0.name, .string($0.value)) })
    static let replies = ["message", "task", "input-required", "rejected"]

    static func sdk(_ command: String, _ lines: [String]) throws -> [JSONValue] {
        let output = try Subprocess.run(Repository.python!, [oracle, command], input: lines.joined(separator: "\n") + "\n")
        return try output.split(separator: "\n").map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
    }

    static func serve(_ bodies: [String], headers: JSONValue = headers) throws -> [String] {
        let input = bodies.map { JSONValue.object([("body", .string($0)), ("headers", headers)]).compactText }
        return try Subprocess.run(Repository.python!, [oracle, "serve"], input: input.joined(separator: "\n") + "\n")
            .split(separator: "\n").map(String.init)
    }

    /// The request for anchor `i`'s wire: ids, roles, confidence, configuration and request metadata varied.
    static func request(_ i: Int, _ wire: SlipMessage, reply: String? = nil, taskId: String? = nil) -> SlipA2ASendMessageRequest {
        let message = SlipA2AMessage(
            wire: wire, metadata: SlipA2AMetadata(ucr: .v3, confidence: i % 2 == 1 ? Double(i % 10) / 10 + 0.05 : nil),
            messageId: "m-\(i)", role: reply == nil && i % 2 == 1 ? "agent" : "user", contextId: i % 3 == 0 ? "ctx-\(i)" : nil,
            taskId: taskId)
        let configuration =
            i % 3 == 1
            ? SlipA2ASendMessageConfiguration(
                acceptedOutputModes: ["text/slip", "text/plain"], historyLength: 10 + i % 4, returnImmediately: i % 2 == 0 ? false : nil)
            : nil
        var metadata: [(String, JSONValue)] = i % 4 == 0 ? [("trace", .string("t\(i)"))] : []
        if let reply { metadata.append(("reply", .string(reply))) }
        return SlipA2ASendMessageRequest(
            id: i % 2 == 0 ? .int(i) : .string("req-\(i)"), message: message, configuration: configuration, metadata: metadata)
    }

    /// The agent's answer: the wire with src and dst swapped.
    static func reply(to wire: SlipMessage) -> String {
        var tokens = wire.wire.split(separator: " ").map(String.init)
        tokens.swapAt(2, 3)
        return tokens.joined(separator: " ")
    }

    @Test func theSDKsTypesAcceptEveryRequestWeBuildWithTheSameFields() throws {
        let wires = A2AHelperDifferentialTests.wires()
        let requests = wires.enumerated().map { Self.request($0, $1) }
        let results = try Self.sdk("validate", requests.map(\.json.compactText))
        #expect(results.count == wires.count)
        let hash = SlipA2A.ucrHash(of: .v3)
        for (request, result) in zip(requests, results) {
            #expect(result["ok"] == .bool(true), "\(result.compactText) for \(request.json.compactText)")
            #expect(result["id"] == request.id.json)
            let params = try #require(result["params"])
            let message = try #require(params["message"])
            #expect(message["parts"]?.arrayValue?.first?["text"] == .string(request.message.wire.wire))
            #expect(message["role"] == .string(request.message.role == "user" ? "ROLE_USER" : "ROLE_AGENT"))
            #expect(message["extensions"] == .array([.string(Self.uri)]))
            #expect(message["metadata"]?[Self.uri]?["ucrHash"] == .string(hash))
            // What the SDK parsed, put back in an envelope, reads as the request we built (ProtoJSON leaves
            // out returnImmediately's default, false).
            var expected = request
            if expected.configuration?.returnImmediately == false { expected.configuration?.returnImmediately = nil }
            let envelope = JSONValue.object([
                ("jsonrpc", .string("2.0")), ("id", request.id.json), ("method", .string("SendMessage")), ("params", params),
            ])
            #expect(try SlipA2ASendMessageRequest.read(envelope, ucr: .v3) == expected)
        }
    }

    @Test func theSDKsJSONRPCRouteAnswersEveryRequestAndWeReadItsAgentsWires() throws {
        let wires = A2AHelperDifferentialTests.wires()
        let requests = wires.enumerated().map { Self.request($0, $1, reply: Self.replies[$0 % Self.replies.count]) }
        let answers = try Self.serve(requests.map(\.json.compactText))
        #expect(answers.count == wires.count)
        let hash = SlipA2A.ucrHash(of: .v3)
        for (i, (request, answer)) in zip(requests, answers).enumerated() {
            let response = try SlipA2ASendMessageResponse.read(answer, requestID: request.id, ucr: .v3)
            let expected = Self.reply(to: request.message.wire)
            switch (Self.replies[i % Self.replies.count], response.result) {
            case ("message", .message(let message)):
                #expect(message.wire.wire == expected)
                #expect(message.role == "agent")
                #expect(message.messageId == "reply-m-\(i)")
                #expect(message.metadata?.ucrHash == hash)
                #expect(message.metadata?.confidence == request.message.metadata?.confidence)
                #expect(message.otherParts.count == 1)
            case (let reply, .task(let task)):
                let state: SlipA2ATaskState = ["task": .completed, "input-required": .inputRequired, "rejected": .rejected][reply]!
                #expect(task.state == state, "\(answer)")
                #expect(task.statusMessage?.wire.wire == expected)
                #expect(task.statusMessage?.taskId == task.id)
                #expect(task.history.map(\.messageId) == ["m-\(i)"])
                #expect(task.history.first?.wire == request.message.wire)
                #expect(task.history.first?.role == "user")
                #expect(task.artifacts.map(\.wire.wire) == (reply == "task" ? [expected] : []))
                #expect(task.wires.map(\.wire) == (reply == "task" ? [expected, expected] : [expected]))
            case (let reply, let result):
                Issue.record("asked for \(reply), got \(result)")
            }
        }
    }

    @Test func theSDKsErrorAnswersAreReadAsTypedErrors() throws {
        let wire = A2AHelperDifferentialTests.wires()[0]
        let unknownTask = Self.request(0, wire, taskId: "no-such-task").json.compactText
        let good = Self.request(2, wire, reply: "message").json.compactText
        let oldMethod = good.replacingOccurrences(of: "\"method\":\"SendMessage\"", with: "\"method\":\"message/send\"")
        let noMessage = "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"SendMessage\",\"params\":{}}"
        let answers = try Self.serve([unknownTask, "not json", oldMethod, noMessage])
        let noVersion = try Self.serve([good], headers: .object([]))
        let cases: [(String, SlipA2ARequestID, SlipA2AJSONRPCError.Code)] = [
            (answers[0], 0, .taskNotFound), (answers[1], 7, .parseError), (answers[2], 2, .methodNotFound),
            (answers[3], "x", .invalidParams), (noVersion[0], 2, .versionNotSupported),
        ]
        for (answer, id, code) in cases {
            let error = try #require(throws: SlipA2AError.self) { try SlipA2ASendMessageResponse.read(answer, requestID: id) }
            #expect(error.code == .rpcError, "\(answer)")
            #expect(error.rpcError?.code == code, "\(answer)")
        }
        #expect(try Self.serve([good]).count == 1)
        let invalidParams = try #require(throws: SlipA2AError.self) { try SlipA2ASendMessageResponse.read(answers[3], requestID: "x") }
        #expect(invalidParams.rpcError?.data?.compactText.contains("\"field\":\"message\"") == true)
        // The right answer to another request is refused.
        let answer = try Self.serve([good])[0]
        let mismatch = try #require(throws: SlipA2AError.self) { try SlipA2ASendMessageResponse.read(answer, requestID: 3) }
        #expect(mismatch.code == .idMismatch)
    }

    @Test func theAgentCardEntryIsAnA2A1AgentExtension() throws {
        let entries = [SlipA2AAgentExtension(ucr: .v3), SlipA2AAgentExtension(ucrVersion: "3.0.0", required: true)]
        let results = try Self.sdk("card", entries.map(\.json.compactText))
        #expect(results.count == entries.count)
        for (entry, result) in zip(entries, results) {
            #expect(result["ok"] == .bool(true), "\(result.compactText)")
            #expect(result["extension"]?["uri"] == .string(Self.uri))
            #expect(result["extension"]?["params"]?.sortingMembersForTest == entry.json["params"]?.sortingMembersForTest)
        }
    }
}

extension JSONValue {
    /// Objects with sorted members (the SDK writes a Struct's members in its own order).
    fileprivate var sortingMembersForTest: JSONValue {
        switch self {
        case .array(let items): .array(items.map(\.sortingMembersForTest))
        case .object(let members): .object(members.map { ($0.0, $0.1.sortingMembersForTest) }.sorted { $0.0 < $1.0 })
        default: self
        }
    }
}

import Foundation
import SlipstreamTestSupport
import Testing

/// `slipstream hub token …` on a store, and `hub serve` checking the tokens it issued: `hub send`, `hub
/// recv` and `slipstream mcp` with an agent's token.
@Suite struct HubTokenCLITests {
    /// `hub serve --agent-tokens` on `store`, on a free port; the process and its URL.
    static func server(_ store: String, _ options: [String] = ["--agent-tokens"]) throws -> (HubCLITests.Running, String) {
        let server = try HubCLITests.Running(["hub", "serve", "--store", store, "--port", "0"] + options)
        let banner = server.firstLine()
        #expect(banner.hasPrefix("listening on http://127.0.0.1:"), "\(banner)")
        return (server, banner.split(separator: " ").last.map(String.init) ?? "")
    }

    @Test func anIssuedTokenSendsAsItsAgentOnlyAndARevokedOneIsRefused() throws {
        let store = HubCLITests.temporaryStore()
        defer { HubCLITests.remove(store) }
        let issued = try CLITests.run(["hub", "token", "issue", "alice", "--store", store])
        #expect(issued.status == 0, "\(issued.stderr)")
        let alice = issued.stdout.trimmingCharacters(in: .newlines)
        #expect(alice.hasPrefix("slip_") && !alice.contains("\n"))
        #expect(issued.stderr.contains("issued tok_") && issued.stderr.contains(" for alice"))
        let bobIssued = try CLITests.run(["hub", "token", "issue", "bob", "--json", "--store", store])
        let bobObject = try #require(bobIssued.lines.first)
        let bob = try #require(bobObject["token"] as? String)
        #expect(bobObject["agent"] as? String == "bob" && (bobObject["id"] as? String)?.hasPrefix("tok_") == true)

        let listed = try CLITests.run(["hub", "token", "list", "--store", store])
        #expect(listed.stdout.split(separator: "\n").map { $0.split(separator: " ")[1] } == ["alice", "bob"])
        #expect(!listed.stdout.contains(alice) && !listed.stdout.contains(bob))

        let (server, url) = try Self.server(store)
        defer { server.stop() }
        let sent = try CLITests.run(
            ["hub", "send", "--hub", url, "--token", alice], stdin: "SLIP v1 alice bob MetaAck\nSLIP v1 bob carol MetaAck\n")
        #expect(sent.status == 1)
        #expect(sent.stdout == "line 1: id 1 to bob\n")
        #expect(
            sent.stderr.contains(#"line 2: hub error (forbidden): the wire's src "bob" is not "alice", the agent of this token"#),
            "\(sent.stderr)")
        let snooping = try CLITests.run(["hub", "recv", "bob", "--hub", url, "--token", alice])
        #expect(snooping.status == 1)
        #expect(snooping.stderr.contains(#"hub error (forbidden): the token of agent "alice" cannot read the mailbox of "bob""#))
        // $SLIPSTREAM_HUB_TOKEN carries an agent token as it does the admin's.
        let received = try CLITests.run(["hub", "recv", "bob", "--hub", url], environment: ["SLIPSTREAM_HUB_TOKEN": bob])
        #expect(received.status == 0 && received.stdout == "SLIP v1 alice bob MetaAck\n", "\(received.stderr)")

        let revoked = try CLITests.run(["hub", "token", "revoke", "alice", "--store", store])
        #expect(revoked.status == 0 && revoked.stdout.hasPrefix("revoked tok_") && revoked.stdout.hasSuffix(" of alice\n"))
        let refused = try CLITests.run(["hub", "send", "SLIP v1 alice bob MetaAck", "--hub", url, "--token", alice])
        #expect(refused.status == 1 && refused.stderr.contains("hub error (unauthorized)"), "\(refused.stderr)")
        let again = try CLITests.run(["hub", "token", "revoke", "alice", "--store", store])
        #expect(again.status == 1 && again.stderr.contains("no token has the id or agent alice"))
        let bobID = try #require(bobObject["id"] as? String)
        #expect(try CLITests.run(["hub", "token", "list", "--json", "--store", store]).lines.map { $0["id"] as? String } == [bobID])
        #expect(try CLITests.run(["hub", "token", "revoke", bobID, "--store", store]).stdout == "revoked \(bobID) of bob\n")
        #expect(try CLITests.run(["hub", "token", "list", "--store", store]).stdout == "")
    }

    /// The admin token (--token) still acts as any agent beside agent tokens; a server that checks no token
    /// on a store that holds agent tokens says so.
    @Test func theAdminTokenActsAsAnyAgentAndAServerCheckingNoTokenWarns() throws {
        let store = HubCLITests.temporaryStore()
        defer { HubCLITests.remove(store) }
        let alice = try CLITests.run(["hub", "token", "issue", "alice", "--store", store]).stdout.trimmingCharacters(in: .newlines)
        let (server, url) = try Self.server(store, ["--token", "s3cret"])
        defer { server.stop() }
        #expect(try CLITests.run(["hub", "send", "SLIP v1 alice bob MetaAck", "--hub", url, "--token", alice]).status == 0)
        #expect(try CLITests.run(["hub", "send", "SLIP v1 carol bob MetaAck", "--hub", url, "--token", "s3cret"]).status == 0)
        #expect(try CLITests.run(["hub", "recv", "bob", "--hub", url, "--token", "s3cret"]).stdout.split(separator: "\n").count == 2)

        let (open, _) = try Self.server(store, [])
        open.stop()
        #expect(open.finish().stderr.contains("warning: the store holds 1 agent token, but this server checks none"))
    }

    /// `slipstream mcp --hub URL --hub-token <alice's>`: a wire from another src is refused in slip_send's
    /// results, and another agent's mailbox is a tool error, both with the code `forbidden`.
    @Test func theMCPHubToolsWithAnAgentTokenReportForbiddenCalls() throws {
        let store = HubCLITests.temporaryStore()
        defer { HubCLITests.remove(store) }
        let alice = try CLITests.run(["hub", "token", "issue", "alice", "--store", store]).stdout.trimmingCharacters(in: .newlines)
        let (server, url) = try Self.server(store)
        defer { server.stop() }
        let requests = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"slip_send","arguments":{"wires":["SLIP v1 alice bob MetaAck","SLIP v1 bob carol MetaAck"]}}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"slip_receive","arguments":{"agent":"bob"}}}"#,
        ]
        let run = try CLITests.run(["mcp", "--hub", url, "--hub-token", alice], stdin: requests.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        let results = Dictionary(
            uniqueKeysWithValues: run.lines.compactMap { reply in
                (reply["id"] as? Int).map { ($0, reply["result"] as? [String: Any] ?? [:]) }
            })
        let sent = try #require(results[2]?["structuredContent"] as? [String: Any])
        #expect(sent["accepted"] as? Int == 1 && sent["refused"] as? Int == 1)
        let refusal = try #require(((sent["results"] as? [[String: Any]])?.last)?["error"] as? [String: Any])
        #expect(refusal["code"] as? String == "forbidden")
        #expect((refusal["message"] as? String)?.contains(#"src "bob" is not "alice""#) == true)
        #expect(results[3]?["isError"] as? Bool == true)
        let error = try #require((results[3]?["structuredContent"] as? [String: Any])?["error"] as? [String: Any])
        #expect(error["code"] as? String == "forbidden", "\(error)")
        #expect((error["message"] as? String)?.contains("cannot read the mailbox of \"bob\"") == true)
    }
}

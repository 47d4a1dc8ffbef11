import Foundation
import SlipstreamTestSupport
import Testing

/// `slipstream mcp` as a process, without a Python peer: stdout carries only JSON-RPC, logs go to stderr,
/// every request piped in is answered before the process exits, and bad limits are usage errors.
@Suite struct MCPCommandTests {
    @Test func pipedRequestsAreAnsweredOnStdoutAndLogsGoToStderr() throws {
        let requests = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"slip_decode","arguments":{"wire":"SLIP v1 alice bob RequestReview auth_module"}}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"slip_decode","arguments":{"wire":"SLIP v1 a"}}}"#,
        ]
        let run = try CLITests.run(
            ["mcp", "--fallback-store", ":memory:", "--log-level", "info"], stdin: requests.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        let replies = run.lines
        #expect(replies.count == run.stdout.split(separator: "\n").count, "stdout has a line that is not JSON: \(run.stdout)")
        #expect(Set(replies.compactMap { $0["id"] as? Int }) == [1, 2, 3])
        let results = Dictionary(
            uniqueKeysWithValues: replies.compactMap { reply in
                (reply["id"] as? Int).map { ($0, reply["result"] as? [String: Any] ?? [:]) }
            })
        let decoded = try #require(results[2]?["structuredContent"] as? [String: Any])
        #expect(decoded["canonical"] as? String == "Request review of work")
        #expect(results[3]?["isError"] as? Bool == true)
        #expect(run.stderr.contains("serving MCP"))
    }

    @Test func theHubToolsShareTheCLIsHubFileAndAWaitingReceiveEndsWhenStdinCloses() throws {
        let store = HubCLITests.temporaryStore()
        defer { HubCLITests.remove(store) }
        let fromCLI = "SLIP v1 alice bob RequestReview auth_module"
        #expect(try CLITests.run(["hub", "send", fromCLI, "--store", store]).status == 0)
        let fromServer = "SLIP v3 bob carol Inform Complete"
        let requests = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"slip_receive","arguments":{"agent":"bob"}}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"slip_send","arguments":{"wire":"\#(fromServer)"}}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"slip_receive","arguments":{"agent":"dave","wait_seconds":3600}}}"#,
        ]
        // The last receive would wait an hour; closing stdin ends the session, and with it the wait.
        let run = try CLITests.run(["mcp", "--hub-store", store, "--hub-max-wait", "3600"], stdin: requests.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        let results = Dictionary(
            uniqueKeysWithValues: run.lines.compactMap { reply in
                (reply["id"] as? Int).map { ($0, (reply["result"] as? [String: Any])?["structuredContent"] as? [String: Any] ?? [:]) }
            })
        #expect(results.keys.sorted() == [1, 2, 3, 4])
        let received = try #require(results[2]?["messages"] as? [[String: Any]])
        #expect(received.map { $0["wire"] as? String } == [fromCLI])
        #expect((results[3]?["results"] as? [[String: Any]])?.first?["recipients"] as? [String] == ["carol"])
        #expect((results[4]?["messages"] as? [Any])?.isEmpty == true)
        #expect(try CLITests.run(["hub", "recv", "bob", "--store", store]).stdout == "", "slip_receive acknowledged it")
        #expect(try CLITests.run(["hub", "recv", "carol", "--store", store]).stdout == fromServer + "\n")
    }

    @Test func withHubLenientTheReceiptListsTheRepairsAndTheRepairedWireIsStored() throws {
        let store = HubCLITests.temporaryStore()
        defer { HubCLITests.remove(store) }
        let requests = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"slip_send","arguments":{"wire":"SLIP v1 a bob RequestTask x:y"}}}"#,
        ]
        let run = try CLITests.run(["mcp", "--hub-store", store, "--hub-lenient"], stdin: requests.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        let reply = try #require(run.lines.first { $0["id"] as? Int == 2 })
        let content = (reply["result"] as? [String: Any])?["structuredContent"] as? [String: Any]
        let receipt = try #require((content?["results"] as? [[String: Any]])?.first)
        #expect(receipt["wire"] as? String == "SLIP v1 a bob RequestTask x y")
        #expect((receipt["repairs"] as? [[String: Any]])?.first?["code"] as? String == "split_token")
        #expect(try CLITests.run(["hub", "recv", "bob", "--store", store]).stdout == "SLIP v1 a bob RequestTask x y\n")
    }

    /// `mcp --hub-max-pending 1`: the second wire to a mailbox nobody reads is refused with `mailbox_full`.
    @Test func withHubMaxPendingAWireToAFullMailboxIsRefused() throws {
        let store = HubCLITests.temporaryStore()
        defer { HubCLITests.remove(store) }
        let requests = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"slip_send","arguments":{"wires":["SLIP v1 alice bob MetaAck","SLIP v1 alice bob MetaAck"]}}}"#,
        ]
        let run = try CLITests.run(["mcp", "--hub-store", store, "--hub-max-pending", "1"], stdin: requests.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        let reply = try #require(run.lines.first { $0["id"] as? Int == 2 })
        let content = try #require((reply["result"] as? [String: Any])?["structuredContent"] as? [String: Any])
        #expect(content["accepted"] as? Int == 1 && content["refused"] as? Int == 1)
        let results = try #require(content["results"] as? [[String: Any]])
        #expect((results.last?["error"] as? [String: Any])?["code"] as? String == "mailbox_full")
        let negative = try CLITests.run(["mcp", "--hub-max-pending=-1"])
        #expect(negative.status == 64 && negative.stderr.contains("--hub-max-pending at least 0"), "\(negative.stderr)")
    }

    /// `mcp --hub https://… --hub-ca-cert FILE`: the hub tools talk to an HTTPS hub server trusting its certificate.
    @Test func theHubToolsUseAnHTTPSHubServerTrustingItsCertificate() throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let (server, url) = try HubCLITests.httpsServer(certificates)
        defer { server.stop() }
        let requests = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"slip_send","arguments":{"wire":"SLIP v1 alice bob MetaAck"}}}"#,
        ]
        let run = try CLITests.run(
            ["mcp", "--hub", url, "--hub-token", "s3cret", "--hub-ca-cert", certificates.selfSignedCertificate],
            stdin: requests.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        let reply = try #require(run.lines.first { $0["id"] as? Int == 2 })
        let content = (reply["result"] as? [String: Any])?["structuredContent"] as? [String: Any]
        #expect((content?["results"] as? [[String: Any]])?.first?["recipients"] as? [String] == ["bob"], "\(reply)")
        let received = try CLITests.run(
            ["hub", "recv", "bob", "--hub", url, "--token", "s3cret", "--ca-cert", certificates.selfSignedCertificate])
        #expect(received.stdout == "SLIP v1 alice bob MetaAck\n")
    }

    @Test func aHubServerAndAHubStoreTogetherAreAUsageError() throws {
        let run = try CLITests.run(["mcp", "--hub", "http://127.0.0.1:7600", "--hub-store", ":memory:"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("give one"))
        let timeout = try CLITests.run(["mcp", "--hub-store", ":memory:", "--hub-timeout", "5"])
        #expect(timeout.status == 64 && timeout.stderr.contains("--hub-timeout is for a hub server"), "\(timeout.stderr)")
    }

    @Test func httpOptionsWithoutHTTPAndATokenInClearTextAreUsageErrors() throws {
        let port = try CLITests.run(["mcp", "--port", "7700"])
        #expect(port.status == 64 && port.stderr.contains("--port is for the HTTP transport: give --http"), "\(port.stderr)")
        let clear = try CLITests.run(["mcp", "--http", "--host", "0.0.0.0", "--token", "s3cret"])
        #expect(clear.status == 64 && clear.stderr.contains("would cross the network in clear text"), "\(clear.stderr)")
        let remote = try CLITests.run(["mcp", "--http", "--agent-tokens", "--hub", "http://127.0.0.1:7600"])
        #expect(remote.status == 64 && remote.stderr.contains("--agent-tokens needs a hub store"), "\(remote.stderr)")
        let half = try CLITests.run(["mcp", "--http", "--tls-cert", "a.pem"])
        #expect(half.status == 64 && half.stderr.contains("--tls-cert and --tls-key go together"), "\(half.stderr)")
    }

    @Test func aLimitOfZeroIsAUsageError() throws {
        let run = try CLITests.run(["mcp", "--max-wire-bytes", "0"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("must be positive"))
    }
}

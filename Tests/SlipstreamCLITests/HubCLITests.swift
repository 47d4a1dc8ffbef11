import Foundation
import SlipstreamTestSupport
import Testing

/// `slipstream hub …` run as processes: agents sharing a SQLite file, and a hub server.
@Suite struct HubCLITests {
    static func temporaryStore() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("hub-\(UUID()).sqlite").path
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// A `slipstream` process started with `arguments`, its output read as it comes.
    final class Running: @unchecked Sendable {  // the pipes are read once, after exit
        let process = Process()
        let output = Pipe()
        let error = Pipe()

        init(_ arguments: [String], stdin: Pipe? = nil, environment: [String: String] = [:]) throws {
            process.executableURL = URL(fileURLWithPath: CLITests.binary)
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            process.standardInput = stdin ?? FileHandle.nullDevice
            process.standardOutput = output
            process.standardError = error
            try process.run()
        }

        /// The first line of standard output (read byte by byte, so nothing after it is consumed).
        func firstLine() -> String {
            var bytes: [UInt8] = []
            while let byte = try? output.fileHandleForReading.read(upToCount: 1)?.first, byte != 0x0A { bytes.append(byte) }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Waits for the process to exit; its status, standard output and standard error.
        func finish() -> CLITests.Run {
            let out = output.fileHandleForReading.readDataToEndOfFile()
            let err = error.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return CLITests.Run(
                status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                stderr: String(decoding: err, as: UTF8.self))
        }

        func stop() {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
    }

    @Test func sendReportsEachLineAndRecvPrintsAndAcknowledges() throws {
        let store = Self.temporaryStore()
        defer { Self.remove(store) }
        let lines = "SLIP v1 alice bob RequestReview auth_module\n\nSLIP v1 a bob RequestTask x:y\nSLIP v3 carol bob Inform Complete\n"
        let sent = try CLITests.run(["hub", "send", "--store", store], stdin: lines)
        #expect(sent.status == 1)
        #expect(sent.stdout == "line 1: id 1 to bob\nline 4: id 2 to bob\n")
        #expect(sent.stderr.contains("line 3: hub error (invalid_wire): invalid_payload_token"))
        #expect(sent.stderr.contains("offset"))

        let peek = try CLITests.run(["hub", "recv", "bob", "--no-ack", "--store", store])
        #expect(peek.stdout == "SLIP v1 alice bob RequestReview auth_module\nSLIP v3 carol bob Inform Complete\n")
        let received = try CLITests.run(["hub", "recv", "bob", "--json", "--limit", "1", "--store", store])
        #expect(received.status == 0)
        let object = try #require(received.lines.first)
        #expect(object["id"] as? Int == 1 && object["src"] as? String == "alice" && object["dst"] as? String == "bob")
        #expect(object["wire"] as? String == "SLIP v1 alice bob RequestReview auth_module")
        #expect((object["sentAt"] as? String)?.hasSuffix("Z") == true)
        #expect(try CLITests.run(["hub", "recv", "bob", "--store", store]).stdout == "SLIP v3 carol bob Inform Complete\n")
        #expect(try CLITests.run(["hub", "recv", "bob", "--store", store]).stdout == "")
        #expect(try CLITests.run(["hub", "prune", "--older-than", "3600", "--store", store]).stdout == "pruned 0 messages\n")
        #expect(try CLITests.run(["hub", "prune", "--older-than", "0", "--store", store]).stdout == "pruned 2 messages\n")

        let json = try CLITests.run(["hub", "send", "--json", "SLIP v1 a b RequestTask x:y", "--store", store])
        #expect(json.status == 1)
        let error = try #require(json.lines.first?["error"] as? [String: Any])
        #expect(error["code"] as? String == "invalid_wire" && error["offset"] as? Int == 24)
        let lenient = try CLITests.run(["hub", "send", "--lenient", "--json", "SLIP v1 a b RequestTask x:y", "--store", store])
        #expect(lenient.status == 0)
        #expect(lenient.lines.first?["wire"] as? String == "SLIP v1 a b RequestTask x y")
        let v3Only = try CLITests.run(["hub", "send", "--accept-version", "v3", "SLIP v1 a b MetaAck", "--store", store])
        #expect(v3Only.status == 1 && v3Only.stderr.contains("version_not_accepted"))
    }

    /// `recv` without --follow prints every waiting message, past one fetch's 100.
    @Test func recvPrintsEveryWaitingMessage() throws {
        let store = Self.temporaryStore()
        defer { Self.remove(store) }
        let lines = (0..<150).map { "SLIP v1 alice bob InformStatus step\($0)\n" }.joined()
        #expect(try CLITests.run(["hub", "send", "--store", store], stdin: lines).status == 0)
        let received = try CLITests.run(["hub", "recv", "bob", "--store", store])
        #expect(received.stdout == lines)
        #expect(try CLITests.run(["hub", "recv", "bob", "--store", store]).stdout == "")
    }

    /// Two `recv --follow` processes wait on one SQLite file; a group wire sent by a third process reaches
    /// both, and not its sender.
    @Test func twoWaitingReceiversGetAGroupWireSentByAnotherProcess() throws {
        let store = Self.temporaryStore()
        defer { Self.remove(store) }
        for agent in ["alice", "bob", "carol"] {
            #expect(try CLITests.run(["hub", "join", "team", agent, "--store", store]).status == 0)
        }
        #expect(try CLITests.run(["hub", "leave", "team", "alice", "--store", store]).stdout == "team: bob carol\n")
        #expect(try CLITests.run(["hub", "join", "team", "alice", "--store", store]).stdout == "team: alice bob carol\n")

        let receivers = try ["bob", "carol"].map { try Running(["hub", "recv", $0, "--follow", "--limit", "1", "--store", store]) }
        defer {
            for receiver in receivers { receiver.stop() }
        }
        let sent = try CLITests.run(["hub", "send", "SLIP v1 alice team RequestReview auth_module", "--store", store])
        #expect(sent.stdout == "line 1: id 1 to bob, carol\n")
        for receiver in receivers {
            let run = receiver.finish()
            #expect(run.status == 0)
            #expect(run.stdout == "SLIP v1 alice team RequestReview auth_module\n")
        }
        #expect(try CLITests.run(["hub", "recv", "alice", "--store", store]).stdout == "")
    }

    /// Two `send` processes writing one file at once: every line gets an id of its own, and the
    /// recipient gets them all, in id order.
    @Test func twoSendingProcessesOnOneFileLoseAndDuplicateNothing() throws {
        let store = Self.temporaryStore()
        defer { Self.remove(store) }
        #expect(try CLITests.run(["hub", "join", "team", "bob", "--store", store]).status == 0)
        let senders = try ["alice", "carol"].map { sender in
            let input = Pipe()
            let running = try Running(["hub", "send", "--json", "--store", store], stdin: input)
            let lines = (0..<100).map { "SLIP v1 \(sender) team InformStatus n\($0)\n" }.joined()
            input.fileHandleForWriting.write(Data(lines.utf8))
            try input.fileHandleForWriting.close()
            return running
        }
        var ids: [Int] = []
        for sender in senders {
            let run = sender.finish()
            #expect(run.status == 0, "\(run.stderr)")
            ids += run.lines.compactMap { $0["id"] as? Int }
        }
        #expect(ids.count == 200 && Set(ids).count == 200)
        let received = try CLITests.run(["hub", "recv", "bob", "--json", "--store", store]).lines
        #expect(received.map { $0["id"] as? Int } == ids.sorted())
    }

    /// Processes that open a new store file at the same moment all get it (one creates the tables).
    @Test func processesOpeningANewFileAtOnceAllSucceed() throws {
        let store = Self.temporaryStore()
        defer { Self.remove(store) }
        let senders = try (0..<6).map { try Running(["hub", "send", "SLIP v1 agent\($0) bob MetaAck", "--store", store]) }
        for sender in senders {
            let run = sender.finish()
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(try CLITests.run(["hub", "recv", "bob", "--store", store]).stdout.split(separator: "\n").count == 6)
    }

    /// `--max-pending` bounds a mailbox: the line over it is refused with its code (the others are sent,
    /// the exit status is 1); `hub stats` shows who is behind.
    @Test func aFullMailboxRefusesTheLineAndStatsShowWhoIsBehind() throws {
        let store = Self.temporaryStore()
        defer { Self.remove(store) }
        let lines = "SLIP v1 alice bob MetaAck\nSLIP v1 alice carol MetaAck\nSLIP v1 alice bob MetaAck\nSLIP v1 alice bob MetaAck\n"
        let sent = try CLITests.run(["hub", "send", "--max-pending", "2", "--store", store], stdin: lines)
        #expect(sent.status == 1)
        #expect(sent.stdout == "line 1: id 1 to bob\nline 2: id 2 to carol\nline 3: id 3 to bob\n")
        #expect(
            sent.stderr
                == #"line 4: hub error (mailbox_full): the mailbox of "bob" is full: 2 unacknowledged messages, the limit is 2; the message was sent to no recipient (bob must acknowledge first)"#
                + "\n")
        let json = try CLITests.run(["hub", "send", "--json", "--max-pending", "2", "SLIP v1 alice bob MetaAck", "--store", store])
        #expect(json.status == 1)
        #expect((json.lines.first?["error"] as? [String: Any])?["code"] as? String == "mailbox_full")
        #expect(try CLITests.run(["hub", "recv", "carol", "--store", store]).status == 0)
        #expect(try CLITests.run(["hub", "join", "team", "bob", "--store", store]).status == 0)

        let stats = try CLITests.run(["hub", "stats", "--json", "--store", store])
        #expect(stats.status == 0, "\(stats.stderr)")
        let object = try #require(stats.lines.first)
        #expect(object["messages"] as? Int == 3 && object["pendingDeliveries"] as? Int == 2 && object["groups"] as? Int == 1)
        #expect(object["maxPending"] is NSNull)
        let mailboxes = try #require(object["mailboxes"] as? [[String: Any]])
        #expect(mailboxes.map { $0["recipient"] as? String } == ["bob", "carol"])
        #expect(mailboxes.map { $0["pending"] as? Int } == [2, 0] && mailboxes.map { $0["ackedThrough"] as? Int } == [0, 2])
        #expect(mailboxes[0]["oldestPendingId"] as? Int == 1 && (mailboxes[0]["oldestPendingAge"] as? Double).map { $0 >= 0 } == true)
        #expect((mailboxes[0]["oldestPendingSentAt"] as? String)?.hasSuffix("Z") == true)

        let text = try CLITests.run(["hub", "stats", "--store", store]).stdout.split(separator: "\n")
        #expect(text.count == 3)
        #expect(text.first == "3 messages stored, 2 pending deliveries, 1 group")
        #expect(text[1].hasPrefix("bob: 2 pending, oldest id 1 (") && text[1].hasSuffix(" s old), acked through 0"), "\(text[1])")
        #expect(text[2] == "carol: 0 pending, acked through 2")

        let negative = try CLITests.run(["hub", "send", "--max-pending=-1", "SLIP v1 alice bob MetaAck", "--store", store])
        #expect(negative.status == 64 && negative.stderr.contains("--max-pending must be at least 0"), "\(negative.stderr)")
    }

    /// `hub serve --max-pending`: a send over it through `--hub` is refused at once (not retried), and
    /// `hub stats --hub` reports the server's limit.
    @Test func theHubServerRefusesASendToAFullMailboxAndReportsItsLimit() throws {
        let server = try Running(["hub", "serve", "--store", ":memory:", "--port", "0", "--max-pending", "1"])
        defer { server.stop() }
        let url = try #require(server.firstLine().split(separator: " ").last.map(String.init))
        let sent = try CLITests.run(["hub", "send", "--hub", url], stdin: "SLIP v1 alice bob MetaAck\nSLIP v1 alice bob MetaAck\n")
        #expect(sent.status == 1)
        #expect(sent.stdout == "line 1: id 1 to bob\n")
        #expect(sent.stderr.hasPrefix("line 2: hub error (mailbox_full): the mailbox of \"bob\" is full"), "\(sent.stderr)")
        let stats = try CLITests.run(["hub", "stats", "--json", "--hub", url])
        #expect(stats.lines.first?["maxPending"] as? Int == 1 && stats.lines.first?["pendingDeliveries"] as? Int == 1)
        #expect(
            try CLITests.run(["hub", "stats", "--hub", url]).stdout.hasPrefix(
                "1 message stored, 1 pending delivery, 0 groups; mailbox limit 1\n"))
    }

    @Test func badArgumentsAreClearErrors() throws {
        let store = Self.temporaryStore()
        defer { Self.remove(store) }
        let name = try CLITests.run(["hub", "recv", "bob smith", "--store", store])
        #expect(name.status != 0 && name.stderr.contains("invalid_name"))
        let both = try CLITests.run(["hub", "recv", "bob", "--store", store, "--hub", "http://127.0.0.1:7600"])
        #expect(both.status != 0 && both.stderr.contains("--hub and --store"))
        let timeout = try CLITests.run(["hub", "recv", "bob", "--store", store, "--timeout", "5"])
        #expect(timeout.status != 0 && timeout.stderr.contains("--timeout is for a hub server"))
    }

    /// `--timeout` bounds a request to a server that never answers, and the error says so.
    @Test func aHubServerThatNeverAnswersTimesOutAfterTimeout() throws {
        let silent = try SilentListener()
        defer { silent.close() }
        let run = try CLITests.run(["hub", "stats", "--hub", "http://127.0.0.1:\(silent.port)", "--timeout", "0.5"])
        #expect(run.status == 1 && run.stderr.contains("no answer within 0.5 s (the client's timeout; --timeout SECONDS"), "\(run.stderr)")
        let zero = try CLITests.run(["hub", "stats", "--hub", "http://127.0.0.1:\(silent.port)", "--timeout", "0"])
        #expect(zero.status != 0 && zero.stderr.contains("--timeout must be more than 0"))
    }

    /// `hub serve` on a free port; `send`, `recv` and `join` with `--hub` and a token.
    @Test func theHubServerServesSendRecvAndJoinWithAToken() throws {
        let store = Self.temporaryStore()
        defer { Self.remove(store) }
        let server = try Running(["hub", "serve", "--store", store, "--port", "0", "--token", "s3cret"])
        defer { server.stop() }
        let banner = server.firstLine()
        #expect(banner.hasPrefix("listening on http://127.0.0.1:"))
        let url = try #require(banner.split(separator: " ").last.map(String.init))
        let token = ["SLIPSTREAM_HUB_TOKEN": "s3cret"]

        #expect(try CLITests.run(["hub", "join", "team", "bob", "--hub", url], environment: token).stdout == "team: bob\n")
        let sent = try CLITests.run(
            ["hub", "send", "--hub", url], stdin: "SLIP v1 alice team MetaAck\nSLIP v1 a b Nope\n", environment: token)
        #expect(sent.status == 1)
        #expect(sent.stdout == "line 1: id 1 to bob\n")
        #expect(sent.stderr.contains("line 2: hub error (invalid_wire): unknown_anchor"))
        let received = try CLITests.run(["hub", "recv", "bob", "--json", "--hub", url], environment: token)
        #expect(received.lines.map { $0["wire"] as? String } == ["SLIP v1 alice team MetaAck"])
        #expect(try CLITests.run(["hub", "recv", "bob", "--hub", url], environment: token).stdout == "")

        let refused = try CLITests.run(["hub", "recv", "bob", "--hub", url, "--token", "wrong"])
        #expect(refused.status == 1 && refused.stderr.contains("unauthorized"))
    }

    /// `hub serve` over HTTPS with the self-signed certificate of `certificates` and the token `s3cret`, on
    /// a free port; the process and the URL it printed.
    static func httpsServer(_ certificates: TestCertificates) throws -> (Running, String) {
        let server = try Running([
            "hub", "serve", "--store", ":memory:", "--port", "0", "--token", "s3cret", "--tls-cert", certificates.selfSignedCertificate,
            "--tls-key", certificates.selfSignedKey,
        ])
        let banner = server.firstLine()
        #expect(banner.hasPrefix("listening on https://127.0.0.1:"), "\(banner)")
        return (server, banner.split(separator: " ").last.map(String.init) ?? "")
    }

    /// `hub serve --tls-cert --tls-key`; `join`, `send` and `recv` with `--hub https://… --ca-cert`, and a
    /// client without the certificate refused with an error that says so.
    @Test func theHubServerServesHTTPSToClientsTrustingItsCertificate() throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let (server, url) = try Self.httpsServer(certificates)
        defer { server.stop() }
        let remote = ["--hub", url, "--token", "s3cret", "--ca-cert", certificates.selfSignedCertificate]

        #expect(try CLITests.run(["hub", "join", "team", "bob"] + remote).stdout == "team: bob\n")
        let sent = try CLITests.run(["hub", "send"] + remote, stdin: "SLIP v1 alice team RequestReview auth_module\n")
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout == "line 1: id 1 to bob\n")
        let received = try CLITests.run(["hub", "recv", "bob", "--json"] + remote)
        #expect(received.lines.map { $0["wire"] as? String } == ["SLIP v1 alice team RequestReview auth_module"])

        let untrusted = try CLITests.run(["hub", "recv", "bob", "--hub", url, "--token", "s3cret"])
        #expect(untrusted.status == 1)
        #expect(untrusted.stderr.contains("hub error (transport)") && untrusted.stderr.contains("certificate is not trusted"))
        let missing = certificates.path("missing.pem")
        let unreadable = try CLITests.run(["hub", "recv", "bob", "--hub", url, "--ca-cert", missing])
        #expect(unreadable.status == 1)
        #expect(unreadable.stderr.contains("hub error (tls_configuration): cannot read the CA certificate file \(missing)"))
        let storeOnly = try CLITests.run(["hub", "recv", "bob", "--store", ":memory:", "--ca-cert", certificates.caCertificate])
        #expect(storeOnly.status == 64 && storeOnly.stderr.contains("--ca-cert is for a hub server"))
    }

    /// `hub serve --client-ca`: a client with `--client-cert --client-key` signed by that CA is served; one
    /// without is told that the server asks for a client certificate.
    @Test func hubServeWithAClientCAServesClientsPresentingACertificateItSigned() throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let server = try Running([
            "hub", "serve", "--store", ":memory:", "--port", "0", "--tls-cert", certificates.serverCertificate, "--tls-key",
            certificates.serverKey, "--client-ca", certificates.caCertificate,
        ])
        defer { server.stop() }
        let url = try #require(server.firstLine().split(separator: " ").last.map(String.init))
        let remote = ["--hub", url, "--ca-cert", certificates.caCertificate, "--timeout", "600"]
        let client = ["--client-cert", certificates.clientCertificate, "--client-key", certificates.clientKey]
        #expect(try CLITests.run(["hub", "send", "SLIP v1 alice bob MetaAck"] + remote + client).status == 0)
        #expect(try CLITests.run(["hub", "recv", "bob"] + remote + client).stdout == "SLIP v1 alice bob MetaAck\n")
        let anonymous = try CLITests.run(["hub", "recv", "bob"] + remote)
        #expect(anonymous.status == 1 && anonymous.stderr.contains("the server asks for a client certificate"), "\(anonymous.stderr)")
        let half = try CLITests.run(["hub", "recv", "bob", "--client-cert", certificates.clientCertificate] + remote)
        #expect(half.status == 64 && half.stderr.contains("--client-cert and --client-key go together"), "\(half.stderr)")
        let plain = try CLITests.run(["hub", "serve", "--store", ":memory:", "--client-ca", certificates.caCertificate])
        #expect(plain.status == 64 && plain.stderr.contains("--client-ca is for HTTPS"), "\(plain.stderr)")
    }

    @Test func hubServeRefusesUnusableTLSFilesNamingThem() throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let serve = ["hub", "serve", "--store", ":memory:", "--port", "0", "--tls-cert", certificates.serverCertificate, "--tls-key"]
        let missing = certificates.path("missing.pem")
        let unreadable = try CLITests.run(serve + [missing])
        #expect(unreadable.status == 1)
        #expect(unreadable.stderr.contains("hub error (tls_configuration): cannot read the TLS private key file \(missing)"))
        let mismatched = try CLITests.run(serve + [certificates.caKey])
        #expect(mismatched.status == 1)
        #expect(mismatched.stderr.contains("the TLS private key in \(certificates.caKey) does not match"))
        let alone = try CLITests.run(["hub", "serve", "--store", ":memory:", "--tls-cert", certificates.serverCertificate])
        #expect(alone.status == 64 && alone.stderr.contains("--tls-cert and --tls-key go together"))
    }

    /// `--log-level info` logs one line per request on stderr (method, path, status, milliseconds), refused
    /// and unknown ones too, and never the token.
    @Test func hubServeLogsEachRequestWithoutItsToken() throws {
        let server = try Running(["hub", "serve", "--store", ":memory:", "--port", "0", "--token", "s3cret", "--log-level", "info"])
        let url = try #require(server.firstLine().split(separator: " ").last.map(String.init))
        #expect(try CLITests.run(["hub", "recv", "bob", "--hub", url, "--token", "s3cret"]).status == 0)
        #expect(try CLITests.run(["hub", "recv", "bob", "--hub", url, "--token", "wrong"]).status == 1)
        server.stop()
        let log = server.finish().stderr
        #expect(log.contains("GET /v1/agents/bob/messages?after=0&wait=0.0 200 "), "\(log)")
        #expect(log.contains("GET /v1/agents/bob/messages?after=0&wait=0.0 401 "), "\(log)")
        #expect(!log.contains("s3cret") && !log.contains("wrong"))
    }

    /// A token on an address other than loopback needs TLS, or --allow-insecure (which warns).
    @Test func hubServeRefusesATokenInClearTextOffLoopbackUnlessAllowed() throws {
        let serve = ["hub", "serve", "--store", ":memory:", "--port", "0", "--host", "0.0.0.0"]
        let refused = try CLITests.run(serve + ["--token", "s3cret"])
        #expect(refused.status == 64 && refused.stderr.contains("--allow-insecure"), "\(refused.stderr)")
        let fromEnvironment = try CLITests.run(serve, environment: ["SLIPSTREAM_HUB_TOKEN": "s3cret"])
        #expect(fromEnvironment.status == 64 && fromEnvironment.stderr.contains("clear text"))

        let allowed = try Running(serve + ["--token", "s3cret", "--allow-insecure"])
        #expect(allowed.firstLine().hasPrefix("listening on http://0.0.0.0:"))
        allowed.stop()
        #expect(allowed.finish().stderr.contains("warning: the token crosses the network in clear text"))
    }

    /// Two `hub serve` processes on one SQLite file: a sender's burst is spent through both, and the next line
    /// through either is refused (the server asks for 100 s, longer than `send` waits).
    @Test func twoServersOnOneFileShareEachSendersRate() throws {
        let store = Self.temporaryStore()
        defer { Self.remove(store) }
        let servers = try (0..<2).map { _ in
            try Running(["hub", "serve", "--store", store, "--port", "0", "--rate", "0.01", "--burst", "2"])
        }
        defer {
            for server in servers { server.stop() }
        }
        let urls = try servers.map { try #require($0.firstLine().split(separator: " ").last.map(String.init)) }
        for url in urls {
            #expect(try CLITests.run(["hub", "send", "SLIP v1 alice bob MetaAck", "--hub", url]).status == 0)
        }
        for url in urls {
            let refused = try CLITests.run(["hub", "send", "SLIP v1 alice bob MetaAck", "--hub", url])
            #expect(refused.status == 1 && refused.stderr.contains("rate_limited"), "\(refused.stderr)")
        }
        #expect(try CLITests.run(["hub", "send", "SLIP v1 carol bob MetaAck", "--hub", urls[1]]).status == 0)
        #expect(try CLITests.run(["hub", "recv", "bob", "--store", store]).stdout.split(separator: "\n").count == 3)
    }

    /// A server's rate limit makes `send --hub` wait as the server asks, not drop lines.
    @Test func sendWaitsOutAServersRateLimit() throws {
        let server = try Running(["hub", "serve", "--store", ":memory:", "--port", "0", "--rate", "4", "--burst", "1"])
        defer { server.stop() }
        let url = try #require(server.firstLine().split(separator: " ").last.map(String.init))
        let lines = "SLIP v1 alice bob MetaAck\nSLIP v1 alice bob MetaAck\nSLIP v1 alice bob MetaAck\n"
        let sent = try CLITests.run(["hub", "send", "--hub", url], stdin: lines)
        #expect(sent.status == 0)
        #expect(sent.stdout == "line 1: id 1 to bob\nline 2: id 2 to bob\nline 3: id 3 to bob\n")
    }
}

/// The same commands with the hub on the PostgreSQL server of $SLIPSTREAM_POSTGRES_URL.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SLIPSTREAM_POSTGRES_URL"] != nil, "needs a PostgreSQL server"))
struct HubPostgresCLITests {
    @Test func sendAndRecvThroughAPostgreSQLStore() throws {
        let url = try #require(ProcessInfo.processInfo.environment["SLIPSTREAM_POSTGRES_URL"])
        let agent = "agent" + UUID().uuidString.prefix(8)
        let sent = try CLITests.run(["hub", "send", "SLIP v1 alice \(agent) RequestReview auth_module", "--store", url])
        #expect(sent.status == 0 && sent.stdout.hasSuffix(" to \(agent)\n"))
        let received = try CLITests.run(["hub", "recv", agent, "--store", url])
        #expect(received.stdout == "SLIP v1 alice \(agent) RequestReview auth_module\n")
        #expect(try CLITests.run(["hub", "recv", agent, "--store", url]).stdout == "")
    }
}

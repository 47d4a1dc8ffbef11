import Foundation
import SlipstreamTestSupport
import Testing

/// `slipstream a2a wrap | unwrap | card`, run as the built binary; the outputs docs/a2a.md shows are these.
@Suite struct A2ACLITests {
    static let uri = "https://github.com/anthony-maio/slipcore/extensions/a2a-slipstream/v1"
    static let docs = (try? String(contentsOf: Repository.url("docs/a2a.md"), encoding: .utf8)) ?? ""

    @Test func wrapPrintsOneMessagePerLineAndUnwrapGivesTheWiresBack() throws {
        let wires = "SLIP v3 planner reviewer Request Review auth\nSLIP v3 reviewer planner Accept Generic\n"
        let wrapped = try CLITests.run(["a2a", "wrap", "--message-id-prefix", "m"], stdin: wires)
        #expect(wrapped.status == 0)
        let lines = wrapped.lines
        #expect(lines.count == 2)
        #expect(lines.map { $0["messageId"] as? String } == ["m1", "m2"])
        #expect(lines[0]["extensions"] as? [String] == [Self.uri])
        let entry = (lines[0]["metadata"] as? [String: Any])?[Self.uri] as? [String: Any]
        #expect(entry?["ucrVersion"] as? String == "3.0.0")
        #expect((entry?["ucrHash"] as? String)?.hasPrefix("sha256:") == true)
        let unwrapped = try CLITests.run(["a2a", "unwrap"], stdin: wrapped.stdout)
        #expect(unwrapped.status == 0)
        #expect(unwrapped.stdout == wires)
    }

    @Test func theDocumentedWrapCardAndUnwrapOutputsAreTheBinarys() throws {
        let wrapped = try CLITests.run(["a2a", "wrap", "SLIP v3 planner reviewer Request Review auth", "--message-id-prefix", "m"])
        #expect(wrapped.status == 0)
        #expect(Self.docs.contains(wrapped.stdout), "docs/a2a.md lacks \(wrapped.stdout)")
        let card = try CLITests.run(["a2a", "card"])
        #expect(card.status == 0)
        #expect(Self.docs.contains(card.stdout), "docs/a2a.md lacks \(card.stdout)")
        let refused = try CLITests.run(["a2a", "unwrap", "--ucr", "v1"], stdin: wrapped.stdout)
        #expect(refused.status == 1)
        #expect(Self.docs.contains(refused.stderr), "docs/a2a.md lacks \(refused.stderr)")
    }

    @Test func wrapRefusesAnInvalidWireNamingTheLineAndCode() throws {
        let run = try CLITests.run(["a2a", "wrap"], stdin: "SLIP v3 a b Ask Status\nSLIP v3 a b Demand Review\n")
        #expect(run.status == 1)
        #expect(run.lines.count == 1)
        #expect(run.stderr.hasPrefix("line 2: unknown_force: "))
    }

    @Test func wrapRefusesARoleOrConfidenceA2ADoesNotHave() throws {
        let role = try CLITests.run(["a2a", "wrap", "SLIP v3 a b Ask Status", "--role", "system"])
        #expect(role.status != 0)
        #expect(role.stderr.contains("--role must be user or agent"))
        let confidence = try CLITests.run(["a2a", "wrap", "SLIP v3 a b Ask Status", "--confidence", "1.5"])
        #expect(confidence.status != 0)
        #expect(confidence.stderr.contains("--confidence must be a number from 0 to 1"))
        let agent = try CLITests.run(["a2a", "wrap", "SLIP v3 a b Ask Status", "--role", "agent", "--confidence", "0.9"])
        #expect(agent.lines.first?["role"] as? String == "agent")
    }

    @Test func unwrapNamesTheLineCodeAndFieldOfEachRefusedMessage() throws {
        let good = "{\"messageId\":\"m\",\"role\":\"user\",\"parts\":[{\"text\":\"SLIP v3 a b Ask Status\"}]}"
        let input = [
            good, "not json", "{\"messageId\":\"m\",\"role\":\"user\",\"parts\":[{\"text\":\"SLIP v3 a b Ask St-atus\"}]}",
            "{\"role\":\"user\",\"parts\":[]}",
        ].joined(separator: "\n")
        let run = try CLITests.run(["a2a", "unwrap"], stdin: input + "\n")
        #expect(run.status == 1)
        #expect(run.stdout == "SLIP v3 a b Ask Status\n")
        let errors = run.stderr.split(separator: "\n")
        #expect(errors.count == 3)
        #expect(errors[0] == "line 2: not_json: not a JSON document")
        #expect(errors[1].hasPrefix("line 3: invalid_wire: ") && errors[1].hasSuffix(" at parts[0].text"))
        #expect(errors[2] == "line 4: malformed_message: messageId is missing at messageId")
    }

    @Test func unwrapWithIgnoreUCRHashAcceptsAnotherCodebooksMessages() throws {
        let wrapped = try CLITests.run(["a2a", "wrap", "SLIP v3 a b Ask Status", "--ucr", "v1"])
        #expect(try CLITests.run(["a2a", "unwrap"], stdin: wrapped.stdout).status == 1)
        let run = try CLITests.run(["a2a", "unwrap", "--ignore-ucr-hash"], stdin: wrapped.stdout)
        #expect(run.status == 0)
        #expect(run.stdout == "SLIP v3 a b Ask Status\n")
    }

    @Test func unwrapRefusesALineOverTheLimitAndGoesOn() throws {
        let good = "{\"messageId\":\"m\",\"role\":\"user\",\"parts\":[{\"text\":\"SLIP v3 a b Ask Status\"}]}"
        let run = try CLITests.run(
            ["a2a", "unwrap", "--max-line-bytes", "100"], stdin: String(repeating: "x", count: 200) + "\n" + good + "\n")
        #expect(run.status == 1)
        #expect(run.stdout == "SLIP v3 a b Ask Status\n")
        #expect(run.stderr == "line 1: line_too_long: line is 200 bytes, longer than the limit of 100\n")
    }
}

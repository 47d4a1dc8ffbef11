import ArgumentParser
import SlipstreamCore
import SlipstreamHub

/// Which wires a hub accepts, and how many may wait in a mailbox: shared by `hub send` (a local hub) and
/// `hub serve`.
struct HubWireOptions: ParsableArguments {
    @Flag(help: "Accept what the lenient profile can repair, and store the repaired wire.")
    var lenient = false

    @Option(name: .customLong("accept-version"), help: "A wire version to accept (repeat for both; default: v1 and v3).")
    var acceptVersions: [WireVersion] = []

    @Option(help: "Most unacknowledged messages a recipient's mailbox may hold; a send to a full one is refused (0: no limit).")
    var maxPending = HubConfiguration.defaultMaxPending

    func validate() throws {
        guard maxPending >= 0 else { throw ValidationError("--max-pending must be at least 0 (0: no limit)") }
    }

    /// The hub configuration for these options and `input`'s line limit and codebook.
    func configuration(_ input: WireInputOptions) throws -> HubConfiguration {
        HubConfiguration(
            versions: acceptVersions.isEmpty ? Set(WireVersion.allCases) : Set(acceptVersions),
            profile: lenient ? .lenient : .strict, maxLineBytes: input.maxLineBytes,
            v1Codebook: try input.parserConfiguration().v1Codebook, maxPending: maxPending)
    }
}

import ArgumentParser
import SlipstreamHub

/// `slipstream hub leave`: removes an agent from a group.
struct HubLeaveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leave",
        abstract: "Remove an agent from a group (what was sent to it stays in its mailbox). Prints the members.")

    @Argument(help: "The group.")
    var group: String

    @Argument(help: "The agent.")
    var agent: String

    @OptionGroup var store: HubStoreOptions

    @OptionGroup var remote: HubRemoteOptions

    func run() async throws {
        try await remote.withEndpoint(store: store, configuration: HubConfiguration()) { hub in
            try await hub.leave(group: group, agent: agent)
            Output.line("\(group): \(try await hub.members(of: group).joined(separator: " "))")
        }
    }
}

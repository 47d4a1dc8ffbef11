import ArgumentParser
import SlipstreamHub

/// `slipstream hub join`: adds an agent to a group.
struct HubJoinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Add an agent to a group: wires to the group reach it from then on. Prints the members.")

    @Argument(help: "The group.")
    var group: String

    @Argument(help: "The agent.")
    var agent: String

    @OptionGroup var store: HubStoreOptions

    @OptionGroup var remote: HubRemoteOptions

    func run() async throws {
        try await remote.withEndpoint(store: store, configuration: HubConfiguration()) { hub in
            try await hub.join(group: group, agent: agent)
            Output.line("\(group): \(try await hub.members(of: group).joined(separator: " "))")
        }
    }
}

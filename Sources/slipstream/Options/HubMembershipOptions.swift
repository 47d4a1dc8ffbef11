import ArgumentParser
import SlipstreamHub

/// A group, an agent and the hub that keeps them: shared by `hub join` and `hub leave`.
struct HubMembershipOptions: ParsableArguments {
    @Argument(help: "The group.")
    var group: String

    @Argument(help: "The agent.")
    var agent: String

    @OptionGroup var store: HubStoreOptions

    @OptionGroup var remote: HubRemoteOptions

    /// Runs `change` on the hub, then prints the group's members.
    func change(_ change: (any HubEndpoint, _ group: String, _ agent: String) async throws -> Void) async throws {
        try await remote.withEndpoint(store: store, configuration: HubConfiguration()) { hub in
            try await change(hub, group, agent)
            Output.line("\(group): \(try await hub.members(of: group).joined(separator: " "))")
        }
    }
}

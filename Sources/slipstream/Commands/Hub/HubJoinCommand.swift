import ArgumentParser
import SlipstreamHub

/// `slipstream hub join`: adds an agent to a group.
struct HubJoinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Add an agent to a group: wires to the group reach it from then on. Prints the members.")

    @OptionGroup var membership: HubMembershipOptions

    func run() async throws {
        try await membership.change { try await $0.join(group: $1, agent: $2) }
    }
}

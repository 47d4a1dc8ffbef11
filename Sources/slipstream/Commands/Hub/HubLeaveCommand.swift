import ArgumentParser
import SlipstreamHub

/// `slipstream hub leave`: removes an agent from a group.
struct HubLeaveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leave",
        abstract: "Remove an agent from a group (what was sent to it stays in its mailbox). Prints the members.")

    @OptionGroup var membership: HubMembershipOptions

    func run() async throws {
        try await membership.change { try await $0.leave(group: $1, agent: $2) }
    }
}

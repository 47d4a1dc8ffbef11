import ArgumentParser
import SlipstreamHub

/// `slipstream hub prune`: deletes old messages every recipient acknowledged.
struct HubPruneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Delete the messages older than --older-than that every recipient acknowledged.",
        discussion: "Unacknowledged messages stay, whatever their age. Prints how many messages were deleted.")

    @Option(help: "Age in seconds (86400: a day).")
    var olderThan: Double

    @OptionGroup var store: HubStoreOptions

    func validate() throws {
        guard olderThan >= 0, olderThan.isFinite else { throw ValidationError("--older-than must be a number of seconds, at least 0") }
    }

    func run() async throws {
        try await store.withStore { store in
            let pruned = try await Hub(store: store).prune(olderThan: HubTime.duration(seconds: olderThan))
            Output.line("pruned \(pruned) message\(pruned == 1 ? "" : "s")")
        }
    }
}

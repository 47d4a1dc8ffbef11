import ArgumentParser

/// `slipstream hub`: durable routing of wires between agents (docs/hub.md).
struct HubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub",
        abstract: "Send, receive and route SLIP wires between agents through a durable hub.",
        discussion: """
            The hub is a SQLite file shared by the agents of one machine (default: hub.sqlite in \
            $SLIPSTREAM_CACHE_DIR), a PostgreSQL server (--store postgres://…) or a hub server \
            (--hub http://host:port, started with `slipstream hub serve`). A message stays in its recipient's \
            mailbox until the recipient acknowledges it.
            """,
        subcommands: [
            HubSendCommand.self, HubRecvCommand.self, HubJoinCommand.self, HubLeaveCommand.self, HubPruneCommand.self, HubStatsCommand.self,
            HubServeCommand.self, HubTokenCommand.self,
        ])
}

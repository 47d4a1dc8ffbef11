import MCP
import SlipstreamCore
import SlipstreamLLM

/// The system prompts the Slipstream model was fine-tuned with, as MCP prompts `slip_v1` and `slip_v3`,
/// so a client can make any model speak SLIP.
enum SystemPrompts {
    /// The prompt's name for a version.
    static func name(_ version: WireVersion) -> String { "slip_\(version.rawValue)" }

    static var list: [Prompt] {
        WireVersion.allCases.map { version in
            Prompt(
                name: name(version), title: "Speak SLIP \(version.rawValue)",
                description: """
                    The system prompt of the Slipstream training data for SLIP \(version.rawValue) wires: \
                    give it to a model so it answers with \(version.rawValue) wires.
                    """)
        }
    }

    /// The prompt `name` as one user message (MCP prompts have no system role); an unknown name is
    /// invalid params.
    static func get(_ name: String) throws -> GetPrompt.Result {
        guard let version = WireVersion.allCases.first(where: { Self.name($0) == name }) else {
            throw MCPError.invalidParams(
                "no prompt \(name.debugDescription); the prompts are \(WireVersion.allCases.map(Self.name).joined(separator: ", "))")
        }
        return .init(
            description: "System prompt for SLIP \(version.rawValue) (from the training data)",
            messages: [.user(.text(text: SystemPrompt.forWire(version)))])
    }
}

import SlipstreamCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An A2A `Message` carrying a Slipstream v3 wire: the wire as the first text part, the extension in
/// `extensions` and its entry in `metadata`; other parts, extensions and metadata entries pass through.
///
/// ```swift
/// let wire = try WireParser().parse("SLIP v3 planner reviewer Request Review auth")
/// let message = SlipA2AMessage(wire: wire, metadata: SlipA2AMetadata(ucr: .v3), messageId: "m1")
/// let read = try SlipA2AMessage.read(message.json.compactText, ucr: .v3)
/// read.wire == wire   // true
/// ```
public struct SlipA2AMessage: Sendable, Hashable {
    /// The A2A messageId (a new lowercase UUID when none is given).
    public var messageId: String
    /// `user` or `agent`.
    public var role: String
    /// The wire, the first part's text.
    public var wire: SlipMessage
    /// The parts after the wire (files, data, more text), as they were.
    public var otherParts: [JSONValue]
    public var contextId: String?
    public var taskId: String?
    /// The extension's metadata entry; nil for a message that does not declare the extension.
    public var metadata: SlipA2AMetadata?
    /// Other extension URIs the message declares.
    public var otherExtensions: [String]
    /// Other `metadata` entries.
    public var otherMetadata: [(String, JSONValue)]
    /// Top-level members of the message the extension does not name (`kind`, `referenceTaskIds`…).
    public var otherMembers: [(String, JSONValue)]

    public init(
        wire: SlipMessage, metadata: SlipA2AMetadata? = SlipA2AMetadata(), messageId: String? = nil,
        role: String = "user", contextId: String? = nil, taskId: String? = nil, otherParts: [JSONValue] = [],
        otherExtensions: [String] = [], otherMetadata: [(String, JSONValue)] = [], otherMembers: [(String, JSONValue)] = []
    ) {
        self.wire = wire
        self.metadata = metadata
        self.messageId = messageId ?? UUID().uuidString.lowercased()
        self.role = role
        self.contextId = contextId
        self.taskId = taskId
        self.otherParts = otherParts
        self.otherExtensions = otherExtensions
        self.otherMetadata = otherMetadata
        self.otherMembers = otherMembers
    }

    /// The message JSON, in a2a_slipstream.py's member order: messageId, role, parts, contextId, taskId,
    /// extensions, metadata, then any other members.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("messageId", .string(messageId)), ("role", .string(role)),
            ("parts", .array([.object([("text", .string(wire.wire))])] + otherParts)),
        ]
        if let contextId { members.append(("contextId", .string(contextId))) }
        if let taskId { members.append(("taskId", .string(taskId))) }
        let extensions = (metadata == nil ? [] : [SlipA2A.extensionURI]) + otherExtensions
        if !extensions.isEmpty { members.append(("extensions", .array(extensions.map(JSONValue.string)))) }
        let entries = (metadata.map { [(SlipA2A.extensionURI, $0.json)] } ?? []) + otherMetadata
        if !entries.isEmpty { members.append(("metadata", .object(entries))) }
        return .object(members + otherMembers)
    }

    /// Equal when the JSON is, whatever the order of object members.
    public static func == (lhs: SlipA2AMessage, rhs: SlipA2AMessage) -> Bool { lhs.json.sortingMembers == rhs.json.sortingMembers }
    public func hash(into hasher: inout Hasher) { hasher.combine(json.sortingMembers) }
}

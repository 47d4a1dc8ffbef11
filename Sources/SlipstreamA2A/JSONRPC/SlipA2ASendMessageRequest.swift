import SlipstreamCore

/// A2A 1.0's JSON-RPC `SendMessage` request carrying a SLIP-A2A message:
/// `{"jsonrpc":"2.0","id":…,"method":"SendMessage","params":{"message":…,"configuration":…,"metadata":…}}`.
///
/// The message is ``SlipA2AMessage/json`` with its role written as A2A 1.0 writes roles (`ROLE_USER`,
/// `ROLE_AGENT`); the service parameters (``SlipA2A/serviceParameters``) go in HTTP headers, not in the body.
///
/// ```swift
/// let wire = try WireParser().parse("SLIP v3 planner reviewer Request Review auth")
/// let message = SlipA2AMessage(wire: wire, metadata: SlipA2AMetadata(ucr: .v3), messageId: "m1")
/// let request = SlipA2ASendMessageRequest(id: 1, message: message)
/// request.json.compactText   // {"jsonrpc":"2.0","id":1,"method":"SendMessage","params":{"message":{…}}}
/// let answer = try SlipA2ASendMessageResponse.read(body, requestID: request.id, ucr: .v3)
/// ```
public struct SlipA2ASendMessageRequest: Sendable, Hashable {
    public var id: SlipA2ARequestID
    public var message: SlipA2AMessage
    public var configuration: SlipA2ASendMessageConfiguration?
    /// The request's own `metadata` (not the message's).
    public var metadata: [(String, JSONValue)]
    /// Other members of `params` (such as `tenant`), passed through in order.
    public var otherParams: [(String, JSONValue)]

    public init(
        id: SlipA2ARequestID, message: SlipA2AMessage, configuration: SlipA2ASendMessageConfiguration? = nil,
        metadata: [(String, JSONValue)] = [], otherParams: [(String, JSONValue)] = []
    ) {
        self.id = id
        self.message = message
        self.configuration = configuration
        self.metadata = metadata
        self.otherParams = otherParams.filter { !["message", "configuration", "metadata"].contains($0.0) }
    }

    /// The request, members in a2a_slipstream.py's `build_send_message_jsonrpc` order: jsonrpc, id, method,
    /// params (message, configuration, metadata, then other members).
    public var json: JSONValue {
        var wireMessage = message
        wireMessage.role = SlipA2A.protocolRole(message.role)
        var params: [(String, JSONValue)] = [("message", wireMessage.json)]
        if let configuration { params.append(("configuration", configuration.json)) }
        if !metadata.isEmpty { params.append(("metadata", .object(metadata))) }
        return .object([
            ("jsonrpc", .string(SlipA2A.jsonRPCVersion)), ("id", id.json), ("method", .string(SlipA2A.sendMessageMethod)),
            ("params", .object(params + otherParams)),
        ])
    }

    /// Equal when the JSON is, whatever the order of object members.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.json.sortingMembers == rhs.json.sortingMembers }
    public func hash(into hasher: inout Hasher) { hasher.combine(json.sortingMembers) }
}

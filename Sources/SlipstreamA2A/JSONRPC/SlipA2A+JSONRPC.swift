import SlipstreamCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A2A's JSON-RPC binding, in the version the SLIP-A2A draft targets (A2A 1.0: its examples send
/// `A2A-Version: 1.0`, and a2a_slipstream.py's `build_send_message_jsonrpc` calls `SendMessage`).
extension SlipA2A {
    /// The A2A protocol version of the envelopes (the `A2A-Version` service parameter).
    public static let protocolVersion = "1.0"

    /// A2A 1.0's JSON-RPC method for sending a message (A2A 0.3 called it `message/send`).
    public static let sendMessageMethod = "SendMessage"

    /// The JSON-RPC version every envelope names.
    public static let jsonRPCVersion = "2.0"

    /// The service parameters a client sends with a SLIP-A2A request. A2A 1.0's JSON-RPC binding carries them
    /// as HTTP headers, not in the body: `A2A-Version: 1.0` (an A2A 1.0 server takes a request without it
    /// for 0.3) and `A2A-Extensions: <the extension's URI>` (the draft's request-level opt-in).
    public static let serviceParameters: [(name: String, value: String)] = [
        ("A2A-Version", protocolVersion), ("A2A-Extensions", extensionURI),
    ]

    /// The longest JSON-RPC body the readers accept by default, in UTF-8 bytes (1 MiB).
    public static let defaultMaxBodyBytes = 1 << 20

    /// A role as A2A 1.0 writes it (ProtoJSON enum names): `user` → `ROLE_USER`, `agent` → `ROLE_AGENT`;
    /// other values unchanged.
    static func protocolRole(_ role: String) -> String {
        switch role {
        case "user": "ROLE_USER"
        case "agent": "ROLE_AGENT"
        default: role
        }
    }

    /// A role as ``SlipA2AMessage/role`` keeps it (a2a_slipstream.py's `user` and `agent`): `ROLE_USER` →
    /// `user`, `ROLE_AGENT` → `agent`; other values unchanged.
    static func messageRole(_ role: String) -> String {
        switch role {
        case "ROLE_USER": "user"
        case "ROLE_AGENT": "agent"
        default: role
        }
    }

    /// Decodes a JSON-RPC body of at most `maxBodyBytes` UTF-8 bytes.
    static func jsonRPCDocument(_ text: String, maxBodyBytes: Int) throws(SlipA2AError) -> JSONValue {
        let bytes = text.utf8.count
        guard bytes <= maxBodyBytes else {
            throw SlipA2AError(.bodyTooLarge, "the body is \(bytes) bytes, longer than the limit of \(maxBodyBytes)")
        }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            throw SlipA2AError(.notJSON, "not a JSON document")
        }
    }

    /// Checks the JSON-RPC 2.0 frame of a body: an object whose `jsonrpc` is `"2.0"`.
    static func checkJSONRPCFrame(_ document: JSONValue) throws(SlipA2AError) {
        guard case .object = document else {
            throw SlipA2AError(.invalidJSONRPC, "the body is a \(document.kindName), not a JSON-RPC object")
        }
        guard let version = document["jsonrpc"] else {
            throw SlipA2AError(.invalidJSONRPC, "jsonrpc is missing", field: "jsonrpc")
        }
        guard version == .string(jsonRPCVersion) else {
            throw SlipA2AError(.invalidJSONRPC, "jsonrpc is \(version.compactText), not \"2.0\"", field: "jsonrpc")
        }
    }
}

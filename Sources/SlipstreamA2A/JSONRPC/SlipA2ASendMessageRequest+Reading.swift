import SlipstreamCore

/// Reading a SendMessage request, as an agent that receives SLIP-A2A does.
extension SlipA2ASendMessageRequest {
    /// Reads a JSON-RPC body of at most `maxBodyBytes` UTF-8 bytes: the JSON-RPC 2.0 frame (`jsonrpc` `"2.0"`, a
    /// string or integer `id`), the method `SendMessage`, and `params.message` read as
    /// ``SlipA2AMessage/read(_:ucr:parser:)-(String,_,_)`` reads a message (its role kept as `user` or
    /// `agent`). Every refusal is a ``SlipA2AError`` naming the field.
    public static func read(
        _ text: String, ucr: UCR? = nil, parser: WireParser = WireParser(), maxBodyBytes: Int = SlipA2A.defaultMaxBodyBytes
    ) throws(SlipA2AError) -> SlipA2ASendMessageRequest {
        try read(SlipA2A.jsonRPCDocument(text, maxBodyBytes: maxBodyBytes), ucr: ucr, parser: parser)
    }

    /// Reads a decoded request; see ``read(_:ucr:parser:maxBodyBytes:)``.
    public static func read(
        _ document: JSONValue, ucr: UCR? = nil, parser: WireParser = WireParser()
    ) throws(SlipA2AError) -> SlipA2ASendMessageRequest {
        try SlipA2A.checkJSONRPCFrame(document)
        guard let idValue = document["id"], idValue != .null else {
            throw SlipA2AError(
                .invalidJSONRPC, "id is missing: a request without id is a notification, which gets no answer", field: "id")
        }
        guard let id = SlipA2ARequestID(json: idValue) else {
            throw SlipA2AError(.invalidJSONRPC, "id is a \(idValue.kindName), not a string or an integer", field: "id")
        }
        let method = try document.requiredString("method", path: "", code: .invalidJSONRPC)
        guard method == SlipA2A.sendMessageMethod else {
            let hint = method == "message/send" ? " (A2A 0.3's name; A2A 1.0 calls it SendMessage)" : ""
            throw SlipA2AError(.unsupportedMethod, "method is \(method.debugDescription), not SendMessage\(hint)", field: "method")
        }
        guard let params = document["params"], case .object(let members) = params else {
            throw SlipA2AError(
                .malformedMessage, "params is \(document["params"].map { "a \($0.kindName)" } ?? "missing"), not an object",
                field: "params")
        }
        guard let messageJSON = params["message"], messageJSON != .null else {
            throw SlipA2AError(.malformedMessage, "message is missing", field: "params.message")
        }
        let message = try SlipA2AMessage.readEnveloped(messageJSON, path: "params.message.", ucr: ucr, parser: parser)
        let configuration = try params["configuration"].flatMap { json throws(SlipA2AError) in
            json == .null ? nil : try SlipA2ASendMessageConfiguration(json: json, path: "params.configuration")
        }
        return SlipA2ASendMessageRequest(
            id: id, message: message, configuration: configuration,
            metadata: try params.optionalObject("metadata", path: "params.") ?? [], otherParams: members)
    }
}

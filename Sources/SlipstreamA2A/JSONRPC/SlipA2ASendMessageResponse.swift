import SlipstreamCore

/// A2A 1.0's answer to a `SendMessage` request: `{"jsonrpc":"2.0","id":…,"result":{"message":…}}` or
/// `{…,"result":{"task":…}}`. An error answer (`"error":{code, message, data}`) is thrown as a
/// ``SlipA2AError`` with code ``SlipA2AError/Code/rpcError`` and the error in ``SlipA2AError/rpcError``.
///
/// ```swift
/// switch try SlipA2ASendMessageResponse.read(body, requestID: 1, ucr: .v3).result {
/// case .message(let message): print(message.wire.wire)
/// case .task(let task): print(task.id, task.state, task.wires.map(\.wire))
/// }
/// ```
public struct SlipA2ASendMessageResponse: Sendable, Hashable {
    /// What the agent answered with.
    public enum Result: Sendable, Hashable {
        /// A message, read as ``SlipA2AMessage/read(_:ucr:parser:)-(String,_,_)`` reads one.
        case message(SlipA2AMessage)
        /// A task, with the SLIP-A2A wires it carries.
        case task(SlipA2ATask)
    }

    public var id: SlipA2ARequestID
    public var result: Result

    public init(id: SlipA2ARequestID, result: Result) {
        self.id = id
        self.result = result
    }

    /// Reads a JSON-RPC body of at most `maxBodyBytes` UTF-8 bytes answering the request `requestID` (nil: any id).
    ///
    /// Checks, in order: the size, JSON, the JSON-RPC 2.0 frame (`jsonrpc` `"2.0"`; `id` a string, an integer
    /// or, only in an error answer, null; exactly one of `result` and `error`), that `id` is `requestID` (an error
    /// answer with a null id, which a server sends when it could not read the request's, is thrown as the
    /// error), then the result: exactly one of `message` and `task`. Messages (the result, a task's status
    /// message and history) are read with the checks of ``SlipA2AMessage/read(_:ucr:parser:)-(String,_,_)`` and
    /// their roles kept as `user` and `agent`.
    public static func read(
        _ text: String, requestID: SlipA2ARequestID?, ucr: UCR? = nil, parser: WireParser = WireParser(),
        maxBodyBytes: Int = SlipA2A.defaultMaxBodyBytes
    ) throws(SlipA2AError) -> SlipA2ASendMessageResponse {
        try read(SlipA2A.jsonRPCDocument(text, maxBodyBytes: maxBodyBytes), requestID: requestID, ucr: ucr, parser: parser)
    }

    /// Reads a decoded response; see ``read(_:requestID:ucr:parser:maxBodyBytes:)``.
    public static func read(
        _ document: JSONValue, requestID: SlipA2ARequestID?, ucr: UCR? = nil, parser: WireParser = WireParser()
    ) throws(SlipA2AError) -> SlipA2ASendMessageResponse {
        try SlipA2A.checkJSONRPCFrame(document)
        let result = document["result"]
        let error = document["error"]
        guard (result == nil) != (error == nil) else {
            throw SlipA2AError(
                .invalidJSONRPC, result == nil ? "neither result nor error is present" : "both result and error are present")
        }
        guard let idValue = document["id"] else { throw SlipA2AError(.invalidJSONRPC, "id is missing", field: "id") }
        let id = SlipA2ARequestID(json: idValue)
        guard id != nil || (idValue == .null && error != nil) else {
            throw SlipA2AError(
                .invalidJSONRPC, "id is \(idValue == .null ? "null in a result" : "a \(idValue.kindName)"), not a string or an integer",
                field: "id")
        }
        if let id, let requestID, id != requestID {
            throw SlipA2AError(.idMismatch, "id is \(id), the request's is \(requestID)", field: "id")
        }
        if let error {
            let rpcError = try SlipA2AJSONRPCError(json: error)
            throw SlipA2AError(.rpcError, "the agent answered \(rpcError.code): \(rpcError.message)", field: "error", rpcError: rpcError)
        }
        guard let id, let result else {
            throw SlipA2AError(.invalidJSONRPC, "a result answer without an id", field: "id")
        }
        guard case .object = result else {
            throw SlipA2AError(.malformedResult, "result is a \(result.kindName), not an object", field: "result")
        }
        switch (result["message"], result["task"]) {
        case (let message?, nil):
            let read = try SlipA2AMessage.readEnveloped(message, path: "result.message.", ucr: ucr, parser: parser)
            return SlipA2ASendMessageResponse(id: id, result: .message(read))
        case (nil, let task?):
            return SlipA2ASendMessageResponse(
                id: id, result: .task(try SlipA2ATask.read(task, path: "result.task.", ucr: ucr, parser: parser)))
        case (nil, nil):
            throw SlipA2AError(.malformedResult, "result has neither message nor task (A2A 1.0's SendMessageResponse)", field: "result")
        case (_?, _?):
            throw SlipA2AError(.malformedResult, "result has both message and task", field: "result")
        }
    }
}

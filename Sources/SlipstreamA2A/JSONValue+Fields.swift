import SlipstreamCore

/// Reading the fields of an A2A object, with errors that name the field.
extension JSONValue {
    /// The string member `key`; `path` prefixes the field an error names (`""` or ending in `.`).
    func requiredString(_ key: String, path: String, code: SlipA2AError.Code = .malformedMessage) throws(SlipA2AError) -> String {
        guard let text = try optionalString(key, path: path, code: code) else {
            throw SlipA2AError(code, "\(key) is missing", field: path + key)
        }
        return text
    }

    /// The string member `key`, nil when it is missing or null.
    func optionalString(_ key: String, path: String, code: SlipA2AError.Code = .malformedMessage) throws(SlipA2AError) -> String? {
        guard let value = self[key], value != .null else { return nil }
        guard let text = value.stringValue else {
            throw SlipA2AError(code, "\(key) is a \(value.kindName), not a string", field: path + key)
        }
        return text
    }

    /// The object member `key`'s members, nil when it is missing or null.
    func optionalObject(
        _ key: String, path: String, code: SlipA2AError.Code = .malformedMessage
    ) throws(SlipA2AError) -> [(String, JSONValue)]? {
        switch self[key] {
        case nil, .null?: return nil
        case .object(let members)?: return members
        case let value?: throw SlipA2AError(code, "\(key) is a \(value.kindName), not an object", field: path + key)
        }
    }

    /// The array member `key`'s items, nil when it is missing or null.
    func optionalArray(_ key: String, path: String, code: SlipA2AError.Code = .malformedMessage) throws(SlipA2AError) -> [JSONValue]? {
        switch self[key] {
        case nil, .null?: return nil
        case .array(let items)?: return items
        case let value?: throw SlipA2AError(code, "\(key) is a \(value.kindName), not an array", field: path + key)
        }
    }
}

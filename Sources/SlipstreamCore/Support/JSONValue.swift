/// An ordered JSON value, written compactly or in Python's `json.dump(indent=2)` layout.
///
/// Object keys keep their insertion order, so CLI output follows the documented field order and saved
/// files match slipcore's byte for byte.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.double(a), .double(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(compactText)
    }

    /// Optional string helper: `.string` or `.null`.
    public static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// One line, no spaces: `{"a":1,"b":[true,null]}`.
    public var compactText: String {
        var out = ""
        write(to: &out, indent: nil, level: 0, asciiOnly: false)
        return out
    }

    /// One line as Python's `json.dumps(value, ensure_ascii=False)` writes it: `{"a": 1, "b": [true, null]}`
    /// (the layout of slipcore's training files).
    public var pythonLineText: String {
        var out = ""
        write(to: &out, indent: nil, level: 0, asciiOnly: false, spaced: true)
        return out
    }

    /// Python's `json.dumps(value, indent=2)` (with its default `ensure_ascii=True`).
    public var pythonIndentedText: String {
        var out = ""
        write(to: &out, indent: 2, level: 0, asciiOnly: true)
        return out
    }

    private func write(to out: inout String, indent: Int?, level: Int, asciiOnly: Bool, spaced: Bool = false) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? "\(d)" : "null"
        case .string(let s): Self.writeString(s, to: &out, asciiOnly: asciiOnly)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += spaced ? ", " : "," }
                Self.newline(&out, indent: indent, level: level + 1)
                item.write(to: &out, indent: indent, level: level + 1, asciiOnly: asciiOnly, spaced: spaced)
            }
            Self.newline(&out, indent: indent, level: level)
            out += "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += spaced ? ", " : "," }
                Self.newline(&out, indent: indent, level: level + 1)
                Self.writeString(key, to: &out, asciiOnly: asciiOnly)
                out += indent == nil && !spaced ? ":" : ": "
                value.write(to: &out, indent: indent, level: level + 1, asciiOnly: asciiOnly, spaced: spaced)
            }
            Self.newline(&out, indent: indent, level: level)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, indent: Int?, level: Int) {
        guard let indent else { return }
        out += "\n"
        out += String(repeating: " ", count: indent * level)
    }

    private static func writeString(_ s: String, to out: inout String, asciiOnly: Bool) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || (asciiOnly && scalar.value > 0x7F) {
                    if scalar.value > 0xFFFF {
                        let v = scalar.value - 0x10000
                        out += hex4(0xD800 + (v >> 10)) + hex4(0xDC00 + (v & 0x3FF))
                    } else {
                        out += hex4(scalar.value)
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    private static func hex4(_ v: UInt32) -> String {
        let digits = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// The verdict on one wire under a profile, with the lenient parser's repaired form: what
/// `slipstream validate` reports per line.
///
/// ```swift
/// let verdict = WireValidation("SLIP v1 a b RequestTask x:y", profile: .strict)
/// verdict.isValid               // false: invalid_payload_token at offset 24
/// verdict.outcome?.message.wire // "SLIP v1 a b RequestTask x y"
/// ```
public struct WireValidation: Sendable, Hashable {
    /// Why the wire is invalid under the profile, or `nil` when it is valid.
    public var error: WireError?
    /// The lenient parse (the repaired message and its repairs), when the wire can be repaired.
    public var outcome: WireParser.Outcome?

    /// Valid under the profile: strict accepts exactly the grammar, lenient every wire it can repair.
    public var isValid: Bool { error == nil }

    /// Checks `line` under `profile`.
    public init(_ line: String, profile: WireParser.Profile, configuration: WireParser.Configuration = .init()) {
        do throws(WireError) {
            outcome = try WireParser(profile: .lenient, configuration: configuration).parseReportingRepairs(line)
        } catch {
            self.error = error
        }
        if profile == .strict, error == nil {
            do throws(WireError) {
                _ = try WireParser(profile: .strict, configuration: configuration).parse(line)
            } catch {
                self.error = error
            }
        }
    }

    /// A verdict that is only an error (a line refused before parsing, such as one over the length limit).
    public init(error: WireError) {
        self.error = error
    }

    /// The `validate --json` object: `{line?, valid, error{code,message,offset}, normalized, repairs}`
    /// (`line` only when given).
    public func json(line: Int? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = line.map { [("line", .int($0))] } ?? []
        members += [
            ("valid", .bool(isValid)),
            (
                "error",
                error.map {
                    .object([
                        ("code", .string($0.code.rawValue)), ("message", .string($0.message)),
                        ("offset", $0.offset.map(JSONValue.int) ?? .null),
                    ])
                } ?? .null
            ),
            ("normalized", .string(outcome?.message.wire)),
            ("repairs", .array((outcome?.repairs ?? []).map(\.json))),
        ]
        return .object(members)
    }
}

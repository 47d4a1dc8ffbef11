/// Parses SLIP wire lines of both versions.
///
/// The strict profile accepts exactly the grammar: v3 as slipcore 3.1.1 does (same decisions, same
/// parse/validation split), v1 with agent ids and payload tokens `[A-Za-z0-9._-]+` or one double-quoted
/// string per item, single spaces, and an anchor from the v1 codebook. The lenient profile accepts what
/// models really emit and reports each repair it made to reach a strict wire.
///
/// ```swift
/// let parser = WireParser()
/// let message = try parser.parse("SLIP v3 planner exec Request Plan timeline")
///
/// let lenient = WireParser(profile: .lenient)
/// let outcome = try lenient.parseReportingRepairs("SLIP v1 a b InformStatus avg_latency:2.3s")
/// outcome.message.wire   // "SLIP v1 a b InformStatus avg_latency 2.3s"
/// outcome.repairs        // [split_token at 25: "avg_latency:2.3s" -> "avg_latency 2.3s"]
/// ```
public struct WireParser: Sendable {
    /// How forgiving the parser is.
    public enum Profile: String, Sendable, Hashable, CaseIterable {
        /// Exactly the grammar; anything else is an error.
        case strict
        /// Repairs what it can (and reports each repair); errors only for what cannot be repaired.
        case lenient
    }

    /// Limits and codebook. The v3 limits are slipcore's and fixed by the protocol.
    public struct Configuration: Sendable, Hashable {
        /// Longest line accepted, in UTF-8 bytes (default 4 KiB).
        public var maxLineBytes: Int
        /// Longest v1 agent id.
        public var maxAgentIDLength: Int
        /// Most v1 payload items.
        public var maxPayloadItems: Int
        /// Longest v1 payload item (token or quoted string), in bytes.
        public var maxPayloadItemBytes: Int
        /// The codebook v1 anchors must belong to.
        public var v1Codebook: UCR
        /// The ref the lenient profile gives a v3 Fallback that has none (slipcore's `parse_slip_legacy`).
        public var legacyFallbackRef: String

        public init(
            maxLineBytes: Int = 4096, maxAgentIDLength: Int = 64, maxPayloadItems: Int = 64,
            maxPayloadItemBytes: Int = 1024, v1Codebook: UCR = .v1, legacyFallbackRef: String = "reflegacy"
        ) {
            self.maxLineBytes = maxLineBytes
            self.maxAgentIDLength = maxAgentIDLength
            self.maxPayloadItems = maxPayloadItems
            self.maxPayloadItemBytes = maxPayloadItemBytes
            self.v1Codebook = v1Codebook
            self.legacyFallbackRef = legacyFallbackRef
        }
    }

    /// A parsed message and the repairs that produced it (always empty for the strict profile).
    public struct Outcome: Sendable, Hashable {
        public var message: SlipMessage
        public var repairs: [WireRepair]
    }

    /// slipcore's v3 limits.
    public enum V3Limits {
        public static let maxAgentIDLength = 20
        public static let maxTokenLength = 30
        public static let maxPayloadTokens = 20
        public static let maxFallbackRefLength = 16
    }

    public var profile: Profile
    public var configuration: Configuration

    public init(profile: Profile = .strict, configuration: Configuration = Configuration()) {
        self.profile = profile
        self.configuration = configuration
    }

    /// Parses one line; the version is read from the line.
    public func parse(_ line: String) throws(WireError) -> SlipMessage {
        if let message = canonicalV3(line) { return message }
        return try parseReportingRepairs(line, version: nil).message
    }

    /// Parses one line (a substring or other string type); the version is read from the line.
    public func parse(_ line: some StringProtocol) throws(WireError) -> SlipMessage {
        try parseReportingRepairs(String(decoding: line.utf8, as: UTF8.self), version: nil).message
    }

    /// Parses one line that must be of `version` (a line of the other version is a parse error, as in
    /// slipcore's `parse_slip`).
    public func parse(_ line: some StringProtocol, version: WireVersion) throws(WireError) -> SlipMessage {
        try parseReportingRepairs(String(decoding: line.utf8, as: UTF8.self), version: version).message
    }

    /// Parses one line and reports the lenient profile's repairs.
    public func parseReportingRepairs(_ line: String, version: WireVersion? = nil) throws(WireError) -> Outcome {
        if version != .v1, let message = canonicalV3(line) { return Outcome(message: message, repairs: []) }
        var text = line
        let byteCount = text.utf8.count
        guard byteCount <= configuration.maxLineBytes else {
            throw .lineTooLong(bytes: byteCount, limit: configuration.maxLineBytes)
        }
        let result = text.withUTF8 { bytes -> Result<(layout: SlipMessage.Layout, canonical: String?), WireError> in
            do throws(WireError) {
                let detected: WireVersion
                if let version { detected = version } else { detected = try Self.detectVersion(bytes) }
                switch detected {
                case .v3: return .success(try StrictV3Parser(bytes: bytes).parseExactly())
                case .v1: return .success((try StrictV1Parser(bytes: bytes, configuration: configuration).parse(), nil))
                }
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let parsed):
            return Outcome(message: SlipMessage(wire: parsed.canonical ?? text, layout: parsed.layout), repairs: [])
        case .failure(let error):
            // A strict-valid line is its own repair; anything else goes through the repairs.
            guard profile == .lenient else { throw error }
            return try LenientWireParser(configuration: configuration).parse(text, version: version)
        }
    }

    /// The message for a canonical, valid v3 line (the common case), which keeps the line itself; nil
    /// for any other line.
    @inline(__always)
    private func canonicalV3(_ line: String) -> SlipMessage? {
        guard line.utf8.count <= configuration.maxLineBytes,
            let layout = line.utf8.withContiguousStorageIfAvailable({ StrictV3Parser(bytes: $0).fastCanonical()?.layout }) ?? nil
        else { return nil }
        return SlipMessage(wire: line, layout: layout)
    }

    /// Reads the version from the second whitespace-separated word, with slipcore's errors when the line is
    /// too short or has another prefix.
    static func detectVersion(_ bytes: UnsafeBufferPointer<UInt8>) throws(WireError) -> WireVersion {
        var cursor = PythonWhitespaceTokenizer(bytes: bytes)
        guard let prefix = cursor.next() else {
            throw WireError(.empty, .parse, "Too short: need >= 6 tokens, got 0 (empty line)", offset: 0)
        }
        guard let version = cursor.next() else {
            throw WireError(.tooFewTokens, .parse, "Too short: need >= 6 tokens, got 1", offset: bytes.count)
        }
        guard bytes.slice(prefix) == "SLIP" else {
            let token = bytes.slice(prefix)
            throw WireError(
                .badPrefix, .parse, "Bad prefix: \(token.debugDescription) (expected \"SLIP\")", token: token, offset: prefix.lowerBound)
        }
        switch bytes.slice(version) {
        case "v1": return .v1
        case "v3": return .v3
        case let other:
            throw WireError(
                .badVersion, .parse, "Bad version: \(other.debugDescription) (expected \"v1\" or \"v3\")", token: other,
                offset: version.lowerBound)
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The bytes in `range` as a string.
    @inline(__always)
    func slice(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: self[range]), as: UTF8.self)
    }
}

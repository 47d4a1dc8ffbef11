import SlipstreamCore

/// Why the hub refused a line or a request: a code, what was wrong and where.
///
/// A refused wire keeps the parser's ``WireError`` (with its own code and byte offset) in ``wireError``.
public struct HubError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The line is not a valid wire (``HubError/wireError`` says why and where).
        public static let invalidWire = Code(rawValue: "invalid_wire")
        /// The line is longer than ``HubConfiguration/maxLineBytes``.
        public static let lineTooLong = Code(rawValue: "line_too_long")
        /// The wire's version is not in ``HubConfiguration/versions``.
        public static let versionNotAccepted = Code(rawValue: "version_not_accepted")
        /// The sender is over its rate (``HubError/retryAfter`` says when to try again).
        public static let rateLimited = Code(rawValue: "rate_limited")
        /// A recipient's mailbox holds ``HubConfiguration/maxPending`` unacknowledged messages: the send was
        /// refused for every recipient (the message names the recipient, its pending count and the limit).
        public static let mailboxFull = Code(rawValue: "mailbox_full")
        /// An agent or group name is not `[A-Za-z0-9._-]+` of at most 64 bytes.
        public static let invalidName = Code(rawValue: "invalid_name")
        /// A request's argument (a limit, a cursor, a body) is out of range or malformed.
        public static let invalidRequest = Code(rawValue: "invalid_request")
        /// A request's body is over the server's limit (HTTP server).
        public static let bodyTooLarge = Code(rawValue: "body_too_large")
        /// A bearer token was missing or wrong (HTTP server).
        public static let unauthorized = Code(rawValue: "unauthorized")
        /// An agent's token does not allow it: a wire whose `src` is another agent, another agent's mailbox,
        /// or another agent's group membership (HTTP 403; the message names both agents).
        public static let forbidden = Code(rawValue: "forbidden")
        /// The store underneath failed (``HubError/underlying`` says how).
        public static let storage = Code(rawValue: "storage")
        /// The hub could not be reached or answered something unexpected (HTTP client).
        public static let transport = Code(rawValue: "transport")
        /// A TLS certificate, private key or CA certificate file is missing, unreadable or not PEM, or the key
        /// does not match the certificate (setting up an HTTPS server or client; the message names the file).
        public static let tlsConfiguration = Code(rawValue: "tls_configuration")
    }

    public var code: Code
    /// What was wrong, naming the input.
    public var message: String
    /// 0-based UTF-8 byte offset in the line, for wire errors.
    public var offset: Int?
    /// The parser's error, for ``Code/invalidWire``.
    public var wireError: WireError?
    /// How long the sender should wait, for ``Code/rateLimited``.
    public var retryAfter: Duration?
    /// The error underneath, for ``Code/storage``, ``Code/transport`` and ``Code/tlsConfiguration``.
    public var underlying: (any Error & Sendable)?

    public init(
        _ code: Code, _ message: String, offset: Int? = nil, wireError: WireError? = nil, retryAfter: Duration? = nil,
        underlying: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.message = message
        self.offset = offset
        self.wireError = wireError
        self.retryAfter = retryAfter
        self.underlying = underlying
    }

    /// The error for a wire the parser refused.
    public static func invalidWire(_ error: WireError) -> HubError {
        HubError(.invalidWire, "\(error.code): \(error.message)", offset: error.offset, wireError: error)
    }

    /// The error for a send refused because `recipient` already has `pending` unacknowledged messages, at
    /// or over `limit`.
    public static func mailboxFull(recipient: String, pending: Int, limit: Int) -> HubError {
        HubError(
            .mailboxFull,
            "the mailbox of \(recipient.debugDescription) is full: \(pending) unacknowledged message\(pending == 1 ? "" : "s"), "
                + "the limit is \(limit); the message was sent to no recipient (\(recipient) must acknowledge first)")
    }

    /// Runs a store's `body`: a ``HubError`` passes through, anything else becomes a ``Code/storage``
    /// error saying what could not be done, "cannot `doing`".
    public static func storage<T>(_ doing: @autoclosure () -> String, _ body: () async throws -> T) async throws(HubError) -> T {
        do {
            return try await body()
        } catch let error as HubError {
            throw error
        } catch {
            throw HubError(.storage, "cannot \(doing())", underlying: error)
        }
    }

    public var description: String {
        var text = "hub error (\(code)): \(message)"
        if let offset, !message.contains("offset") { text += " at offset \(offset)" }
        if let retryAfter { text += " (retry after \(retryAfter))" }
        if let underlying { text += ": \(underlying)" }
        return text
    }
}

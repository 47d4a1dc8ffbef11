import SlipstreamCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A validated message on its way into a ``HubStore``: what ``Hub/send(_:)`` appends, once, for all
/// its recipients.
public struct HubEnvelope: Sendable, Hashable {
    /// The sender (the wire's `src`).
    public var src: String
    /// The wire's `dst`: an agent, or a group.
    public var dst: String
    /// The canonical wire line.
    public var wire: String
    public var version: WireVersion
    /// When the hub accepted it (whole milliseconds, as the stores keep it).
    public var sentAt: Date

    public init(src: String, dst: String, wire: String, version: WireVersion, sentAt: Date) {
        self.src = src
        self.dst = dst
        self.wire = wire
        self.version = version
        self.sentAt = sentAt
    }

    /// The envelope of a parsed message, sent at `sentAt` (to the nearest millisecond).
    public init(_ message: SlipMessage, sentAt: Date = Date()) {
        self.init(
            src: message.src, dst: message.dst, wire: message.wire, version: message.version,
            sentAt: HubTime.rounded(sentAt))
    }
}

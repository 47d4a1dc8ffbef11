import SlipstreamCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A message as one recipient receives it.
///
/// `id` is global and strictly increasing in the order messages were accepted, the same for every
/// recipient of one send; a recipient acknowledges through an id (``Hub/acknowledge(agent:through:)``).
public struct HubMessage: Sendable, Hashable {
    public var id: Int64
    /// The sender.
    public var src: String
    /// The wire's `dst`: the recipient itself, or a group the recipient is in.
    public var dst: String
    /// Whose mailbox this copy is in.
    public var recipient: String
    /// The canonical wire line.
    public var wire: String
    public var version: WireVersion
    /// When the hub accepted the message.
    public var sentAt: Date

    public init(
        id: Int64, src: String, dst: String, recipient: String, wire: String, version: WireVersion, sentAt: Date
    ) {
        self.id = id
        self.src = src
        self.dst = dst
        self.recipient = recipient
        self.wire = wire
        self.version = version
        self.sentAt = sentAt
    }

    /// The copy of `envelope`, appended as `id`, in `recipient`'s mailbox.
    public init(id: Int64, envelope: HubEnvelope, recipient: String) {
        self.init(
            id: id, src: envelope.src, dst: envelope.dst, recipient: recipient, wire: envelope.wire,
            version: envelope.version, sentAt: envelope.sentAt)
    }
}

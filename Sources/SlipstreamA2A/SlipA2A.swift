import SlipstreamCore

/// The SLIP-A2A extension (slipcore 3.1.1's draft v0.2, `extensions/a2a-slipstream/v1`): Slipstream v3 wires
/// carried as the first text part of Agent2Agent (A2A) messages.
///
/// ```swift
/// let wire = try WireParser().parse("SLIP v3 planner reviewer Request Review auth")
/// let message = SlipA2AMessage(wire: wire, metadata: SlipA2AMetadata(ucr: .v3), messageId: "m1")
/// message.json.compactText   // {"messageId":"m1","role":"user","parts":[{"text":"SLIP v3 …"}],…}
/// SlipA2A.ucrHash(of: .v3)   // "sha256:fdf0304c…"
/// ```
public enum SlipA2A {
    /// The extension's URI: in the Agent Card, the `A2A-Extensions` service parameter, a message's
    /// `extensions` and the key of its `metadata` entry.
    public static let extensionURI = "https://github.com/anthony-maio/slipcore/extensions/a2a-slipstream/v1"

    /// The (experimental) media type of Slipstream text.
    public static let inputMode = "text/slip"

    /// The only wire version the extension carries.
    public static let slipVersion = "v3"

    /// The metadata's `encoding`.
    public static let encoding = "force-object"

    /// The spec's `ucrHash` (`stable_ucr_hash` of a2a_slipstream.py): `sha256:` and the hex SHA-256 of the
    /// anchors sorted by index, one `index|force|obj|canonical|coords` line each (coords comma-joined),
    /// joined by line feeds, in UTF-8. Not ``UCR/contentHash()`` (slipcore's 16-digit internal hash).
    ///
    /// The helper reads slipcore 3.x's `UCR.save` layout; a codebook read from a 2.x file (mnemonics, no
    /// `force`/`obj` keys) is hashed as its 3.x equivalent, with the Force and Object its mnemonics name.
    public static func ucrHash(of ucr: UCR) -> String {
        let lines = ucr.anchors.sorted { $0.index < $1.index }.map { anchor in
            "\(anchor.index)|\(anchor.force.rawValue)|\(anchor.object)|\(anchor.canonical)|"
                + anchor.coords.values.map(String.init).joined(separator: ",")
        }
        return "sha256:" + SHA256.hexDigest(lines.joined(separator: "\n"))
    }
}

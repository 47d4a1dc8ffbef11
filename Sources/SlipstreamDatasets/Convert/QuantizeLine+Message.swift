import SlipstreamCore

extension QuantizeLine {
    /// The QUANTIZE line for a message in its version's form: `Force=… Object=…` (v3), or the anchor's
    /// dimension words and mnemonic (v1; just the mnemonic for an anchor outside `v1Codebook`).
    public init(for message: SlipMessage, v1Codebook: UCR = .v1) {
        switch message.version {
        case .v3:
            self.init(force: message.force.rawValue, object: message.object)
        case .v1:
            if let anchor = v1Codebook.anchor(mnemonic: message.anchor) {
                self.init(coords: anchor.coords, anchor: anchor.mnemonic)
            } else {
                self.init(anchor: message.anchor)
            }
        }
    }
}

import SlipstreamDatasets

extension TQTExample {
    /// The example as a training pair.
    public var labeled: LabeledText { LabeledText(text: text, anchor: anchor) }
}

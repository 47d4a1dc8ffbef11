import SlipstreamCore

/// The QUANTIZE line against the wire: its form, the anchor it leads to, its dimension words.
extension DatasetChecker {
    typealias Finding = (DatasetProblem.Severity, DatasetProblem.Code, String)

    func quantizeProblems(_ quantize: QuantizeLine, message: SlipMessage) -> [Finding] {
        let isV3Form = quantize.force != nil || quantize.object != nil
        let isV1Form = quantize.anchor != nil || QuantizeLabels.Dimension.allCases.contains { quantize[$0] != nil }
        var findings: [Finding] = []
        if isV3Form, isV1Form {
            findings.append(
                (
                    .warning, .quantizeVersionMismatch,
                    "the QUANTIZE line mixes the v1 form ([ACTION=…] -> Anchor) and the v3 form (Force= Object=)"
                ))
        } else if isV3Form, message.version == .v1 {
            findings.append(
                (.warning, .quantizeVersionMismatch, "the QUANTIZE line has the v3 form (Force= Object=) but the SLIP wire is v1"))
        } else if isV1Form, message.version == .v3 {
            findings.append(
                (.warning, .quantizeVersionMismatch, "the QUANTIZE line has the v1 form ([ACTION=…] -> Anchor) but the SLIP wire is v3"))
        } else if !isV3Form, !isV1Form {
            return [(.warning, .incompleteQuantize, "the QUANTIZE line names no anchor and no dimension")]
        }
        findings += isV3Form ? forceObjectProblems(quantize, message: message) : anchorProblems(quantize, message: message)
        if isV1Form { findings += dimensionProblems(quantize, message: message) }
        return findings
    }

    /// The name of the wire's anchor in messages: the v1 mnemonic, or the v3 Force/Object pair.
    private func wireName(_ message: SlipMessage) -> String {
        message.version == .v1 ? message.anchor : "\(message.force.rawValue) \(message.object)"
    }

    /// `Force=… Object=…` against the wire's pair.
    private func forceObjectProblems(_ quantize: QuantizeLine, message: SlipMessage) -> [Finding] {
        guard let forceName = quantize.force, let object = quantize.object else {
            return [(.warning, .incompleteQuantize, "the QUANTIZE line needs both Force= and Object=")]
        }
        guard let force = Force(caseInsensitive: forceName) else {
            return [(.error, .unknownQuantizeWord, "QUANTIZE Force=\(forceName) is not a Force")]
        }
        guard force == message.force, object == message.object else {
            return [
                (
                    .error, .quantizeAnchorMismatch,
                    "QUANTIZE says Force=\(forceName) Object=\(object) but the SLIP wire carries \(wireName(message))"
                )
            ]
        }
        return []
    }

    /// `-> Anchor` against the wire's anchor.
    private func anchorProblems(_ quantize: QuantizeLine, message: SlipMessage) -> [Finding] {
        guard let name = quantize.anchor else {
            return [(.warning, .incompleteQuantize, "the QUANTIZE line has no anchor (`-> Anchor`)")]
        }
        guard let anchor = configuration.wireConfiguration.v1Codebook.anchor(mnemonic: name) else {
            return [(.error, .unknownAnchor, "QUANTIZE leads to \(name.debugDescription), which is not in the v1 codebook")]
        }
        guard anchor.force == message.force, anchor.object == message.object else {
            return [(.error, .quantizeAnchorMismatch, "QUANTIZE leads to \(name) but the SLIP wire carries \(wireName(message))")]
        }
        return []
    }

    /// The dimension words against the coordinates of the anchor the line leads to (when the codebook has
    /// it), else of the wire's anchor.
    private func dimensionProblems(_ quantize: QuantizeLine, message: SlipMessage) -> [Finding] {
        var findings: [Finding] = []
        let dimensions = QuantizeLabels.Dimension.allCases
        let present = dimensions.filter { quantize[$0] != nil }
        let missing = dimensions.filter { quantize[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map(\.rawValue).joined(separator: ", ")
            findings.append(
                (
                    .warning, .incompleteQuantize,
                    present.isEmpty ? "the QUANTIZE line has no dimension words (\(names))" : "the QUANTIZE line lacks \(names)"
                ))
        }
        let v1Codebook = configuration.wireConfiguration.v1Codebook
        let named = quantize.anchor.flatMap { v1Codebook.anchor(mnemonic: $0) }
        let anchor =
            named
            ?? (message.version == .v1
                ? v1Codebook.anchor(mnemonic: message.anchor)
                : configuration.v3Codebook.anchor(force: message.force, object: message.object))
        var differing: [String] = []
        for dimension in present {
            let word = quantize[dimension] ?? ""
            guard let level = QuantizeLabels.level(of: word, on: dimension) else {
                findings.append(
                    (
                        .error, .unknownQuantizeWord,
                        "QUANTIZE \(dimension.rawValue)=\(word) is not a level of \(dimension.rawValue) (\(dimension.labels.joined(separator: ", ")))"
                    ))
                continue
            }
            if let coords = anchor?.coords, coords[dimension] != level {
                let expected = QuantizeLabels.word(for: coords[dimension], on: dimension)
                differing.append("\(dimension.rawValue)=\(word) (level \(level)) where it has \(expected) (\(coords[dimension]))")
            }
        }
        if !differing.isEmpty {
            findings.append(
                (
                    .error, .quantizeCoordinatesMismatch,
                    "QUANTIZE's dimension words are not the coordinates of \(named?.mnemonic ?? wireName(message)): \(differing.joined(separator: "; "))"
                ))
        }
        return findings
    }
}

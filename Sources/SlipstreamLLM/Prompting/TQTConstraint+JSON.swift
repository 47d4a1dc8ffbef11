import SlipstreamCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension TQTConstraint {
    /// An answer in the shape of ``jsonSchema``; every field optional so a partial answer still maps.
    struct JSONAnswer: Decodable {
        var thought: String?
        var action: String?
        var domain: String?
        var urgency: String?
        var polarity: String?
        var anchor: String?
        var force: String?
        var object: String?
        var src: String?
        var dst: String?
        var payload: [String]

        enum CodingKeys: String, CodingKey {
            case thought, action, domain, urgency, polarity, anchor, force, object, src, dst, payload
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String? { (try? c.decodeIfPresent(String.self, forKey: key)) ?? nil }
            thought = text(.thought)
            action = text(.action)
            domain = text(.domain)
            urgency = text(.urgency)
            polarity = text(.polarity)
            anchor = text(.anchor)
            force = text(.force)
            object = text(.object)
            src = text(.src)
            dst = text(.dst)
            if let items = try? c.decodeIfPresent([String].self, forKey: .payload) {
                payload = items
            } else if let line = text(.payload) {
                payload = line.split(separator: " ").map(String.init)
            } else {
                payload = []
            }
        }
    }

    /// The record text (THOUGHT, QUANTIZE, SLIP lines) for a JSON answer, or nil when `text` holds no
    /// JSON object with an anchor. Missing agent ids become the known ones or `unknown`.
    public func recordText(fromJSON text: String) -> String? {
        guard let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}"), open < close else { return nil }
        let json = text[open...close]
        guard let answer = try? JSONDecoder().decode(JSONAnswer.self, from: Data(json.utf8)) else { return nil }
        var anchorName = answer.anchor?.trimmedWhitespace() ?? ""
        if anchorName.isEmpty, let force = answer.force, let object = answer.object { anchorName = "\(force) \(object)" }
        guard !anchorName.isEmpty else { return nil }

        let src = answer.src?.trimmedWhitespace().nonEmpty ?? self.src ?? "unknown"
        let dst = answer.dst?.trimmedWhitespace().nonEmpty ?? self.dst ?? "unknown"
        var lines: [String] = []
        if let thought = answer.thought {
            lines.append("THOUGHT: " + thought.split(whereSeparator: \.isNewline).joined(separator: " "))
        }
        switch version {
        case .v1:
            if let a = answer.action, let d = answer.domain, let u = answer.urgency, let p = answer.polarity {
                lines.append("QUANTIZE: [ACTION=\(a) | DOMAIN=\(d) | URGENCY=\(u) | POLARITY=\(p)] -> \(anchorName)")
            }
        case .v3:
            let parts = anchorName.split(separator: " ")
            if parts.count == 2 { lines.append("QUANTIZE: Force=\(parts[0]) Object=\(parts[1])") }
        }
        let payload = answer.payload.map { $0.trimmedWhitespace() }.filter { !$0.isEmpty }
        lines.append((["SLIP: SLIP", version.rawValue, src, dst, anchorName] + payload).joined(separator: " "))
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The text without leading and trailing whitespace.
    func trimmedWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    var nonEmpty: String? { isEmpty ? nil : self }
}

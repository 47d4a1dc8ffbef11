#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reading and writing codebooks in slipcore's JSON layouts (`UCR.save` / `UCR.load`), both ways.
extension UCR {
    /// Reads a codebook file written by slipcore 3.x (`authority` + Force/Object anchors) or 2.x
    /// (`version` + mnemonic anchors).
    public static func load(contentsOf path: String) throws(UCRError) -> UCR {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw UCRError(.io, "cannot read \(path): \(error)")
        }
        return try decode(data, source: path)
    }

    /// Reads a codebook from JSON bytes; `source` names it in errors.
    public static func decode(_ data: Data, source: String = "<data>") throws(UCRError) -> UCR {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw UCRError(.malformedFile, "\(source) is not a UCR file: \(error)")
        }
        let format: Format = file.authority != nil ? .v3 : .v1
        let authority =
            file.authority.map {
                Authority(authorityID: $0.authority_id, ucrVersion: $0.ucr_version, ucrHash: $0.ucr_hash ?? "")
            } ?? Authority(ucrVersion: file.version ?? "1.0.0")
        var anchors: [UCRAnchor] = []
        for (position, entry) in file.anchors.enumerated() {
            let force: Force
            let object: String
            if let forceName = entry.force, let obj = entry.obj {
                guard let known = Force(rawValue: forceName) else {
                    throw UCRError(
                        .malformedFile, "\(source): anchors[\(position)] has unknown force \(forceName.debugDescription)",
                        index: entry.index)
                }
                (force, object) = (known, obj)
            } else if let mnemonic = entry.mnemonic, let pair = MnemonicTable.forceObject(forV1: mnemonic) {
                (force, object) = pair
            } else {
                throw UCRError(
                    .malformedFile,
                    "\(source): anchors[\(position)] needs force and obj, or a mnemonic that starts with a Force",
                    index: entry.index)
            }
            guard entry.coords.count == 4 else {
                throw UCRError(
                    .coordsOutOfRange, "\(source): anchors[\(position)] has \(entry.coords.count) coords, expected 4", index: entry.index)
            }
            guard let state = AnchorState(rawValue: entry.state ?? "active") else {
                throw UCRError(.malformedFile, "\(source): anchors[\(position)] has unknown state \(entry.state ?? "")", index: entry.index)
            }
            let c = entry.coords
            anchors.append(
                UCRAnchor(
                    index: entry.index, mnemonic: entry.mnemonic, force: force, object: object, canonical: entry.canonical,
                    coords: Coordinates(c[0], c[1], c[2], c[3]), isCore: entry.is_core ?? true, state: state,
                    createdBy: entry.created_by ?? "core", replacedBy: entry.replaced_by))
        }
        return try UCR(format: format, authority: authority, anchors: anchors)
    }

    /// The file slipcore's `UCR.save` writes for this codebook (v3 layouts get the current content hash).
    public func jsonText() -> String {
        let anchorValues: [JSONValue] = anchors.map { anchor in
            var members: [(String, JSONValue)] = [("index", .int(anchor.index))]
            switch format {
            case .v1:
                members += [
                    ("mnemonic", .string(anchor.mnemonic)), ("canonical", .string(anchor.canonical)),
                    ("coords", .array(anchor.coords.values.map(JSONValue.int))), ("is_core", .bool(anchor.isCore)),
                ]
            case .v3:
                members += [
                    ("force", .string(anchor.force.rawValue)), ("obj", .string(anchor.object)),
                    ("canonical", .string(anchor.canonical)), ("coords", .array(anchor.coords.values.map(JSONValue.int))),
                    ("is_core", .bool(anchor.isCore)), ("state", .string(anchor.state.rawValue)),
                    ("created_by", .string(anchor.createdBy)),
                ]
                if let replacedBy = anchor.replacedBy { members.append(("replaced_by", .int(replacedBy))) }
            }
            return .object(members)
        }
        let root: JSONValue =
            switch format {
            case .v1: .object([("version", .string(authority.ucrVersion)), ("anchors", .array(anchorValues))])
            case .v3:
                .object([
                    (
                        "authority",
                        .object([
                            ("authority_id", .string(authority.authorityID)), ("ucr_version", .string(authority.ucrVersion)),
                            ("ucr_hash", .string(contentHash())),
                        ])
                    ),
                    ("anchors", .array(anchorValues)),
                ])
            }
        return root.pythonIndentedText
    }

    /// Writes ``jsonText()`` to `path`.
    public func save(to path: String) throws(UCRError) {
        do {
            try Data(jsonText().utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw UCRError(.io, "cannot write \(path): \(error)")
        }
    }

    // The file layout; names follow slipcore's keys.
    // swiftlint:disable identifier_name
    private struct File: Decodable {
        struct AuthorityEntry: Decodable {
            var authority_id: String
            var ucr_version: String
            var ucr_hash: String?
        }
        struct AnchorEntry: Decodable {
            var index: Int
            var mnemonic: String?
            var force: String?
            var obj: String?
            var canonical: String
            var coords: [Int]
            var is_core: Bool?
            var state: String?
            var created_by: String?
            var replaced_by: Int?
        }
        var version: String?
        var authority: AuthorityEntry?
        var anchors: [AnchorEntry]
    }
}

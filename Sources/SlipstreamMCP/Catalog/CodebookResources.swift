import MCP
import SlipstreamCore

/// The UCR codebooks as MCP resources: `slipstream://ucr/v1` and `slipstream://ucr/v3`, JSON in
/// slipcore's `UCR.save` layout (what `UCR.save(to:)` writes).
enum CodebookResources {
    static let mimeType = "application/json"

    /// The URI of a version's codebook.
    static func uri(_ version: WireVersion) -> String { "slipstream://ucr/\(version.rawValue)" }

    static var list: [Resource] {
        WireVersion.allCases.map { version in
            let ucr = codebook(version)
            return Resource(
                name: "ucr-\(version.rawValue)", uri: uri(version), title: "UCR \(version.rawValue) codebook",
                description: """
                    The \(version.rawValue) Universal Concept Reference: \(ucr.anchors.count) anchors (mnemonic, \
                    force, object, canonical text, coords), content hash \(ucr.contentHash()), in slipcore's JSON layout.
                    """,
                mimeType: mimeType)
        }
    }

    /// The contents of `uri`; an unknown URI is invalid params.
    static func read(_ uri: String) throws -> ReadResource.Result {
        guard let version = WireVersion.allCases.first(where: { Self.uri($0) == uri }) else {
            throw MCPError.invalidParams(
                "no resource \(uri.debugDescription); the resources are \(WireVersion.allCases.map(Self.uri).joined(separator: ", "))")
        }
        return .init(contents: [.text(codebook(version).jsonText(), uri: uri, mimeType: mimeType)])
    }

    private static func codebook(_ version: WireVersion) -> UCR { version == .v1 ? .v1 : .v3 }
}

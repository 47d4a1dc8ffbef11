import Foundation
import SlipstreamCore
import SlipstreamLLM
import Testing

/// Paths and fixed strings shared by the LLM tests.
enum Fixtures {
    /// The tiny model's default answer: a strict-valid v1 record.
    static let validAnswer = """
        THOUGHT: Ask bob to review the auth module.
        QUANTIZE: [ACTION=request | DOMAIN=task | URGENCY=normal | POLARITY=neutral] -> RequestReview
        SLIP: SLIP v1 alice bob RequestReview auth_module
        """

    /// A record with a misspelt anchor and a payload that breaks the strict token rules.
    static let malformedAnswer = """
        THOUGHT: pls review
        SLIP: SLIP v1 alice bob RequestReveiw auth module!
        """

    /// No record at all.
    static let garbageAnswer = "I cannot help with that."

    /// A JSON answer in the shape of TQTConstraint.jsonSchema for v1 (property order as in the schema).
    static let jsonAnswer =
        #"{"thought":"Ask bob to review the auth module.","action":"request","domain":"task","urgency":"normal","polarity":"neutral","anchor":"RequestReview","src":"alice","dst":"bob","payload":["auth_module"]}"#
}

/// A fallback that always answers with the same record, as the `local` engine would.
struct FixedFallback: LLMFallback {
    var engineName = "local"
    func encode(_ text: String, src: String, dst: String, version: WireVersion) async throws -> TQTRecord {
        let anchor = try #require(UCR.v1.anchor(mnemonic: "Fallback"))
        return TQTRecord(thought: nil, quantize: nil, message: .v1(src: src, dst: dst, anchor: anchor, payload: ["fallback"]))
    }
}

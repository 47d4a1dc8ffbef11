import SlipstreamCore
import Testing

@Suite struct RendererTests {
    @Test func rendersLikeSlipcore() throws {
        let message = try WireParser().parse("SLIP v3 planner exec Request Plan timeline")
        #expect(Renderer().human(message) == #"[planner -> exec] Request Plan: "Request plan creation" (payload: timeline)"#)
        #expect(Renderer().logLine(message) == "planner->exec | Request Plan | Request plan creation | payload=timeline | ref=-")
    }

    @Test func rendersFallbackRefsAndV1Anchors() throws {
        let fallback = try WireParser().parse("SLIP v3 qa planner Fallback Generic ref7f3a")
        #expect(Renderer().human(fallback) == #"[qa -> planner] Fallback Generic: "Unquantizable - see ref" (fallback ref: ref7f3a)"#)
        #expect(Renderer().logLine(fallback) == "qa->planner | Fallback Generic | Unquantizable - see ref | payload=- | ref=ref7f3a")
        let v1 = try WireParser().parse("SLIP v1 alice bob RequestReview auth_module")
        #expect(Renderer().human(v1) == #"[alice -> bob] RequestReview: "Request review of work" (payload: auth_module)"#)
    }
}

import SlipstreamCore
import Testing

@Suite struct TranslatorTests {
    let translator = Translator(store: InMemoryFallbackStore())

    @Test func v1ToV3UsesSlipcoresTableAndCamelCase() async throws {
        let v1 = try WireParser().parse("SLIP v1 product_manager planner_agent RequestPlan feature_x_release timeline")
        let v3 = try await translator.translate(v1, to: .v3)
        #expect(v3.message.wire == "SLIP v3 productManager plannerAgent Request Plan featureXRelease timeline")
        #expect(v3.isLossless)
        let back = try await translator.translate(v3.message, to: .v1)
        #expect(back.message == v1)
    }

    @Test(arguments: MnemonicTable.v1ToV3.map(\.mnemonic))
    func everyV1AnchorMapsToItsPair(_ mnemonic: String) async throws {
        let anchor = try #require(UCR.v1.anchor(mnemonic: mnemonic))
        let v3 = try await translator.translate(
            .v1(src: "a", dst: "b", anchor: anchor, payload: mnemonic == "Fallback" ? ["hi there"] : []), to: .v3)
        let pair = try #require(MnemonicTable.forceObject(forV1: mnemonic))
        #expect(v3.message.force == pair.force)
        #expect(v3.message.object == pair.object)
        #expect(try WireParser().parse(v3.message.wire, version: .v3) == v3.message)
        let back = try await translator.translate(v3.message, to: .v1)
        #expect(back.message.anchor == mnemonic)
    }

    @Test func fallbackTextTravelsThroughTheStore() async throws {
        let store = InMemoryFallbackStore()
        let translator = Translator(store: store)
        let v1 = try WireParser().parse(#"SLIP v1 alice bob Fallback "the cluster smells funny""#)
        let v3 = try await translator.translate(v1, to: .v3)
        let ref = try #require(v3.message.fallbackRef)
        #expect(v3.message.wire == "SLIP v3 alice bob Fallback Generic \(ref)")
        #expect(store.count == 1)
        let back = try await translator.translate(v3.message, to: .v1)
        #expect(back.message == v1)
    }

    @Test func aFallbackOfSeveralItemsComesBackAsOneTextAndSaysSo() async throws {
        let v1 = try WireParser().parse("SLIP v1 a b Fallback check_pods api_deployment")
        let v3 = try await translator.translate(v1, to: .v3)
        #expect(v3.losses == ["the Fallback's 2 payload items are kept as one text, which comes back as one item"])
        let back = try await translator.translate(v3.message, to: .v1)
        #expect(back.message.wire == #"SLIP v1 a b Fallback "check_pods api_deployment""#)
    }

    @Test func unknownRefIsKeptAndReported() async throws {
        let v3 = try WireParser().parse("SLIP v3 a b Fallback Generic refdeadbeef")
        let v1 = try await translator.translate(v3, to: .v1)
        #expect(v1.message.wire == "SLIP v1 a b Fallback refdeadbeef")
        #expect(!v1.isLossless)
    }

    @Test func lossyTokensAreReported() async throws {
        let v1 = try WireParser().parse("SLIP v1 a b InformStatus GPU_comparison 2.3s")
        let v3 = try await translator.translate(v1, to: .v3)
        #expect(v3.message.payload == ["GPUComparison", "23s"])
        #expect(v3.losses.count == 2)
    }

    @Test func longTokensAreCutAndTheLossNamesThem() async throws {
        let long = String(repeating: "a", count: 35)
        let v1 = try WireParser().parse("SLIP v1 a b InformStatus \(long) ok")
        let v3 = try await translator.translate(v1, to: .v3)
        #expect(v3.message.payload == [String(repeating: "a", count: 30), "ok"])
        #expect(v3.losses.first == "payload token \(long.debugDescription) cut to 30 characters")
        #expect(v3.losses.count == 2)  // and, cut, it no longer maps back
        #expect(Translator.v3Payload(fromV1: ["\(long) ok", "  x_y  ", "--"]) == v3.message.payload + ["xY"])
    }
}

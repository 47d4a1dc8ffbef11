import SlipstreamCore
import SlipstreamDatasets
import SlipstreamTestSupport
import Testing

@Suite struct DatasetConverterTests {
    /// The training prompts, as the shipped files carry them.
    static let prompts: [WireVersion: String] = {
        var prompts: [WireVersion: String] = [:]
        for (version, path) in [(WireVersion.v1, SharedData.v1Train), (.v3, SharedData.v3Train)] {
            if let line = try? SharedData.lines(path).first, let system = try? DatasetRow(jsonLine: line).system {
                prompts[version] = system
            }
        }
        return prompts
    }()

    static func converter(to target: WireVersion, store: any FallbackStore = InMemoryFallbackStore()) -> DatasetConverter {
        DatasetConverter(to: target, translator: Translator(store: store), systemPrompts: prompts)
    }

    @Test func aV1RowBecomesAV3RowWithTheV3PromptAndQuantizeForm() async throws {
        let row = DatasetRow(
            system: Self.prompts[.v1] ?? "", human: "Plan the release",
            gpt: "THOUGHT: we need a plan\nQUANTIZE: [ACTION=request | DOMAIN=plan | URGENCY=elevated | POLARITY=neutral] -> RequestPlan\n"
                + "SLIP: SLIP v1 product_manager planner RequestPlan feature_x_release")
        let converted = try await Self.converter(to: .v3).convert(row)
        #expect(converted.losses.isEmpty)
        #expect(converted.row.system == Self.prompts[.v3])
        #expect(converted.row.human == "Plan the release")
        #expect(
            converted.row.gpt
                == "THOUGHT: we need a plan\nQUANTIZE: Force=Request Object=Plan\nSLIP: SLIP v3 productManager planner Request Plan featureXRelease"
        )

        let back = try await Self.converter(to: .v1).convert(converted.row)
        #expect(back.losses.isEmpty)
        #expect(back.row == row)
    }

    @Test func aV3RowGetsTheAnchorsDimensionWords() async throws {
        let row = DatasetRow(
            layout: .chat, system: nil, human: "Review it",
            gpt: "QUANTIZE: Force=Request Object=Review\nSLIP: SLIP v3 a b Request Review auth")
        let converted = try await Self.converter(to: .v1).convert(row)
        #expect(converted.row.layout == .chat)
        #expect(converted.row.system == nil)
        #expect(
            converted.row.gpt
                == "QUANTIZE: [ACTION=request | DOMAIN=evaluation | URGENCY=normal | POLARITY=neutral] -> RequestReview\nSLIP: SLIP v1 a b RequestReview auth"
        )
    }

    @Test func lossesAreReported() async throws {
        let row = DatasetRow(system: "Be terse.", human: "Ship it", gpt: "SLIP: SLIP v1 a b RequestTask model:v2.4")
        let converted = try await Self.converter(to: .v3).convert(row)
        #expect(converted.row.system == Self.prompts[.v3])
        #expect(
            converted.losses == [
                "the system prompt is not a training prompt; replaced by the v3 one",
                #"the source wire was repaired first: split_token at 24: "model:v2.4" -> "model v2.4""#,
                #"payload token "v2.4" becomes "v24", which does not map back exactly"#,
            ])
    }

    @Test func aFallbackTextGoesToTheStoreAndComesBack() async throws {
        let store = InMemoryFallbackStore()
        let row = DatasetRow(system: nil, human: "Odd", gpt: #"SLIP: SLIP v1 a b Fallback "check the pods""#)
        let converted = try await Self.converter(to: .v3, store: store).convert(row)
        #expect(converted.row.gpt == "SLIP: SLIP v3 a b Fallback Generic \(InMemoryFallbackStore.ref(for: "check the pods"))")
        #expect(store.count == 1)
        let back = try await Self.converter(to: .v1, store: store).convert(converted.row)
        #expect(back.row == row)
    }

    @Test func aRowWithoutAWireIsRefused() async {
        await #expect {
            _ = try await Self.converter(to: .v3).convert(DatasetRow(system: nil, human: "x", gpt: "THOUGHT: hmm"), line: 7)
        } throws: { error in
            guard let error = error as? DatasetError else { return false }
            return error.code == .unusableRecord && error.line == 7
        }
    }

    /// Measured against the v3 twin slipcore ships (docs/data.md): the rows correspond one to one; the
    /// prompt, THOUGHT, QUANTIZE and Force/Object agree everywhere; ids and payload differ where the twin
    /// keeps characters slipcore's own validator rejects, squeezes `key: value` into one token, or carries
    /// a Fallback's words instead of a ref.
    @Test func theV1FileConvertsToTheShippedV3TwinsAnchorsPromptsAndQuantizeLines() async throws {
        let v1 = try SharedData.lines(SharedData.v1Train)
        let twin = try SharedData.lines(SharedData.v3Train)
        try #require(v1.count == twin.count)
        let converter = Self.converter(to: .v3)
        var agree: [String: Int] = [:]
        func folded(_ text: String) -> String { String(text.lowercased().filter { $0.isLetter || $0.isNumber }) }
        for (line, expected) in zip(v1, twin) {
            let ours = try await converter.convert(DatasetRow(jsonLine: line)).row
            let theirs = try DatasetRow(jsonLine: expected)
            let (a, b) = (try TQTExample(row: ours).record, try TQTExample(row: theirs).record)
            let (x, y) = (a.message, try WireParser(profile: .lenient).parse(b.rawWire))
            let counts: [(String, Bool)] = [
                ("human", ours.human == theirs.human), ("system", ours.system == theirs.system), ("thought", a.thought == b.thought),
                ("quantize", a.quantize == b.quantize), ("forceObject", x.force == y.force && x.object == y.object),
                ("src", x.src == b.rawWire.split(separator: " ")[2]), ("dst", x.dst == b.rawWire.split(separator: " ")[3]),
                ("foldedPayload", x.payload.map(folded) == y.payload.map(folded) && !x.isFallback), ("wire", a.rawWire == b.rawWire),
                ("row", ours == theirs),
            ]
            for (name, same) in counts where same { agree[name, default: 0] += 1 }
        }
        #expect(
            agree == [
                "human": 1835, "system": 1835, "thought": 1835, "quantize": 1835, "forceObject": 1835, "src": 984, "dst": 996,
                "foldedPayload": 1479, "wire": 5, "row": 5,
            ])
    }

    @Test func theV1FileComesBackFromV3WhereNothingWasReportedLost() async throws {
        let store = InMemoryFallbackStore()
        let (toV3, toV1) = (Self.converter(to: .v3, store: store), Self.converter(to: .v1, store: store))
        var lossless = 0
        var different: [Int] = []
        for (index, line) in try SharedData.lines(SharedData.v1Train).enumerated() {
            let row = try DatasetRow(jsonLine: line)
            let there = try await toV3.convert(row)
            let back = try await toV1.convert(there.row)
            guard there.losses.isEmpty, back.losses.isEmpty else { continue }
            lossless += 1
            if back.row != row { different.append(index + 1) }
        }
        #expect(lossless == 817)
        // The two rows whose QUANTIZE line is `[ANCHOR=InformStatus] -> InformStatus` come back with the
        // anchor's dimension words.
        #expect(different == [862, 1074])
    }
}

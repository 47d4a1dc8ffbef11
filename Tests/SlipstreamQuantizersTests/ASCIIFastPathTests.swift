import SlipstreamCore
import SlipstreamDatasets
import Testing

@testable import SlipstreamQuantizers

/// The byte-level (ASCII) path of the extractors and the assembler gives exactly what the `Character`
/// rules give: every check runs both on the training texts, odd texts and generated addressing texts.
@Suite struct ASCIIFastPathTests {
    /// Texts that exercise addressing, punctuation inside words, contractions, `%` and separators.
    static let generated: [String] = {
        var rng = SplitMix64(seed: 42)
        let words = [
            "tell", "Tell", "bob", "Bob,", "to", "the", "qa", "team", "The", "@carol", "@", "@@x", "Dave,", "hey", "Hi",
            "let", "know", "hand", "off", "over", "escalate", "pass", "this", "it", "review", "auth_module", "12%",
            "v2.3", "payment-service", "don't", "team's", "a/b", "x:y", "ask", "have", "get", "update", "email", "a,b",
            "lead", "bot", "me", "everyone", "results", "staging", "canary", "us-east-1", "_x", "x_", "ok,", "OK",
            "Ünï", "ça", "e.g.", "--", "...", "'", "%", "/", "x/", "'s", "..a", "a..", "AUTH", "Module", "12%done",
            "a%b", "a%-b", "deploy", "migration", "ping", "remind", "Notify", "whether", "service", "crew", "cc",
            String(repeating: "long", count: 9), "x=y", "a|b", "semi;colon", "x\u{7F}y", "ctl\u{1}x",
        ]
        let separators = [" ", " ", " ", "  ", ", ", ". ", "! ", "? ", "; ", ": ", "\t", "\n", "\r\n", " - ", " (", ") ", "\"", "\\"]
        return (0..<600).map { _ in
            var text = ""
            for _ in 0..<rng.below(14) {
                text += words[rng.below(words.count)]
                text += separators[rng.below(separators.count)]
            }
            return text
        }
    }()

    /// Training texts, odd texts and generated texts.
    static var texts: [String] {
        let training = (try? Fixtures.training.get().examples.map(\.text)) ?? []
        return training + Fixtures.oddTexts + Fixtures.randomTexts(count: 300, seed: 3) + generated
    }

    /// Whether `text` takes the byte path.
    static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

    @Test func wordTableGivesEachWordItsLists() {
        let table = WordClass.table
        var probes: Set<String> = ["", "x", "tell\u{0}", "seventeen-letters"]
        for (_, list) in WordClass.lists {
            for word in list { probes.formUnion([word, word + "s", String(word.dropLast()), word.uppercased(), "x" + word]) }
        }
        for probe in probes {
            let expected = WordClass.lists.filter { $0.1.contains(probe) }.reduce(WordClass()) { $0.union($1.0) }
            #expect(WordClass(rawValue: table.value(of: probe)) == expected, "\(probe)")
        }
        let long = ByteWordTable(["a": 1, "seventeen-letters": 2, "sixteen-letters!": 4, "": 8])
        #expect(long.value(of: "seventeen-letters") == 2)
        #expect(long.value(of: "sixteen-letters!") == 4)
        #expect(long.value(of: "seventeen-letter") == 0)
        #expect(long.value(of: "") == 8)
        #expect(long.value(of: "b") == 0)
    }

    @Test func asciiFallbackTextMatchesTheScalarRules() {
        var rng = SplitMix64(seed: 9)
        let alphabet = Array("aZ09_-. \t\"\\\u{1}\u{7F}xyz")
        for _ in 0..<2_000 {
            let text = String((0..<rng.below(24)).map { _ in alphabet[rng.below(alphabet.count)] })
            #expect(
                QuantizationAssembler.fallbackText(text) == QuantizationAssembler.fallbackTextFromScalars(text), "\(text.debugDescription)")
        }
        let long = String(repeating: "ab  \"c\" ", count: 300)
        #expect(QuantizationAssembler.fallbackText(long) == QuantizationAssembler.fallbackTextFromScalars(long))
        #expect((QuantizationAssembler.fallbackText(long)?.utf8.count ?? 0) > QuantizationAssembler.maxFallbackTextBytes - 4)
    }

    @Test func byteNormalizationMatchesWireToken() {
        var rng = SplitMix64(seed: 5)
        let alphabet = Array("aZ09._-%/:,;=|' \t\u{1}!@#\u{7F}")
        for _ in 0..<2_000 {
            let word = String((0..<rng.below(16)).map { _ in alphabet[rng.below(alphabet.count)] })
            var tokens: [String] = []
            let bytes = Array(word.utf8)
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3 * bytes.count + 1) { scratch in
                bytes.withUnsafeBufferPointer { word in
                    ASCIIText.forEachNormalizedToken(of: word, scratch: scratch.baseAddress!) {
                        tokens.append(String(decoding: $0, as: UTF8.self))
                    }
                }
            }
            #expect(tokens == WireToken.normalize(word), "\(word.debugDescription)")
        }
    }

    @Test func recipientMatchesTheCharacterRules() {
        let extractor = RecipientExtractor()
        for text in Self.texts {
            #expect(extractor.recipient(in: text) == extractor.recipientFromCharacters(text), "\(text.debugDescription)")
        }
    }

    @Test(arguments: [
        PayloadExtractor(), PayloadExtractor(maxTokens: 2, maxWordsPerToken: 1, maxTokenLength: 8),
        PayloadExtractor(maxTokens: 40, maxWordsPerToken: 5, maxTokenLength: 3),
    ])
    func payloadMatchesTheCharacterRules(_ extractor: PayloadExtractor) {
        for text in Self.texts {
            for excluded in [[], ["bob"], ["qa", "team", "auth_module"]] as [Set<String>] {
                #expect(
                    extractor.extract(from: text, excluding: excluded) == extractor.extractFromCharacters(text, excluding: excluded),
                    "\(text.debugDescription)")
            }
        }
    }

    @Test func thoughtMatchesTheCharacterTemplate() {
        let template = ThoughtTemplate()
        let custom = UCRAnchor(
            index: 0x8001, mnemonic: "RequestCoffee", force: .request, object: "Coffee", canonical: "Request coffee",
            coords: UCR.v1.anchors[0].coords)
        for anchor in UCR.v1.anchors + [custom] {
            for terms in [[], ["auth_module"], ["a", "b_c_d", "e", "f"], ["caf\u{e9}_menu"], ["x_\u{301}y"]] as [[String]] {
                for dst in ["bob", "qa_team", ""] {
                    #expect(
                        template.thought(anchor: anchor, dst: dst, terms: terms)
                            == template.thoughtFromCharacters(anchor: anchor, dst: dst, terms: terms))
                }
            }
        }
    }

    @Test func assemblerExcludesTheReceiverAsTheCharacterPathDoes() {
        let assembler = QuantizationAssembler()
        let contexts = [
            QuantizationContext(src: "alice"), QuantizationContext(src: "alice", dst: "Bob"),
            QuantizationContext(src: "alice", dst: "!!!", defaultDestination: "Qa Team"),
        ]
        for text in Self.texts where Self.isASCII(text) {
            for context in contexts {
                let named = context.dst == nil ? assembler.recipientExtractor.recipientFromCharacters(text) : nil
                let dst =
                    context.dst.flatMap(QuantizationAssembler.agentID) ?? named
                    ?? QuantizationAssembler.agentID(context.defaultDestination) ?? "agent"
                var excluded: Set<String> = [dst.lowercased()]
                if let named { excluded.formUnion(named.split(separator: "_").map(String.init)) }
                let expected = assembler.payloadExtractor.extractFromCharacters(text, excluding: excluded)
                let (fastDst, fastTerms) = assembler.recipientAndTerms(text, context: context)
                #expect(fastDst == dst, "\(text.debugDescription)")
                #expect(fastTerms == expected, "\(text.debugDescription)")
            }
        }
    }

    @Test func agentIDShortcutMatchesNormalization() {
        for name in [
            "alice", "Alice.B-2", "a gent!", "", "!!!", "x:y", String(repeating: "a", count: 64), String(repeating: "a", count: 65), "12%",
            "é",
        ] {
            let id = WireToken.normalize(name).joined(separator: "_")
            #expect(QuantizationAssembler.agentID(name) == (id.isEmpty ? nil : String(id.prefix(64))))
        }
    }

    @Test func immediateV3MatchesTheTranslator() async throws {
        let assembler = QuantizationAssembler()
        let anchors = UCR.v1.anchors
        for (i, text) in Self.texts.enumerated() {
            let anchor = anchors[i % anchors.count]
            for src in ["alice", "Auth_Bot_with_a_really_long_name", "___"] {
                let context = QuantizationContext(src: src, version: .v3)
                let immediate = try #require(
                    assembler.assembleImmediately(
                        text: text, anchor: anchor, confidence: 1, alternatives: [], context: context, engine: "t"))
                var expected = assembler.assembleV1(
                    text: text, anchor: anchor, confidence: 1, alternatives: [], context: context, engine: "t")
                let translation = try await Translator(store: RefOnlyFallbackStore()).translate(expected.message, to: .v3)
                expected.message = translation.message
                expected.payload = translation.message.payload
                #expect(immediate == expected, "\(text.debugDescription)")
            }
        }
        let store = QuantizationContext(src: "alice", version: .v3, fallbackStore: InMemoryFallbackStore())
        let fallback = try #require(UCR.v1.anchor(mnemonic: "Fallback"))
        #expect(
            assembler.assembleImmediately(text: "x", anchor: fallback, confidence: 0, alternatives: [], context: store, engine: "t") == nil)
    }

    @Test(arguments: [WireVersion.v1, .v3])
    func immediateResultIsTheAsyncResult(_ version: WireVersion) async throws {
        let local = try LocalQuantizer.shipped()
        let strict = LocalQuantizer(model: local.model, threshold: 0.9)
        let context = QuantizationContext(src: "alice", version: version)
        for quantizer in [local, strict] {
            for text in Self.texts.prefix(300) + Self.generated.prefix(100) {
                let immediate = try #require(try quantizer.quantizeImmediately(text, context: context))
                #expect(immediate == (try await quantizer.quantize(text, context: context)), "\(text.debugDescription)")
            }
        }
        // A v3 Fallback whose text goes into a store needs the async path.
        let stored = QuantizationContext(src: "alice", version: .v3, fallbackStore: InMemoryFallbackStore())
        let never = LocalQuantizer(model: local.model, threshold: 1.01)
        #expect(try never.quantizeImmediately("Please review the auth module", context: stored) == nil)
        #expect(try local.quantizeImmediately("Please review the auth module", context: stored) != nil)
    }

    @Test(arguments: [0, 1, 3, 18, 30])
    func decisionMatchesClassify(_ alternatives: Int) throws {
        let local = try LocalQuantizer.shipped()
        let context = QuantizationContext(src: "alice", alternatives: alternatives)
        for text in Self.texts.prefix(400) + Self.generated.prefix(100) {
            let prediction = local.classify(text, top: alternatives + 1)
            let result = try local.quantizeV1(text, context: context)
            #expect(result.anchor.mnemonic == prediction.decided)
            #expect(result.confidence == prediction.confidence)
            #expect(result.alternatives == Array(prediction.ranked.filter { $0.anchor != prediction.decided }.prefix(alternatives)))
        }
    }
}

import SlipstreamCore
import SlipstreamDatasets
import Testing

/// The Swift example of docs/data.md, with its printed values.
@Suite struct DocsExampleTests {
    @Test func theDocsExampleDoesWhatItSays() async throws {
        let line =
            #"{"conversations": [{"from": "human", "value": "Ship it"}, {"from": "gpt", "value": "SLIP: SLIP v1 ci ops RequestTask build:42"}]}"#
        var checker = DatasetChecker(configuration: .init(wire: .v1))
        let problems = checker.check(line, number: 1)
        #expect(problems.map(\.code) == [.missingSystemPrompt, .wireNotStrict])
        #expect(problems[0].description == "line 1: warning missing_system_prompt: the conversation has no system turn")
        #expect(problems[1].description.hasSuffix("gives `SLIP v1 ci ops RequestTask build 42`"))
        #expect(checker.summary.passed == false)

        let converter = DatasetConverter(to: .v3, translator: Translator(store: InMemoryFallbackStore()), systemPrompts: [:])
        let converted = try await converter.convert(try DatasetRow(jsonLine: line))
        #expect(converted.row.gpt == "SLIP: SLIP v3 ci ops Request Task build 42")
        let alpaca = DatasetExporter(format: .alpaca).export(try TQTExample(row: converted.row), systemPrompt: "").pythonLineText
        #expect(
            alpaca
                == #"{"instruction": "Communicate using Slipstream v3 protocol: Ship it", "input": "", "output": "SLIP v3 ci ops Request Task build 42"}"#
        )
    }
}

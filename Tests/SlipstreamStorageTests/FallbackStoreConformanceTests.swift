import Foundation
import PostgresNIO
import SlipstreamCore
import SlipstreamPostgres
import SlipstreamSQLite
import Testing

/// Every ``FallbackStore`` passes the same checks: the SQLite store on a real file, the PostgreSQL store on
/// the real server named by $SLIPSTREAM_POSTGRES_URL (scripts/test.sh starts one).
@Suite struct FallbackStoreConformanceTests {
    enum Kind: String, CaseIterable, Sendable {
        case memory, sqlite, postgres
    }

    static let postgresURL = ProcessInfo.processInfo.environment["SLIPSTREAM_POSTGRES_URL"]

    /// The kinds this machine can run: PostgreSQL only with a server.
    static let kinds = Kind.allCases.filter { $0 != .postgres || postgresURL != nil }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("fallback-\(UUID()).sqlite").path
    }

    /// A table of its own for each PostgreSQL test, dropped afterwards.
    static func temporaryTable() -> String {
        "fallback_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }

    /// Runs `body` with a new, empty store of `kind`.
    static func withStore(_ kind: Kind, _ body: (any FallbackStore) async throws -> Void) async throws {
        switch kind {
        case .memory:
            try await body(InMemoryFallbackStore())
        case .sqlite:
            let path = temporaryPath()
            defer { try? FileManager.default.removeItem(atPath: path) }
            try await body(try SQLiteFallbackStore(path: path))
        case .postgres:
            try await PostgresFallbackStore.withStore(url: try #require(postgresURL), table: temporaryTable()) { store in
                try await body(store)
                try await store.client.query("DROP TABLE \(unescaped: store.table)")
            }
        }
    }

    @Test(arguments: kinds)
    func aStoredTextComesBackByItsContentAddressedRef(_ kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            let text = "please check the pods, they look odd"
            let ref = try await store.store(text)
            #expect(ref == InMemoryFallbackStore.ref(for: text))
            #expect(ref.count == 11 && WireToken.isAlphanumeric(ref))
            #expect(try await store.retrieve(ref) == text)
            #expect(try await store.store(text) == ref)
            #expect(try await store.retrieve("ref00000000") == nil)
        }
    }

    @Test(arguments: kinds)
    func anyTextRoundTrips(_ kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            for text in ["", "é 日本 😀 \u{0} \"quoted\" \\ back\nslash", String(repeating: "long text ", count: 20_000)] {
                let ref = try await store.store(text)
                #expect(try await store.retrieve(ref) == text)
            }
        }
    }

    /// "fallback text 5911" and "fallback text 116883" share the first 8 hex digits of their SHA-256
    /// (b264f090), found by search.
    @Test(arguments: kinds)
    func collidingTextsKeepRefsOfTheirOwn(_ kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            let (first, second) = ("fallback text 5911", "fallback text 116883")
            #expect(InMemoryFallbackStore.ref(for: first) == InMemoryFallbackStore.ref(for: second))
            let firstRef = try await store.store(first)
            let secondRef = try await store.store(second)
            #expect(firstRef == "refb264f090")
            #expect(secondRef == "refb264f0907")
            #expect(try await store.retrieve(firstRef) == first)
            #expect(try await store.retrieve(secondRef) == second)
            #expect(try await store.store(second) == secondRef)
        }
    }

    @Test(arguments: kinds)
    func concurrentStoresLoseNothing(_ kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            let refs = try await withThrowingTaskGroup(of: (String, String).self) { group in
                for i in 0..<200 {
                    group.addTask { ("text \(i)", try await store.store("text \(i)")) }
                }
                return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            #expect(refs.count == 200)
            for (text, ref) in refs { #expect(try await store.retrieve(ref) == text) }
        }
    }
}

@Suite struct SQLiteFallbackStoreTests {
    @Test func textsOutliveTheStoreAndAreSharedByStoresOnOneFile() async throws {
        let path = FallbackStoreConformanceTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ref = try await SQLiteFallbackStore(path: path).store("kept across runs")
        let reopened = try SQLiteFallbackStore(path: path)
        #expect(try await reopened.retrieve(ref) == "kept across runs")

        // Two stores on one file (as two processes would be) writing at once.
        let other = try SQLiteFallbackStore(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<100 {
                let store = i % 2 == 0 ? reopened : other
                group.addTask { _ = try await store.store("shared \(i)") }
            }
            try await group.waitForAll()
        }
        #expect(try await reopened.count() == 101)
    }

    @Test func aFileThatIsNotADatabaseIsAClearError() throws {
        let path = FallbackStoreConformanceTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(String(repeating: "not a database ", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SQLiteFallbackStore(path: path)
        } throws: { error in
            guard let error = error as? FallbackStoreError else { return false }
            return error.code == .storage && error.message.contains(path) && error.underlying != nil
        }
    }
}

@Suite(.enabled(if: FallbackStoreConformanceTests.postgresURL != nil, "set SLIPSTREAM_POSTGRES_URL to a PostgreSQL server"))
struct PostgresFallbackStoreTests {
    /// Two clients on one table, as agents on two machines would be: what one stores, the other reads,
    /// and storing at once loses nothing.
    @Test func twoClientsShareTheTexts() async throws {
        let url = try #require(FallbackStoreConformanceTests.postgresURL)
        let table = FallbackStoreConformanceTests.temporaryTable()
        try await PostgresFallbackStore.withStore(url: url, table: table) { first in
            try await PostgresFallbackStore.withStore(url: url, table: table) { second in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for i in 0..<100 {
                        let store = i % 2 == 0 ? first : second
                        group.addTask { _ = try await store.store("shared \(i)") }
                    }
                    try await group.waitForAll()
                }
                for i in 0..<100 {
                    #expect(try await first.retrieve(InMemoryFallbackStore.ref(for: "shared \(i)")) == "shared \(i)")
                }
            }
            try await first.client.query("DROP TABLE \(unescaped: table)")
        }
    }

    /// Agents starting at the same moment on a new database each create the table: none fails.
    @Test func storesPreparingOneNewTableAtOnceAllSucceed() async throws {
        let url = try #require(FallbackStoreConformanceTests.postgresURL)
        let table = FallbackStoreConformanceTests.temporaryTable()
        let client = PostgresClient(configuration: try PostgresFallbackStore.configuration(url: url))
        try await withThrowingTaskGroup(of: Void.self) { running in
            running.addTask { await client.run() }
            defer { running.cancelAll() }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await PostgresFallbackStore(client: client, table: table).prepare() }
                }
                try await group.waitForAll()
            }
            try await client.query("DROP TABLE \(unescaped: table)")
        }
    }

    @Test(arguments: ["mysql://a@b/c", "postgres://host-without-user/db", "not a url"])
    func aURLThatIsNotPostgresIsAClearError(_ url: String) {
        #expect {
            _ = try PostgresFallbackStore.configuration(url: url)
        } throws: { error in
            (error as? FallbackStoreError)?.message.contains(url.debugDescription) == true
        }
    }

    @Test func tableNamesAreCheckedIdentifiers() throws {
        let url = try #require(FallbackStoreConformanceTests.postgresURL)
        let client = PostgresClient(configuration: try PostgresFallbackStore.configuration(url: url))
        #expect(throws: FallbackStoreError.self) { try PostgresFallbackStore(client: client, table: "texts; DROP TABLE x") }
        #expect(throws: Never.self) { try PostgresFallbackStore(client: client, table: "team_a_texts") }
    }
}

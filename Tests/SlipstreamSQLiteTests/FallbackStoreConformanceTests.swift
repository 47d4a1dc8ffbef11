import Foundation
import SlipstreamCore
import SlipstreamSQLite
import Testing

/// Every ``FallbackStore`` passes the same checks; the SQLite store on a real file.
@Suite struct FallbackStoreConformanceTests {
    enum Kind: String, CaseIterable, Sendable {
        case memory, sqlite
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("fallback-\(UUID()).sqlite").path
    }

    static func make(_ kind: Kind) throws -> any FallbackStore {
        switch kind {
        case .memory: InMemoryFallbackStore()
        case .sqlite: try SQLiteFallbackStore(path: temporaryPath())
        }
    }

    @Test(arguments: Kind.allCases)
    func aStoredTextComesBackByItsContentAddressedRef(_ kind: Kind) async throws {
        let store = try Self.make(kind)
        let text = "please check the pods, they look odd"
        let ref = try await store.store(text)
        #expect(ref == InMemoryFallbackStore.ref(for: text))
        #expect(ref.count == 11 && WireToken.isAlphanumeric(ref))
        #expect(try await store.retrieve(ref) == text)
        #expect(try await store.store(text) == ref)
        #expect(try await store.retrieve("ref00000000") == nil)
    }

    @Test(arguments: Kind.allCases)
    func anyTextRoundTrips(_ kind: Kind) async throws {
        let store = try Self.make(kind)
        for text in ["", "é 日本 😀 \u{0} \"quoted\" \\ back\nslash", String(repeating: "long text ", count: 20_000)] {
            let ref = try await store.store(text)
            #expect(try await store.retrieve(ref) == text)
        }
    }

    /// "fallback text 5911" and "fallback text 116883" share the first 8 hex digits of their SHA-256
    /// (b264f090), found by search.
    @Test(arguments: Kind.allCases)
    func collidingTextsKeepRefsOfTheirOwn(_ kind: Kind) async throws {
        let store = try Self.make(kind)
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

    @Test(arguments: Kind.allCases)
    func concurrentStoresLoseNothing(_ kind: Kind) async throws {
        let store = try Self.make(kind)
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

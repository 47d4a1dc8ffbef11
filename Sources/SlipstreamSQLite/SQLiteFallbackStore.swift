import Foundation
import GRDB
import SlipstreamCore

/// A ``FallbackStore`` in a SQLite file: the texts outlive the process, and processes may share the file.
///
/// Each text is written in its own transaction before its ref is returned, so a ref that went out on a
/// wire always resolves, even after a crash.
///
/// ```swift
/// let store = try SQLiteFallbackStore(path: "fallback.sqlite")
/// let ref = try await store.store("please check the pods")  // "ref" + 8 hex digits
/// try await store.retrieve(ref)                              // "please check the pods"
/// ```
public final class SQLiteFallbackStore: FallbackStore {
    /// The database file.
    public let path: String
    private let database: DatabasePool

    /// Opens (or creates) the store at `path`; another process holding the file's lock is waited for up
    /// to `busyTimeout` seconds.
    public init(path: String, busyTimeout: Double = 5) throws(FallbackStoreError) {
        self.path = path
        do {
            database = try SQLiteDatabase.open(path: path, busyTimeout: busyTimeout, migrator: Self.migrator)
        } catch {
            throw FallbackStoreError(.storage, "cannot open the fallback store \(path.debugDescription)", underlying: error)
        }
    }

    public func store(_ text: String) async throws -> String {
        let bytes = Data(text.utf8)
        return try await FallbackStoreError.storage("store a text in \(path.debugDescription)") {
            try await database.write { db in
                for ref in Self.candidateRefs(for: text) {
                    guard let held = try Data.fetchOne(db, sql: "SELECT text FROM fallback_texts WHERE ref = ?", arguments: [ref])
                    else {
                        try db.execute(sql: "INSERT INTO fallback_texts (ref, text) VALUES (?, ?)", arguments: [ref, bytes])
                        return ref
                    }
                    if held == bytes { return ref }
                }
                throw FallbackStoreError.refsExhausted(for: text)
            }
        }
    }

    public func retrieve(_ ref: String) async throws -> String? {
        let bytes = try await FallbackStoreError.storage("read ref \(ref.debugDescription) from \(path.debugDescription)") {
            try await database.read { db in
                try Data.fetchOne(db, sql: "SELECT text FROM fallback_texts WHERE ref = ?", arguments: [ref])
            }
        }
        return bytes.map { String(decoding: $0, as: UTF8.self) }
    }

    /// How many texts are stored.
    public func count() async throws -> Int {
        try await FallbackStoreError.storage("count the texts in \(path.debugDescription)") {
            try await database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM fallback_texts") ?? 0 }
        }
    }

    /// The schema, one migration per change (applied once per file, in order).
    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("fallback_texts") { db in
            try db.create(table: "fallback_texts") { table in
                table.primaryKey("ref", .text)
                // UTF-8 bytes: SQLite's text functions would cut a text at its first NUL.
                table.column("text", .blob).notNull()
                table.column("stored_at", .datetime).notNull().defaults(sql: "CURRENT_TIMESTAMP")
            }
        }
        return migrator
    }
}

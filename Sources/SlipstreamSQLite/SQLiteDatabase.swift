import Foundation
import GRDB

/// How the SQLite stores open their files: WAL (readers do not block the writer), every commit synced to
/// disk before it returns, another process's lock waited for up to a timeout, the schema brought up to date.
enum SQLiteDatabase {
    /// Opens (or creates) the database at `path` and applies `migrator`'s migrations.
    static func open(path: String, busyTimeout: Double, migrator: DatabaseMigrator) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        let database = try openPool(path: path, configuration: configuration, busyTimeout: busyTimeout)
        // GRDB's WAL setup chooses NORMAL, which may lose the last commits on power loss; what a store has
        // accepted must stay.
        try database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        // Processes opening a new file at once race to apply a migration (GRDB checks what is applied
        // before it locks the file); the loser finds it applied when it tries again.
        var retries = 0
        while true {
            do {
                try migrator.migrate(database)
                return database
            } catch  where retries < 2 {
                retries += 1
            }
        }
    }

    /// The pool of the file at `path`. Its connection switches a new file to WAL, which SQLite refuses at
    /// once (SQLITE_BUSY, without waiting) while another process is doing the same: try again for up to
    /// `busyTimeout` seconds.
    private static func openPool(path: String, configuration: Configuration, busyTimeout: Double) throws -> DatabasePool {
        let deadline = ContinuousClock.now + .milliseconds(Int64(busyTimeout * 1000))
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && ContinuousClock.now < deadline {
                usleep(20_000)
            }
        }
    }
}

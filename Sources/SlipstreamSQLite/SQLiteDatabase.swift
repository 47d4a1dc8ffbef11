import GRDB

/// How the SQLite stores open their files: WAL (readers do not block the writer), another process's
/// lock waited for up to a timeout, the schema brought up to date.
enum SQLiteDatabase {
    /// Opens (or creates) the database at `path` and applies `migrator`'s migrations.
    static func open(path: String, busyTimeout: Double, migrator: DatabaseMigrator) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        let database = try DatabasePool(path: path, configuration: configuration)
        try migrator.migrate(database)
        return database
    }
}

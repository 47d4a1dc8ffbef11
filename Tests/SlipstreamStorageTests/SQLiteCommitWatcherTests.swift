import Foundation
import SlipstreamHub
import Testing

@testable import SlipstreamSQLite

/// The inotify watch under ``SQLiteHubStore``, on plain files: the `-wal` file made after the watch
/// started, written, truncated (what a checkpoint may do), deleted and made again.
@Suite struct SQLiteCommitWatcherTests {
    @Test func everyChangeOfTheWALFileIsSeenWhateverHappensToTheFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = directory + "/hub.sqlite"
        let wal = database + "-wal"
        #expect(FileManager.default.createFile(atPath: database, contents: nil))

        // The signal's generation counts the changes reported.
        let changes = HubSignal()
        let watcher = try #require(SQLiteCommitWatcher(database: database) { changes.notify() })
        /// Whether `count` changes were reported before the test's deadline (10 minutes; the changes come at
        /// once, the margin is for a machine whose test threads are busy).
        func reported(_ count: UInt64) async throws -> Bool {
            try await changes.wait(until: { changes.generation >= count }, timeout: .seconds(600), poll: .seconds(600))
            return changes.generation >= count
        }

        // Each step is one system call, so one event.
        var file = open(wal, O_CREAT | O_WRONLY, 0o644)
        #expect(try await reported(1), "a -wal file made after the watch started")
        #expect(write(file, "frame", 5) == 5)
        #expect(try await reported(2), "a write")
        #expect(ftruncate(file, 0) == 0)
        #expect(try await reported(3), "a truncation")
        close(file)
        // Deleted (the watch on it ends), another file of the directory made (does not count), made again.
        #expect(unlink(wal) == 0)
        #expect(FileManager.default.createFile(atPath: directory + "/notes.txt", contents: Data("x".utf8)))
        file = open(wal, O_CREAT | O_WRONLY, 0o644)
        #expect(try await reported(4), "the -wal file made again")
        #expect(write(file, "frame", 5) == 5)
        #expect(try await reported(5), "a write to the new file")
        close(file)
        #expect(changes.generation == 5)
        withExtendedLifetime(watcher) {}
    }

    @Test func aDatabaseThatIsNotThereIsNotWatched() {
        #expect(SQLiteCommitWatcher(database: "/nonexistent-\(UUID())/hub.sqlite") {} == nil)
    }
}

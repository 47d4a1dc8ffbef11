import Foundation
import SlipstreamCore
import SlipstreamHub
import SlipstreamSQLite
import SlipstreamTestSupport
import Testing

/// What only the SQLite store does: wake receivers for other processes' commits through its watch on the
/// file, poll where it has none, and let go of the watch with the store.
@Suite struct SQLiteHubStoreTests {
    static func temporaryPath() -> String { FallbackStoreConformanceTests.temporaryPath() }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Runs the `slipstream` binary with `arguments` to its end, on a thread of its own (not the
    /// concurrency pool the waiting receiver needs); its standard output.
    static func slipstream(_ arguments: [String]) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try Subprocess.run(Repository.slipstream, arguments) }) }
        }
    }

    /// How many inotify watches of this process are on the file at `path` (from /proc/self/fdinfo).
    static func inotifyWatches(on path: String) throws -> Int {
        let inode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
        let field = " ino:\(String(inode, radix: 16)) "
        var watches = 0
        for descriptor in try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fdinfo") {
            guard let info = try? String(contentsOfFile: "/proc/self/fdinfo/\(descriptor)", encoding: .utf8) else { continue }
            watches += info.split(separator: "\n").count { $0.hasPrefix("inotify wd:") && $0.contains(field) }
        }
        return watches
    }

    @Test func aFileThatIsNotADatabaseIsAClearError() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(String(repeating: "not a database ", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: HubError.self) { try SQLiteHubStore(path: path) }
        #expect(error.code == .storage && error.message.contains(path) && error.underlying != nil)
    }

    /// Processes opening one new file at once all open it: SQLite refuses the switch to WAL at once while
    /// another process makes it, and the store tries again. (Without that, about one pair in four failed
    /// here, and a CLI test starting two `hub serve` on one file failed so.)
    @Test func processesOpeningOneNewFileAtOnceAllOpenIt() throws {
        for _ in 0..<20 {
            let path = Self.temporaryPath()
            defer { Self.remove(path) }
            let processes = (0..<2).map { _ in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: Repository.slipstream)
                process.arguments = ["hub", "stats", "--store", path]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                return process
            }
            for process in processes { try process.run() }
            for process in processes { process.waitUntilExit() }
            #expect(processes.map(\.terminationStatus) == [0, 0])
        }
    }

    /// A `slipstream hub send` process appends to the file a receiver in this process waits on. The
    /// receiver's store polls once an hour, so only the watch can hand it the message before the test's
    /// deadline of 10 minutes (it comes at once; the margins are for a machine whose test threads are busy).
    @Test func aReceiverIsWokenByASlipstreamProcessSendingToTheFile() async throws {
        let path = Self.temporaryPath()
        defer { Self.remove(path) }
        let store = try SQLiteHubStore(path: path, pollInterval: .seconds(3600))
        #expect(store.isWatching && store.pollInterval == .seconds(3600))
        let hub = Hub(store: store, configuration: HubConfiguration(maxWait: .seconds(1200)))
        async let received = HubStoreConformanceTests.result(within: .seconds(600)) {
            try await hub.receive(agent: "bob", wait: .seconds(1200))
        }
        let sent = try await Self.slipstream(["hub", "send", "SLIP v1 alice bob RequestReview auth_module", "--store", path])
        #expect(sent == "line 1: id 1 to bob\n")
        let messages = try await received
        #expect(messages?.map(\.wire) == ["SLIP v1 alice bob RequestReview auth_module"], "the receiver was not woken within 10 minutes")
    }

    /// Without the watch (here turned off; also where inotify is unavailable) other instances' appends are
    /// seen by polling, every 100 ms unless told otherwise.
    @Test func withoutAWatchOtherInstancesAppendsAreSeenByPolling() async throws {
        let path = Self.temporaryPath()
        defer { Self.remove(path) }
        let unwatched = try SQLiteHubStore(path: path, watch: false)
        #expect(!unwatched.isWatching && unwatched.pollInterval == .milliseconds(100))
        #expect(try SQLiteHubStore(path: path).pollInterval == .seconds(2))

        let waiting = try SQLiteHubStore(path: path, pollInterval: .milliseconds(20), watch: false)
        async let received = Hub(store: waiting, configuration: HubConfiguration(maxWait: .seconds(600))).receive(
            agent: "bob", wait: .seconds(600))
        let id = try await unwatched.append(HubStoreConformanceTests.envelope("alice", "bob"), to: ["bob"])
        #expect(try await received.map(\.id) == [id])
    }

    /// A store's watch goes with it: once the store is released, no inotify descriptor of the process
    /// watches the file any more (another instance, without a watch, keeps the `-wal` file there).
    @Test func releasingAStoreClosesItsWatch() throws {
        let path = Self.temporaryPath()
        defer { Self.remove(path) }
        let keeper = try SQLiteHubStore(path: path, watch: false)
        var store: SQLiteHubStore? = try SQLiteHubStore(path: path)
        #expect(store?.isWatching == true)
        #expect(try Self.inotifyWatches(on: path + "-wal") == 1)
        store = nil
        #expect(try Self.inotifyWatches(on: path + "-wal") == 0)
        withExtendedLifetime(keeper) {}
    }
}

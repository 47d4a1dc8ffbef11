#if canImport(Glibc)
import Dispatch
import Glibc

/// Tells when any process may have committed to a SQLite database in WAL mode: watches the database's
/// `-wal` file with inotify (a commit appends its pages there; the database file itself changes only when
/// a checkpoint copies them back) and the file's directory for the `-wal` file being made again.
///
/// One inotify descriptor and one dispatch source per watcher, no thread of its own; `onChange` runs on
/// the source's queue, once per batch of events, and may block. Releasing the watcher stops it: it waits
/// for a running `onChange`, then closes the descriptor.
///
/// An event comes while the writer is still writing: its commit is visible only once it lets go of the
/// write lock, which `onChange` has to wait for.
final class SQLiteCommitWatcher: @unchecked Sendable {  // after init, only `cancel()` (thread-safe) touches the source
    private let source: any DispatchSourceRead
    private let closed = DispatchSemaphore(value: 0)

    /// A watcher of the database at `path` (which exists); nil when inotify is not available (no instance
    /// left for this user, a system or filesystem without it), so the store polls instead.
    init?(database path: String, onChange: @escaping @Sendable () -> Void) {
        guard let resolved = realpath(path, nil) else { return nil }
        let database = String(cString: resolved)
        free(resolved)
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let slash = database.lastIndex(of: "/") ?? database.startIndex
        let events = Events(
            descriptor: descriptor, directory: slash == database.startIndex ? "/" : String(database[..<slash]),
            walName: String(database[database.index(after: slash)...]) + "-wal")
        // The directory first: a `-wal` file made after the look for it below is then still seen.
        guard events.watchDirectory() else {
            close(descriptor)
            return nil
        }
        events.watchWAL()
        source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: DispatchQueue(label: "slipstream.sqlite.commits"))
        source.setEventHandler {
            if events.drain() { onChange() }
        }
        source.setCancelHandler { [closed] in
            close(descriptor)
            closed.signal()
        }
        source.resume()
    }

    deinit {
        source.cancel()
        closed.wait()
    }

    /// The inotify descriptor's watches and what its events mean; used on the source's queue only.
    private final class Events: @unchecked Sendable {  // touched by init, then only on the source's serial queue
        let descriptor: Int32
        let directory: String
        let walName: String
        var directoryWatch: Int32 = -1
        var walWatch: Int32 = -1

        init(descriptor: Int32, directory: String, walName: String) {
            self.descriptor = descriptor
            self.directory = directory
            self.walName = walName
        }

        func watchDirectory() -> Bool {
            directoryWatch = inotify_add_watch(descriptor, directory, UInt32(IN_CREATE | IN_MOVED_TO | IN_ONLYDIR))
            return directoryWatch >= 0
        }

        /// Watches the `-wal` file when it is there (the same watch again when it already was).
        func watchWAL() {
            walWatch = inotify_add_watch(descriptor, directory + "/" + walName, UInt32(IN_MODIFY))
        }

        /// Reads every waiting event; whether one may mean a commit.
        func drain() -> Bool {
            var changed = false
            var buffer = [UInt8](repeating: 0, count: 16_384)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return changed }  // EAGAIN: nothing more for now
                var offset = 0
                while offset + 16 <= count {
                    let (watch, mask, length) = buffer.withUnsafeBytes { bytes in
                        (
                            bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                            bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                            Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                        )
                    }
                    let name = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                    offset += 16 + length
                    if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        changed = true  // events were lost: any of them may have been a commit
                    } else if watch == walWatch && walWatch >= 0 {
                        if mask & UInt32(IN_MODIFY) != 0 { changed = true }
                        if mask & UInt32(IN_IGNORED) != 0 { walWatch = -1 }  // the file is gone
                    } else if watch == directoryWatch && name.elementsEqual(walName.utf8) {
                        // A new `-wal` file (the last connection anywhere deleted the old one): watch it; what
                        // was written to it before the watch counts too.
                        watchWAL()
                        changed = true
                    }
                }
            }
        }
    }
}
#else
/// No inotify here: the store polls.
final class SQLiteCommitWatcher: Sendable {
    init?(database path: String, onChange: @escaping @Sendable () -> Void) { return nil }
}
#endif

import Foundation

/// One controller per database: an exclusive advisory lock (`flock(2)`, `LOCK_EX | LOCK_NB`) on the
/// file `DATABASE.lock`, taken before the database is opened and held for the life of the process
/// (the kernel releases it when the process ends, however it ends). A second `heliogrid serve` on
/// the same database fails at once, naming the process that holds it; readers such as
/// `heliogrid token` do not take the lock.
public final class ControllerLock: Sendable {
    /// The lock file.
    public let path: String
    private let descriptor: Int32

    /// Takes the lock of the database at `databasePath`; throws if another controller holds it.
    public init(databasePath: String) throws {
        path = databasePath + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError("cannot open lock file \(path): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.holder(fd)
            close(fd)
            throw StoreError("another heliogrid serve controls this database\(holder.map { " (process \($0))" } ?? "") — "
                             + "one controller per database; stop it or use another --db (lock file \(path))")
        }
        ftruncate(fd, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(fd, $0, strlen($0)) }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// The process id the holder wrote into the lock file, if readable.
    private static func holder(_ fd: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

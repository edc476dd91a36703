import GRDB

/// Holds a database's write lock from a connection of its own until released (another writer
/// the control loop must not wait for).
final class WriteLockHolder {
    private let queue: DatabaseQueue

    init(path: String) throws {
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
    }

    func release() throws {
        try queue.inDatabase { db in try db.execute(sql: "COMMIT") }
    }
}

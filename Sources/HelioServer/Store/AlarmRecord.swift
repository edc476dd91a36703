import GRDB

/// One alarm as stored in the `alarms` table: raised at a plant time, open until cleared.
public struct AlarmRecord: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "alarms"
    /// Row id.
    public var id: Int64?
    /// When it was raised, Unix ms (plant clock).
    public var raisedMS: Int64
    /// What it is about: an ``AlarmKind`` raw value.
    public var kind: String
    /// What the operator reads.
    public var message: String
    /// When it was cleared, Unix ms; `nil` while open.
    public var clearedMS: Int64?

    enum CodingKeys: String, CodingKey {
        case id, kind, message
        case raisedMS = "ts_ms", clearedMS = "cleared_ms"
    }

    /// An open alarm.
    public init(kind: String, message: String, raisedMS: Int64) {
        self.kind = kind
        self.message = message
        self.raisedMS = raisedMS
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

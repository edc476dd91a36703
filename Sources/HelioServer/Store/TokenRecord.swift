import GRDB

/// One API bearer token as stored in the `tokens` table: only the SHA-256 of the token is kept.
public struct TokenRecord: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "tokens"
    /// Row id.
    public var id: Int64?
    /// Hex SHA-256 of the token.
    public var hash: String
    /// What the token may do.
    public var scope: TokenScope
    /// Who or what it is for.
    public var label: String
    /// When it was created, Unix ms.
    public var createdMS: Int64

    enum CodingKeys: String, CodingKey {
        case id, hash, scope, label
        case createdMS = "created_ms"
    }

    /// A token record; see the properties.
    public init(hash: String, scope: TokenScope, label: String, createdMS: Int64) {
        self.hash = hash
        self.scope = scope
        self.label = label
        self.createdMS = createdMS
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A database failure: the file could not be opened, read or written, or a read ran past its time
/// limit or asked for too much.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The database failed (a full disk, an I/O error, a lock held too long).
        case failed
        /// A read ran past ``EMSStore/readTimeLimit`` and was interrupted.
        case timeLimit
        /// A read asked for more than the store answers at once (a narrower one is answered).
        case tooLarge
    }

    /// What went wrong.
    public var kind: Kind
    /// What failed, with the underlying reason.
    public var message: String

    /// A database failure.
    public init(_ message: String) { self.init(.failed, message) }

    /// An error of `kind`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

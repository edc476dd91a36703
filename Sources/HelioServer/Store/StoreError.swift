/// A database failure: the file could not be opened, read or written.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What failed, with the underlying reason.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

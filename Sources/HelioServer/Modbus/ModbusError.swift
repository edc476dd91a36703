/// A Modbus failure: no connection, a timeout, a malformed reply or an exception response.
public struct ModbusError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

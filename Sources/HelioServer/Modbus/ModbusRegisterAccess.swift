/// Reads and writes of holding registers: a Modbus TCP session with real equipment, or an
/// in-memory register bank in tests. Everything read through it is untrusted input.
protocol ModbusRegisterAccess {
    /// Reads `count` holding registers from `address` of `unit`.
    mutating func readHoldingRegisters(unit: Int, address: Int, count: Int) async throws -> [UInt16]
    /// Writes `values` from `address` of `unit`.
    mutating func writeRegisters(unit: Int, address: Int, values: [UInt16]) async throws
}

extension ModbusRegisterAccess {
    /// Throws unless `count` registers from `address` lie within the 16-bit register space and one
    /// request carries them (Modbus Application Protocol V1.1b3 §6.3: 1…125 registers per read;
    /// §6.12: 1…123 per write).
    static func checkRange(unit: Int, address: Int, count: Int, maxCount: Int) throws {
        guard (1...maxCount).contains(count) else {
            throw ModbusError("unit \(unit): cannot transfer \(count) registers in one request (1…\(maxCount))")
        }
        guard address >= 0, address <= 65_536 - count else {
            throw ModbusError("unit \(unit): registers \(address)…\(address + count - 1) lie outside the register space 0…65535")
        }
        guard (0...255).contains(unit) else { throw ModbusError("unit \(unit) is outside 0…255") }
    }
}

@testable import HelioServer

/// Holding registers in memory, per unit, answering like a device: a request outside the bank is
/// exception 2 (illegal data address), a request the protocol forbids is refused as the session does.
struct RegisterBank: ModbusRegisterAccess {
    var units: [Int: [UInt16]]

    mutating func readHoldingRegisters(unit: Int, address: Int, count: Int) async throws -> [UInt16] {
        try Self.checkRange(unit: unit, address: address, count: count, maxCount: 125)
        guard let registers = units[unit], address + count <= registers.count else { throw ModbusError("unit \(unit): exception 2 (illegal data address)") }
        return Array(registers[address..<(address + count)])
    }

    mutating func writeRegisters(unit: Int, address: Int, values: [UInt16]) async throws {
        try Self.checkRange(unit: unit, address: address, count: values.count, maxCount: 123)
        guard var registers = units[unit], address + values.count <= registers.count else { throw ModbusError("unit \(unit): exception 2 (illegal data address)") }
        registers.replaceSubrange(address..<(address + values.count), with: values)
        units[unit] = registers
    }
}

import HelioGrid

extension ModbusRegister {
    /// The engineering value of raw registers (high word first for 32-bit types).
    func value(_ registers: [UInt16]) -> Double {
        let raw: Double
        switch kind {
        case .int16: raw = Double(Int16(bitPattern: registers[0]))
        case .uint16: raw = Double(registers[0])
        case .int32: raw = Double(Int32(bitPattern: UInt32(registers[0]) << 16 | UInt32(registers[1])))
        case .uint32: raw = Double(UInt32(registers[0]) << 16 | UInt32(registers[1]))
        }
        return raw * scale
    }

    /// Registers for an engineering value, rounded to the register's resolution; throws when it does not fit.
    func registers(for value: Double) throws -> [UInt16] {
        let raw = (value / scale).rounded()
        switch kind {
        case .int16:
            guard let v = Int16(exactly: raw) else { throw ModbusError("\(value) does not fit an int16 register at \(address)") }
            return [UInt16(bitPattern: v)]
        case .uint16:
            guard let v = UInt16(exactly: raw) else { throw ModbusError("\(value) does not fit a uint16 register at \(address)") }
            return [v]
        case .int32:
            guard let v = Int32(exactly: raw) else { throw ModbusError("\(value) does not fit an int32 register at \(address)") }
            let bits = UInt32(bitPattern: v)
            return [UInt16(bits >> 16), UInt16(bits & 0xFFFF)]
        case .uint32:
            guard let v = UInt32(exactly: raw) else { throw ModbusError("\(value) does not fit a uint32 register at \(address)") }
            return [UInt16(v >> 16), UInt16(v & 0xFFFF)]
        }
    }
}

/// One holding register (or register pair) of a genset controller or meter, from `[modbus.registers]`:
/// `{ address = 100, type = "int32", scale = 0.1 }` — value in kW (or units) = raw × scale; 32-bit
/// types are two registers, high word first.
public struct ModbusRegister: Sendable, Equatable {
    /// Register encodings.
    public enum Kind: String, Sendable, CaseIterable {
        case int16, uint16, int32, uint32

        /// Registers the value occupies.
        public var count: Int { self == .int16 || self == .uint16 ? 1 : 2 }
    }

    /// 0-based holding-register address.
    public var address: Int
    /// Encoding.
    public var kind: Kind
    /// Engineering value per raw count.
    public var scale: Double

    /// Creates a register description.
    public init(address: Int, kind: Kind, scale: Double = 1) {
        self.address = address
        self.kind = kind
        self.scale = scale
    }

    init(_ section: inout ScenarioSection) throws {
        address = try section.int("address", in: 0...65_534)
        let name = try section.choice("type", default: "uint16", in: Kind.allCases.map(\.rawValue))
        kind = Kind(rawValue: name)!
        scale = try section.double("scale", default: 1, in: -1e6...1e6)
        guard scale != 0 else { throw section.error("scale", "must not be 0") }
        try section.finish()
    }
}

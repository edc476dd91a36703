/// Where a SunSpec device keeps its models: found by walking the model list from the `SunS` marker
/// (SunSpec Information Model Specification v1.0: marker 0x53756E53, then per model its ID, its
/// length L and L registers, ended by ID 0xFFFF).
struct SunSpecMap: Sendable, Equatable {
    /// Address of the first data register of each model, by model ID.
    var modelStart: [Int: Int]

    /// Inverter (three-phase): W at offset 12, W_SF at 13.
    static let inverter = 103
    /// Nameplate: WRtg at 1, WRtg_SF at 2.
    static let nameplate = 120
    /// Immediate controls: WMaxLimPct at 3, WMaxLim_Ena at 7, WMaxLimPct_SF at 21.
    static let controls = 123
    /// Storage: WChaMax 0, StorCtl_Mod 3, ChaState 6, ChaSt 9, OutWRte 10, InWRte 11, WChaMax_SF 16,
    /// ChaState_SF 20, InOutWRte_SF 23.
    static let storage = 124

    /// Walks the model list of `unit` from `base`.
    static func scan(_ session: inout ModbusSession, unit: Int, base: Int) async throws -> SunSpecMap {
        let marker = try await session.readHoldingRegisters(unit: unit, address: base, count: 2)
        guard marker == [0x5375, 0x6E53] else { throw ModbusError("unit \(unit): no SunSpec marker at \(base)") }
        var address = base + 2, starts: [Int: Int] = [:]
        for _ in 0..<64 {
            let header = try await session.readHoldingRegisters(unit: unit, address: address, count: 2)
            if header[0] == 0xFFFF { return SunSpecMap(modelStart: starts) }
            starts[Int(header[0])] = address + 2
            address += 2 + Int(header[1])
        }
        throw ModbusError("unit \(unit): SunSpec model list does not end")
    }

    /// The data start of `model`, or an error naming the missing model.
    func start(of model: Int, unit: Int) throws -> Int {
        guard let start = modelStart[model] else { throw ModbusError("unit \(unit): SunSpec model \(model) is missing") }
        return start
    }

    /// A SunSpec scaled value: int16 (0x8000 = not implemented) × 10^sf.
    static func scaled(_ raw: UInt16, _ scaleFactor: UInt16, what: String) throws -> Double {
        guard raw != 0x8000, scaleFactor != 0x8000 else { throw ModbusError("\(what) is not implemented") }
        return Double(Int16(bitPattern: raw)) * pow10(Int16(bitPattern: scaleFactor))
    }

    /// Unsigned SunSpec value × 10^sf (0xFFFF = not implemented).
    static func scaledUnsigned(_ raw: UInt16, _ scaleFactor: UInt16, what: String) throws -> Double {
        guard raw != 0xFFFF, scaleFactor != 0x8000 else { throw ModbusError("\(what) is not implemented") }
        return Double(raw) * pow10(Int16(bitPattern: scaleFactor))
    }

    /// Raw unsigned register for `value` at scale factor `sf`.
    static func unscaled(_ value: Double, _ scaleFactor: UInt16) -> UInt16 {
        UInt16(max(0, min(65_534, (value / pow10(Int16(bitPattern: scaleFactor))).rounded())))
    }

    static func pow10(_ exponent: Int16) -> Double {
        var result = 1.0
        for _ in 0..<abs(Int(exponent)) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}

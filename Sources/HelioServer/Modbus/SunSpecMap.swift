/// Where a SunSpec device keeps its models: found by walking the model list from the `SunS` marker
/// (SunSpec Information Model Specification v1.0: marker 0x53756E53, then per model its ID, its
/// length L and L registers, ended by ID 0xFFFF). The list comes from the device and is untrusted:
/// a chain that runs past register 65535, loops on, or holds a model shorter than the points read
/// from it is a named ``ModbusError``, never a trap.
struct SunSpecMap: Sendable, Equatable {
    /// First data register and length (registers) of each model, by model ID.
    var models: [Int: (start: Int, length: Int)]

    static func == (lhs: SunSpecMap, rhs: SunSpecMap) -> Bool {
        lhs.models.mapValues { [$0.start, $0.length] } == rhs.models.mapValues { [$0.start, $0.length] }
    }

    /// Inverter (three-phase): W at offset 12, W_SF at 13.
    static let inverter = 103
    /// Nameplate: WRtg at 1, WRtg_SF at 2.
    static let nameplate = 120
    /// Immediate controls: WMaxLimPct at 3, WMaxLim_Ena at 7, WMaxLimPct_SF at 21.
    static let controls = 123
    /// Storage: WChaMax 0, StorCtl_Mod 3, ChaState 6, ChaSt 9, OutWRte 10, InWRte 11, WChaMax_SF 16,
    /// ChaState_SF 20, InOutWRte_SF 23.
    static let storage = 124
    /// Models a device may list before the list is taken as endless.
    static let maxModels = 64
    /// Scale factors SunSpec devices use (the specification's sunssf points are small powers of ten;
    /// −10…10 covers every published model).
    static let scaleFactors: ClosedRange<Int16> = -10...10

    /// Walks the model list of `unit` from `base`.
    static func scan(_ access: inout some ModbusRegisterAccess, unit: Int, base: Int) async throws -> SunSpecMap {
        let marker = try await access.readHoldingRegisters(unit: unit, address: base, count: 2)
        guard marker == [0x5375, 0x6E53] else { throw ModbusError("unit \(unit): no SunSpec marker at \(base)") }
        var address = base + 2, models: [Int: (start: Int, length: Int)] = [:]
        for _ in 0..<maxModels {
            guard address <= 65_534 else {
                throw ModbusError("unit \(unit): SunSpec model list runs past register 65535 (next model header at \(address))")
            }
            let header = try await access.readHoldingRegisters(unit: unit, address: address, count: 2)
            if header[0] == 0xFFFF { return SunSpecMap(models: models) }
            let length = Int(header[1])
            guard address + 2 + length <= 65_536 else {
                throw ModbusError("unit \(unit): SunSpec model \(header[0]) at \(address) has length \(length), past register 65535")
            }
            models[Int(header[0])] = (address + 2, length)
            address += 2 + length
        }
        throw ModbusError("unit \(unit): SunSpec model list does not end within \(maxModels) models")
    }

    /// The data start of `model`, or an error naming the missing model or one shorter than the
    /// `points` registers read from it.
    func start(of model: Int, unit: Int, points: Int) throws -> Int {
        guard let found = models[model] else { throw ModbusError("unit \(unit): SunSpec model \(model) is missing") }
        guard found.length >= points else {
            throw ModbusError("unit \(unit): SunSpec model \(model) has length \(found.length), fewer than the \(points) registers read")
        }
        return found.start
    }

    /// A SunSpec scaled value: int16 (0x8000 = not implemented) × 10^sf.
    static func scaled(_ raw: UInt16, _ scaleFactor: UInt16, what: String) throws -> Double {
        guard raw != 0x8000 else { throw ModbusError("\(what) is not implemented") }
        return Double(Int16(bitPattern: raw)) * (try power(scaleFactor, what: what))
    }

    /// Unsigned SunSpec value × 10^sf (0xFFFF = not implemented).
    static func scaledUnsigned(_ raw: UInt16, _ scaleFactor: UInt16, what: String) throws -> Double {
        guard raw != 0xFFFF else { throw ModbusError("\(what) is not implemented") }
        return Double(raw) * (try power(scaleFactor, what: what))
    }

    /// Raw unsigned register for `value` (finite, 0 or more) at scale factor `sf`; throws when the
    /// scale factor is out of range or the value does not fit the register.
    static func unscaled(_ value: Double, _ scaleFactor: UInt16, what: String) throws -> UInt16 {
        let raw = (value / (try power(scaleFactor, what: what))).rounded()
        guard let register = UInt16(exactly: raw), register != 0xFFFF else {
            throw ModbusError("\(what): \(value) does not fit a register at scale factor \(Int16(bitPattern: scaleFactor))")
        }
        return register
    }

    /// 10^sf for a scale factor register; 0x8000 (not implemented) or one outside ``scaleFactors`` is an error.
    static func power(_ scaleFactor: UInt16, what: String) throws -> Double {
        let exponent = Int16(bitPattern: scaleFactor)
        guard scaleFactor != 0x8000 else { throw ModbusError("\(what) scale factor is not implemented") }
        guard scaleFactors.contains(exponent) else {
            throw ModbusError("\(what) scale factor \(exponent) is outside \(scaleFactors.lowerBound)…\(scaleFactors.upperBound)")
        }
        var result = 1.0
        for _ in 0..<abs(Int(exponent)) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}

import Foundation
import HelioGrid

/// Real equipment over Modbus TCP: the PV inverter and the battery through SunSpec, the gensets and
/// the plant meter through the scenario's register map. Each read or write is one connection; the
/// SunSpec model lists are scanned on the first interval and whenever a read fails.
public actor ModbusPlant: PlantAdapter {
    public nonisolated let name = "modbus"
    let config: ModbusConfig
    private var maps: (inverter: SunSpecMap, storage: SunSpecMap)?

    /// The executor the adapter runs on: the control loop's.
    nonisolated let executor: ControlExecutor

    /// An adapter for the equipment in `config`, running on `executor` (give it the control loop's).
    public init(config: ModbusConfig, executor: ControlExecutor = ControlExecutor()) {
        self.config = config
        self.executor = executor
    }

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    public nonisolated func plantTimeMS() async -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    public func readTelemetry() async throws -> PlantTelemetry {
        do {
            let (reading, maps) = try await ModbusSession.run(host: config.host, port: config.port, timeoutMS: config.timeoutMS,
                                                              executor: executor.taskExecutor) { [config, maps] session in
                let known = try await Self.maps(&session, config: config, cached: maps)
                return (try await Self.read(&session, config: config, maps: known), known)
            }
            self.maps = maps
            return PlantTelemetry(timestampMS: await plantTimeMS(), loadKW: reading.loadKW, pvAvailableKW: reading.pvAvailableKW,
                                  pvKW: reading.pvKW, batteryKW: reading.batteryKW, soc: reading.soc, dieselKW: reading.dieselKW,
                                  dieselUnits: reading.dieselUnits, gridKW: reading.gridKW, unservedKW: reading.unservedKW,
                                  batteryOnline: reading.batteryOnline)
        } catch {
            maps = nil
            throw PlantAdapterError("modbus read: \(error)")
        }
    }

    public func apply(_ setpoints: PlantSetpoints, seconds: Double) async throws {
        do {
            let maps = self.maps
            try await ModbusSession.run(host: config.host, port: config.port, timeoutMS: config.timeoutMS,
                                        executor: executor.taskExecutor) { [config] session in
                let known = try await Self.maps(&session, config: config, cached: maps)
                try await Self.write(&session, setpoints, config: config, maps: known)
            }
        } catch {
            throw PlantAdapterError("modbus write: \(error)")
        }
    }

    static func maps(_ session: inout some ModbusRegisterAccess, config: ModbusConfig, cached: (inverter: SunSpecMap, storage: SunSpecMap)?) async throws
        -> (inverter: SunSpecMap, storage: SunSpecMap) {
        if let cached { return cached }
        return (try await SunSpecMap.scan(&session, unit: config.inverterUnit, base: config.sunSpecBase),
                try await SunSpecMap.scan(&session, unit: config.storageUnit, base: config.sunSpecBase))
    }

    private static func register(_ session: inout some ModbusRegisterAccess, unit: Int, _ register: ModbusRegister) async throws -> Double {
        let value = register.value(try await session.readHoldingRegisters(unit: unit, address: register.address, count: register.kind.count))
        guard value.isFinite else { throw ModbusError("unit \(unit): register \(register.address) reads \(value)") }
        return value
    }

    /// A count read from a register: a whole number within `range`, or a named error.
    private static func count(_ value: Double, in range: ClosedRange<Int>, what: String) throws -> Int {
        guard let whole = Int(exactly: value.rounded()), range.contains(whole) else {
            throw ModbusError("\(what) reads \(value), outside \(range.lowerBound)…\(range.upperBound)")
        }
        return whole
    }

    /// All meters, in kW (SunSpec watts / 1000).
    static func read(_ session: inout some ModbusRegisterAccess, config: ModbusConfig, maps: (inverter: SunSpecMap, storage: SunSpecMap)) async throws -> PlantTelemetry {
        let (inverterUnit, storageUnit, meter) = (config.inverterUnit, config.storageUnit, config.meterUnit)
        let pvRegisters = try await session.readHoldingRegisters(unit: inverterUnit, address: try maps.inverter.start(of: SunSpecMap.inverter, unit: inverterUnit, points: 14) + 12, count: 2)
        let pvKW = max(0, try SunSpecMap.scaled(pvRegisters[0], pvRegisters[1], what: "inverter W") / 1000)
        let batteryRegisters = try await session.readHoldingRegisters(unit: storageUnit, address: try maps.storage.start(of: SunSpecMap.inverter, unit: storageUnit, points: 14) + 12, count: 2)
        let batteryKW = try SunSpecMap.scaled(batteryRegisters[0], batteryRegisters[1], what: "storage W") / 1000
        let storage = try await session.readHoldingRegisters(unit: storageUnit, address: try maps.storage.start(of: SunSpecMap.storage, unit: storageUnit, points: 24), count: 24)
        let soc = try SunSpecMap.scaledUnsigned(storage[6], storage[20], what: "ChaState") / 100
        let load = try await register(&session, unit: meter, config.loadKW)
        let diesel = try await register(&session, unit: meter, config.gensetKW)
        let units = try count(try await register(&session, unit: meter, config.gensetUnits), in: 0...65_535, what: "unit \(meter): genset_units")
        var pvAvailable = pvKW
        if let available = config.pvAvailableKW { pvAvailable = max(pvKW, try await register(&session, unit: meter, available)) }
        var grid = 0.0
        if let gridRegister = config.gridKW { grid = try await register(&session, unit: meter, gridRegister) }
        return PlantTelemetry(timestampMS: 0, loadKW: load, pvAvailableKW: pvAvailable, pvKW: pvKW, batteryKW: batteryKW, soc: soc,
                              dieselKW: diesel, dieselUnits: units, gridKW: grid,
                              unservedKW: max(0, load - pvKW - batteryKW - diesel - grid), batteryOnline: storage[9] != 1)
    }

    /// PV limit (model 123), battery mode and rate (model 124), gensets and grid (register map).
    static func write(_ session: inout some ModbusRegisterAccess, _ setpoints: PlantSetpoints, config: ModbusConfig,
                              maps: (inverter: SunSpecMap, storage: SunSpecMap)) async throws {
        let (inverterUnit, storageUnit, meter) = (config.inverterUnit, config.storageUnit, config.meterUnit)
        let nameplate = try await session.readHoldingRegisters(unit: inverterUnit, address: try maps.inverter.start(of: SunSpecMap.nameplate, unit: inverterUnit, points: 3), count: 3)
        let ratingKW = try SunSpecMap.scaledUnsigned(nameplate[1], nameplate[2], what: "WRtg") / 1000
        let controls = try maps.inverter.start(of: SunSpecMap.controls, unit: inverterUnit, points: 22)
        let limitScale = try await session.readHoldingRegisters(unit: inverterUnit, address: controls + 21, count: 1)[0]
        guard ratingKW > 0 else { throw ModbusError("unit \(inverterUnit): WRtg is \(ratingKW) kW") }
        let limiting = setpoints.pvLimitKW < ratingKW
        try await session.writeRegisters(unit: inverterUnit, address: controls + 3,
                                         values: [try SunSpecMap.unscaled(limiting ? max(0, setpoints.pvLimitKW) / ratingKW * 100 : 100, limitScale,
                                                                          what: "WMaxLimPct")])
        try await session.writeRegisters(unit: inverterUnit, address: controls + 7, values: [limiting ? 1 : 0])
        let storageStart = try maps.storage.start(of: SunSpecMap.storage, unit: storageUnit, points: 24)
        let storage = try await session.readHoldingRegisters(unit: storageUnit, address: storageStart, count: 24)
        let maxKW = try SunSpecMap.scaledUnsigned(storage[0], storage[16], what: "WChaMax") / 1000
        let percent = maxKW > 0 ? min(100, abs(setpoints.batteryKW) / maxKW * 100) : 0
        let mode: UInt16 = setpoints.batteryKW > 0 ? 2 : setpoints.batteryKW < 0 ? 1 : 0
        let rate = try SunSpecMap.unscaled(percent, storage[23], what: "InOutWRte")
        try await session.writeRegisters(unit: storageUnit, address: storageStart + 3, values: [mode])
        try await session.writeRegisters(unit: storageUnit, address: storageStart + 10, values: [mode == 2 ? rate : 0, mode == 1 ? rate : 0])
        try await session.writeRegisters(unit: meter, address: config.gensetUnitsSetpoint.address,
                                         values: try config.gensetUnitsSetpoint.registers(for: Double(setpoints.dieselUnits)))
        try await session.writeRegisters(unit: meter, address: config.gensetKWSetpoint.address,
                                         values: try config.gensetKWSetpoint.registers(for: setpoints.dieselKW))
        if let gridSetpoint = config.gridKWSetpoint {
            try await session.writeRegisters(unit: meter, address: gridSetpoint.address, values: try gridSetpoint.registers(for: setpoints.gridKW))
        }
    }
}

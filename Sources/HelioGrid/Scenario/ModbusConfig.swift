/// `[modbus]`: the plant over Modbus TCP for `heliogrid serve --plant modbus`. PV inverters and the
/// battery speak SunSpec (models 1, 103, 120, 123 on the inverter unit; 1, 103, 124 on the storage
/// unit); gensets and the plant meter use the register map of `[modbus.registers]`.
public struct ModbusConfig: Sendable, Equatable {
    /// Gateway host.
    public var host = "127.0.0.1"
    /// Gateway TCP port.
    public var port = 502
    /// Time allowed for one interval's reads and writes, ms.
    public var timeoutMS = 1000
    /// Unit id of the PV inverter (SunSpec).
    public var inverterUnit = 1
    /// Unit id of the battery inverter/storage (SunSpec).
    public var storageUnit = 2
    /// Unit id of the genset controller and plant meter (register map).
    public var meterUnit = 3
    /// Holding-register address of the SunSpec `SunS` marker.
    public var sunSpecBase = 40_000
    /// Facility demand, kW (read).
    public var loadKW: ModbusRegister
    /// Genset output, kW (read).
    public var gensetKW: ModbusRegister
    /// Gensets running (read).
    public var gensetUnits: ModbusRegister
    /// Gensets to run (write).
    public var gensetUnitsSetpoint: ModbusRegister
    /// Genset output to share, kW (write).
    public var gensetKWSetpoint: ModbusRegister
    /// PV available before curtailment, kW (read; the inverter's output when absent).
    public var pvAvailableKW: ModbusRegister?
    /// Grid power, kW, positive importing (read).
    public var gridKW: ModbusRegister?
    /// Grid power setpoint, kW (write).
    public var gridKWSetpoint: ModbusRegister?

    init(_ section: inout ScenarioSection) throws {
        host = try section.string("host", default: host)
        port = try section.int("port", default: port, in: 1...65_535)
        timeoutMS = try section.int("timeout_ms", default: timeoutMS, in: 10...60_000)
        inverterUnit = try section.int("inverter_unit", default: inverterUnit, in: 0...255)
        storageUnit = try section.int("storage_unit", default: storageUnit, in: 0...255)
        meterUnit = try section.int("meter_unit", default: meterUnit, in: 0...255)
        sunSpecBase = try section.int("sunspec_base", default: sunSpecBase, in: 0...65_000)
        var registers = try section.section("registers")
        func register(_ key: String) throws -> ModbusRegister {
            guard registers.contains(key) else { throw registers.error(key, "required register is missing") }
            var entry = try registers.section(key)
            return try ModbusRegister(&entry)
        }
        func optional(_ key: String) throws -> ModbusRegister? { registers.contains(key) ? try register(key) : nil }
        loadKW = try register("load_kw")
        gensetKW = try register("genset_kw")
        gensetUnits = try register("genset_units")
        gensetUnitsSetpoint = try register("genset_units_setpoint")
        gensetKWSetpoint = try register("genset_kw_setpoint")
        pvAvailableKW = try optional("pv_available_kw")
        gridKW = try optional("grid_kw")
        gridKWSetpoint = try optional("grid_kw_setpoint")
        try registers.finish()
        try section.finish()
    }
}

import Foundation
import HelioServerTestSupport
import HelioTestSupport
import Testing
@testable import HelioGrid
@testable import HelioServer

/// The Modbus TCP adapter against a real Modbus server: pymodbus (PyPI) on loopback, started here,
/// holding a SunSpec inverter, SunSpec storage and a genset controller / meter
/// (`Fixtures/modbus_plant.py`).
@Suite(.serialized) struct ModbusPlantTests {
    /// Generous for the functional tests, which check what is read and written, not how fast. The
    /// sessions run on a thread of their own (the adapter's control thread, ``readExecutor`` for the
    /// test's reads), not on Swift's cooperative threads, which CPU-bound tests running in parallel
    /// on two cores can hold for minutes (20 s and then 60 s limits both failed so when sessions ran
    /// there); 60 s is the most a scenario allows. The timeout is tested by
    /// ``unreachableEquipmentFailsFast()``.
    static let answerTimeoutMS = 60_000

    static func scenario(port: Int, timeoutMS: Int = answerTimeoutMS) throws -> Scenario {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("modbus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let text = """
            [site]
            weather = "\(TestData.phoenixPath)"
            [load]
            gpus = 10000
            [pv]
            dc_kw = 60000.0
            [battery]
            energy_kwh = 200000.0
            power_kw = 50000.0
            [diesel]
            units = 10
            unit_kw = 2000.0
            [modbus]
            port = \(port)
            timeout_ms = \(timeoutMS)
            [modbus.registers]
            load_kw = { address = 100, type = "int32" }
            genset_kw = { address = 102, type = "int32" }
            genset_units = { address = 104, type = "uint16" }
            pv_available_kw = { address = 106, type = "int32" }
            genset_units_setpoint = { address = 110, type = "uint16" }
            genset_kw_setpoint = { address = 111, type = "int32", scale = 0.1 }
            """
        let path = directory.appendingPathComponent("plant.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try ScenarioLoader.load(path: path)
    }

    /// A thread of its own for the test's own Modbus reads, as the adapter has the control loop's.
    static let readExecutor = ControlExecutor(name: "modbus-test")

    static func read(port: Int, unit: Int, address: Int, count: Int) async throws -> [UInt16] {
        try await ModbusSession.run(host: "127.0.0.1", port: port, timeoutMS: answerTimeoutMS, executor: readExecutor.taskExecutor) { session in
            try await session.readHoldingRegisters(unit: unit, address: address, count: count)
        }
    }

    /// Readings scaled by hand from the fixture's registers; setpoints land in the registers the
    /// SunSpec layout puts them in (addresses worked out by hand from the model lengths); a bad
    /// address is a Modbus exception with its name.
    @Test func readsAndWritesThroughSunSpecAndTheRegisterMap() async throws {
        let server = try await PymodbusServer.start(script: TestData.fixture("modbus_plant.py"))
        defer { server.stop() }
        let port = server.port
        let scenario = try Self.scenario(port: port)
        let config = try #require(scenario.modbus)
        #expect(config.loadKW == ModbusRegister(address: 100, kind: .int32) && config.gensetKWSetpoint.scale == 0.1)
        let plant = ModbusPlant(config: config)
        let reading = try await plant.readTelemetry()
        #expect(reading.pvKW == 26_250 && reading.pvAvailableKW == 40_000 && reading.batteryKW == -12_000)
        #expect(abs(reading.soc - 0.652) < 1e-12 && reading.loadKW == 14_250 && reading.dieselUnits == 0 && reading.batteryOnline)
        #expect(reading.unservedKW == 0)
        // The reading's values pass the live EMS's checks at the instant it was taken (its age is the
        // validator's own test's concern: this test's task may resume long after the read on a busy suite).
        try TelemetryValidator(scenario: scenario, maxAgeMS: 5000).check(reading, nowMS: reading.timestampMS)
        #expect(abs(Double(reading.timestampMS - (await plant.plantTimeMS()))) < 3_600_000, "stamped by the plant clock")

        try await plant.apply(PlantSetpoints(pvLimitKW: 24_000, batteryKW: 20_000, dieselUnits: 3, dieselKW: 5_000, gridKW: 0), seconds: 1)
        // Inverter: SunS (2) + model 1 (2 + 66) → model 103 data at 40072, model 120 at 40124, model 123 at 40152.
        #expect(try await Self.read(port: port, unit: 1, address: 40_155, count: 1) == [500])   // WMaxLimPct 50.0 % (SF −1)
        #expect(try await Self.read(port: port, unit: 1, address: 40_159, count: 1) == [1])     // WMaxLim_Ena
        // Storage: model 103 data at 40072, model 124 data at 40124.
        #expect(try await Self.read(port: port, unit: 2, address: 40_127, count: 1) == [2])     // StorCtl_Mod: discharge
        #expect(try await Self.read(port: port, unit: 2, address: 40_134, count: 2) == [400, 0]) // OutWRte 40.0 %, InWRte 0
        #expect(try await Self.read(port: port, unit: 3, address: 110, count: 3) == [3, 0, 50_000]) // 3 units; 5000 kW at 0.1 kW
        try await plant.apply(PlantSetpoints(pvLimitKW: 60_000, batteryKW: -10_000, dieselUnits: 0, dieselKW: 0, gridKW: 0), seconds: 1)
        #expect(try await Self.read(port: port, unit: 1, address: 40_155, count: 5) == [1000, 0, 0, 0, 0])
        #expect(try await Self.read(port: port, unit: 2, address: 40_127, count: 1) == [1])
        #expect(try await Self.read(port: port, unit: 2, address: 40_134, count: 2) == [0, 200])

        await #expect { _ = try await Self.read(port: port, unit: 3, address: 49_999, count: 5) } throws: { error in
            (error as? ModbusError)?.message.contains("illegal data address") == true
        }
    }

    /// The control loop on the Modbus plant: readings stored with source `modbus`, the rule EMS's
    /// setpoints written; the server going away puts the EMS in safe mode with an alarm.
    @Test func controlLoopOverModbusFallsBackToSafeMode() async throws {
        let pymodbus = try await PymodbusServer.start(script: TestData.fixture("modbus_plant.py"))
        defer { pymodbus.stop() }
        let port = pymodbus.port
        let scenario = try Self.scenario(port: port)
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try EMSServer.modbus(scenario: scenario, databasePath: path, intervalSeconds: 1)
        for _ in 0..<3 { await server.loop.tick() }
        var status = server.loop.status()
        #expect(status.mode == .auto && status.plant == "modbus" && status.telemetry?.loadKW == 14_250)
        #expect(try await server.store.telemetry(fromMS: 0, toMS: .max, limit: 10, offset: 0).allSatisfy { $0.source == "modbus" })
        // PV 26.25 MW over a 14.25 MW load with the battery charging: no genset, no curtailment needed.
        #expect(try await Self.read(port: port, unit: 3, address: 110, count: 1) == [0])
        pymodbus.stop()
        await server.loop.tick()
        status = server.loop.status()
        #expect(status.mode == .safe && status.alarms.contains { $0.kind == "telemetry" })
    }

    /// The reported crash, end to end: a real Modbus server whose inverter lists a model running past
    /// register 65535. The EMS keeps running, in safe mode with a telemetry alarm naming the overrun.
    @Test func deviceWithAnOverlongModelListPutsTheEMSInSafeMode() async throws {
        let pymodbus = try await PymodbusServer.start(script: TestData.fixture("modbus_plant.py"), arguments: ["--hostile"])
        defer { pymodbus.stop() }
        let scenario = try Self.scenario(port: pymodbus.port)
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try EMSServer.modbus(scenario: scenario, databasePath: path, intervalSeconds: 1)
        for _ in 0..<2 { await server.loop.tick() }
        let status = server.loop.status()
        #expect(status.mode == .safe && status.ticks == 2)
        let alarm = try #require(status.alarms.first { $0.kind == "telemetry" })
        #expect(alarm.message.contains("SunSpec model 1 at 40002 has length 65000, past register 65535"))
    }

    /// No server: the adapter fails instead of waiting, which the control loop turns into safe mode.
    /// The bound is loose because a starved cooperative pool delays even an immediate refusal; it
    /// still catches a session that waits on a dead peer instead of failing.
    @Test func unreachableEquipmentFailsFast() async throws {
        let scenario = try Self.scenario(port: Int.random(in: 50_000...52_000), timeoutMS: 2000)
        let plant = ModbusPlant(config: try #require(scenario.modbus))
        let started = ContinuousClock.now
        await #expect(throws: PlantAdapterError.self) { _ = try await plant.readTelemetry() }
        #expect(ContinuousClock.now - started < .seconds(30))
    }
}

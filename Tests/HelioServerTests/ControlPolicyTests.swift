import HelioTestSupport
import Testing
@testable import HelioGrid
@testable import HelioServer

/// The live loop's policies on their own, with hand-worked sequences.
@Suite struct ControlPolicyTests {
    static func reading(units: Int = 0, unservedKW: Double = 0, batteryOnline: Bool = true) -> PlantTelemetry {
        PlantTelemetry(timestampMS: 0, loadKW: 10_000, pvAvailableKW: 0, pvKW: 0, batteryKW: 0, soc: 0.5, dieselKW: 0,
                       dieselUnits: units, gridKW: 0, unservedKW: unservedKW, batteryOnline: batteryOnline)
    }

    /// Start fuel in the live ledger, by hand: 20 L a start, two 2 MW units started in the second of
    /// three one-hour intervals (none counted in the first, the service's start-up), each running at
    /// zero output: intercept 0.018 L/kWh × 2,000 kW × 2 units = 72 L, plus 2 × 20 L in that interval only.
    @Test func liveLedgerBooksStartFuel() {
        var scenario = TestData.defaultScenario
        scenario.diesel?.startFuelL = 20
        var ledger = LiveLedger(scenario: scenario, intervalHours: 1)
        let fuel = [2, 2, 2].enumerated().map { index, units in
            ledger.entry(for: Self.reading(units: index == 0 ? 0 : units), seconds: 3600).fuelL
        }
        #expect(fuel[0] == 0 && abs(fuel[1] - (72 + 40)) < 1e-9 && abs(fuel[2] - 72) < 1e-9)
    }

    /// A failure enters safe mode once; three valid readings in a row end it; a failure in between
    /// restarts the count; an operator's hold outlasts any number of valid readings.
    @Test func safeModeEntryRecoveryAndOperatorHold() throws {
        var policy = SafeModePolicy(forcedSafe: false)
        let entered = [policy.fail(), policy.fail()]
        #expect(entered == [true, false] && policy.mode == .safe)
        let interrupted = [policy.validReading(), policy.validReading(), policy.fail()]
        #expect(interrupted == [false, false, false] && policy.validStreak == 0)
        let recovery = [policy.validReading(), policy.validReading(), policy.validReading()]
        #expect(recovery == [false, false, true] && policy.mode == .auto)
        let held = try policy.request(.safe)
        let whileHeld = (0..<5).map { _ in policy.validReading() }
        #expect(held && policy.forcedSafe && whileHeld.allSatisfy { !$0 } && policy.mode == .safe)
        #expect(policy.holdReason == "operator request")
        let released = try policy.request(.auto)
        #expect(!released && policy.mode == .auto && !policy.forcedSafe)
        #expect(throws: ValidationError.self) { _ = try policy.request(.manual) }
        #expect(SafeModePolicy(forcedSafe: true).mode == .safe)
    }

    /// Safe setpoints for 14,250 kW on 2,000 kW units at 80 % target loading: ⌈14,250 / 1,600⌉ = 9 units.
    @Test func safeSetpointsCarryTheLastLoadOnGensets() {
        let setpoints = SafeModePolicy.setpoints(TestData.defaultScenario, lastLoadKW: 14_250)
        #expect(setpoints.dieselUnits == 9 && setpoints.dieselKW == 14_250 && setpoints.batteryKW == 0 && setpoints.gridKW == 0)
        #expect(setpoints.pvLimitKW == 60_000)
    }

    /// Fewer units running than commanded raises the start-failure alarm on the second interval and
    /// clears it once they run; battery offline and unserved load raise and clear with the reading.
    @Test func alarmMonitorRaisesAndClears() {
        var monitor = AlarmMonitor(hasBattery: true)
        let first = monitor.observe(Self.reading(units: 1), commandedUnits: 3)
        let second = monitor.observe(Self.reading(units: 1, unservedKW: 420.4, batteryOnline: false), commandedUnits: 3)
        let third = monitor.observe(Self.reading(units: 3), commandedUnits: 3)
        #expect(first == [.clear(.batteryOffline), .clear(.unservedLoad)])
        #expect(second == [
            .raise(.gensetStartFailure, message: "2 of 3 commanded gensets are not running"),
            .raise(.batteryOffline, message: "battery strings offline: gensets carry the load"),
            .raise(.unservedLoad, message: "420 kW of demand not served"),
        ])
        #expect(third == [.clear(.gensetStartFailure), .clear(.batteryOffline), .clear(.unservedLoad)])
    }
}

import Testing
@testable import HelioGrid
@testable import HelioOptimize

/// The plan follower's order when the plan falls short, worked by hand.
@Suite struct PlanFollowerTests {
    /// 100 kWh / 100 kW, lossless, SOC 0.10–1 with the reserve at 0.30.
    static let battery: BatteryConfig = {
        var b = OptimalDispatchTests.battery(efficiency: 1)
        b.socMin = 0.1
        b.reserveSOC = 0.3
        return b
    }()

    static func context(fleet: GensetFleet?) -> DispatchContext {
        DispatchContext(step: 0, stepHours: 1, loadKW: 100, pvAvailableKW: 0, battery: Battery(config: battery, soc: 0.35),
                        fleet: fleet, grid: nil)
    }

    /// 100 kW short with the battery at 35 kWh (reserve 30): the battery gives 5 kW down to its
    /// reserve, a 100 kW genset starts for the other 95 kW (it can give 100 · (1 − 10 s / 1 h) = 99.7).
    @Test func gensetsBeforeTheContingencyBand() {
        let plan = PlantSetpoints(pvLimitKW: 0, batteryKW: 0, dieselUnits: 0, dieselKW: 0, gridKW: 0)
        let decision = PlanFollower.decision(following: plan, in: Self.context(fleet: GensetFleet(config: DieselConfig(units: 1, unitKW: 100))))
        #expect(abs(decision.batteryKW - 5) < 1e-9 && decision.dieselUnits == 1 && abs(decision.dieselKW - 95) < 1e-9)
        #expect(decision.unservedKW == 0)
    }

    /// Without gensets the band is used before shedding: 5 kW to the reserve, 20 kW more down to
    /// soc_min (10 kWh), 75 kW unserved.
    @Test func contingencyBandBeforeShedding() {
        let plan = PlantSetpoints(pvLimitKW: 0, batteryKW: 0, dieselUnits: 0, dieselKW: 0, gridKW: 0)
        let decision = PlanFollower.decision(following: plan, in: Self.context(fleet: nil))
        #expect(abs(decision.batteryKW - 25) < 1e-9 && abs(decision.unservedKW - 75) < 1e-9)
    }
}

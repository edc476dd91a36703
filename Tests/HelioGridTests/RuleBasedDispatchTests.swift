import Testing
@testable import HelioGrid

/// Hand-worked single steps of the rule-based EMS on a small plant: 100 kWh / 50 kW battery
/// (η 0.95 each way, SOC 0.10–0.95, reserve 0.20), two 100 kW gensets (minimum 30 %, target 80 %,
/// 10 s start), thresholds: start at SOC 0.25, stop at 0.60; one-hour steps.
@Suite struct RuleBasedDispatchTests {
    static func context(load: Double, pv: Double, soc: Double?, diesel: Bool = true, runningUnits: Int = 0,
                        minRunHours: Double = 1) -> DispatchContext {
        var battery: Battery?
        if let soc {
            var config = BatteryConfig(energyKWh: 100, powerKW: 50)
            config.socInitial = soc
            config.chargeEfficiency = 0.95
            config.dischargeEfficiency = 0.95
            config.selfDischargePerDay = 0
            battery = Battery(config: config)
        }
        var fleet: GensetFleet?
        if diesel {
            var config = DieselConfig(units: 2, unitKW: 100)
            config.minRunHours = minRunHours
            fleet = GensetFleet(config: config)
            fleet?.commit(units: runningUnits, step: 0, stepHours: 1)
        }
        return DispatchContext(step: 1, stepHours: 1, loadKW: load, pvAvailableKW: pv, battery: battery, fleet: fleet, grid: nil)
    }

    static func decide(_ context: DispatchContext) -> DispatchDecision {
        var strategy = RuleBasedDispatch(config: DispatchConfig())
        let decision = strategy.decide(context)
        let balance = decision.pvKW + decision.batteryKW + decision.dieselKW + decision.gridKW + decision.unservedKW
        #expect(abs(balance - context.loadKW) < 1e-9, "power balance")
        #expect(abs(decision.pvKW + decision.curtailedKW - context.pvAvailableKW) < 1e-9, "PV used + curtailed = available")
        return decision
    }

    /// Surplus 80 kW: the battery takes min(50 kW, (95 − 50) kWh / 0.95) = 47.37 kW, the rest is curtailed.
    @Test func surplusChargesTheBatteryThenCurtails() {
        let d = Self.decide(Self.context(load: 100, pv: 180, soc: 0.5))
        #expect(abs(d.batteryKW + 45 / 0.95) < 1e-9)
        #expect(abs(d.curtailedKW - (80 - 45 / 0.95)) < 1e-9)
        #expect(d.dieselUnits == 0 && d.dieselKW == 0)
    }

    /// Deficit 20 kW with (50 − 25) kWh · 0.95 = 23.75 kW available above the start threshold: battery only.
    @Test func batteryCarriesShortfallsAboveTheStartThreshold() {
        let d = Self.decide(Self.context(load: 100, pv: 80, soc: 0.5))
        #expect(d.batteryKW == 20 && d.dieselUnits == 0)
    }

    /// Deficit 150 kW at SOC 0.30: only 4.75 kW above the threshold, so gensets start: ⌈150 / 80⌉ = 2
    /// units, target 160 kW; the 10 kW above the deficit charges the battery (room to the stop
    /// threshold: (60 − 30) / 0.95 = 31.6 kW).
    @Test func gensetsStartAtTheThresholdWithTheFewestUnitsAtTargetLoading() {
        let d = Self.decide(Self.context(load: 150, pv: 0, soc: 0.30))
        #expect(d.dieselUnits == 2)
        #expect(abs(d.dieselKW - 160) < 1e-9)
        #expect(abs(d.batteryKW + 10) < 1e-9)
        // A 50 kW deficit needs one unit: 80 kW, 30 kW into the battery.
        let small = Self.decide(Self.context(load: 50, pv: 0, soc: 0.30))
        #expect(small.dieselUnits == 1 && abs(small.dieselKW - 80) < 1e-9 && abs(small.batteryKW + 30) < 1e-9)
    }

    /// Cycle charging: a running unit keeps charging while SOC < 0.60 even with the battery above the
    /// start threshold (room to the stop threshold (60 − 45) / 0.95 = 15.79 kW); once SOC ≥ 0.60 it
    /// stops and the battery carries the load, unless the battery cannot, when it keeps running.
    @Test func cycleChargingContinuesToTheStopThreshold() {
        let charging = Self.decide(Self.context(load: 50, pv: 0, soc: 0.45, runningUnits: 1))
        #expect(charging.dieselUnits == 1 && abs(charging.dieselKW - (50 + 15 / 0.95)) < 1e-9)
        #expect(abs(charging.batteryKW + 15 / 0.95) < 1e-9)
        let done = Self.decide(Self.context(load: 30, pv: 0, soc: 0.62, runningUnits: 1))
        #expect(done.dieselUnits == 0 && done.batteryKW == 30)
        // 50 kW exceeds the (62 − 25) · 0.95 = 35.15 kW above the start threshold: the unit stays on, load-following.
        let stillNeeded = Self.decide(Self.context(load: 50, pv: 0, soc: 0.62, runningUnits: 1))
        #expect(stillNeeded.dieselUnits == 1 && abs(stillNeeded.dieselKW - 50) < 1e-9 && stillNeeded.batteryKW == 0)
    }

    /// A unit inside its minimum run time while PV covers the load idles at its 30 kW minimum; PV is
    /// curtailed to make room (battery takes 47.37 kW first).
    @Test func minimumRunTimeKeepsUnitsAtMinimumLoadAndCurtailsPV() {
        let d = Self.decide(Self.context(load: 100, pv: 300, soc: 0.5, runningUnits: 1, minRunHours: 2))
        #expect(d.dieselUnits == 1 && abs(d.dieselKW - 30) < 1e-9)
        #expect(abs(d.batteryKW + 45 / 0.95) < 1e-9)
        #expect(abs(d.curtailedKW - (300 + 30 - 100 - 45 / 0.95)) < 1e-9)
    }

    /// Load 300 kW on 200 kW of running gensets at SOC 0.30: the battery goes to the start threshold
    /// (4.75 kW), into the reserve (4.75 kW), down to soc_min (9.5 kW); 81 kW unserved.
    @Test func reserveIsUsedOnlyWhenEverythingElseIsExhausted() {
        let d = Self.decide(Self.context(load: 300, pv: 0, soc: 0.30, runningUnits: 2))
        #expect(d.dieselUnits == 2 && d.dieselKW == 200)
        #expect(abs(d.batteryKW - 19) < 1e-9)
        #expect(abs(d.unservedKW - 81) < 1e-9)
    }

    /// Without gensets the battery serves down to soc_min; then demand goes unserved.
    @Test func withoutGensetsBatteryThenUnserved() {
        let d = Self.decide(Self.context(load: 100, pv: 0, soc: 0.3, diesel: false))
        #expect(abs(d.batteryKW - 19) < 1e-9 && abs(d.unservedKW - 81) < 1e-9)
    }

    /// Diesel only: load following with the fewest units; 130 kW → 2 units at 130 kW.
    @Test func dieselOnlyFollowsTheLoad() {
        let d = Self.decide(Self.context(load: 130, pv: 0, soc: nil))
        #expect(d.dieselUnits == 2 && abs(d.dieselKW - 130) < 1e-9 * 130)
    }

    /// With a grid, shortfalls beyond the battery's share import before any genset starts.
    @Test func gridImportsBeforeGensetsStart() {
        var context = Self.context(load: 150, pv: 0, soc: 0.30)
        var grid = GridConfig()
        grid.enabled = true
        grid.importKW = 200
        context.grid = grid
        let d = Self.decide(context)
        #expect(d.dieselUnits == 0 && abs(d.batteryKW - 4.75) < 1e-9 && abs(d.gridKW - 145.25) < 1e-9)
    }

    /// The three genset policies on one night step: 50 kW load, no PV, battery at SOC 0.20 (below the
    /// 0.25 start threshold, so it gives nothing), gensets stopped. One 100 kW unit starts in each case
    /// (it can give 100 · (1 − 10 s / 1 h) = 99.72 kW); charging to the 0.60 stop SOC could take
    /// (60 − 20) / 0.95 = 42.11 kW.
    /// - rule: up to 80 % target loading, 80 kW, the 30 kW surplus charging the battery;
    /// - load following: the net load only, 50 kW;
    /// - cycle charging: full output as far as the load and charging to the stop SOC take it,
    ///   50 + 42.11 = 92.11 kW.
    @Test(arguments: [
        (RuleBasedDispatch.Policy.targetLoading, 80.0),
        (.loadFollowing, 50.0),
        (.cycleCharging, 50 + 40 / 0.95),
    ])
    func gensetPoliciesByHand(policy: RuleBasedDispatch.Policy, dieselKW: Double) {
        var strategy = RuleBasedDispatch(config: DispatchConfig(), policy: policy)
        let context = Self.context(load: 50, pv: 0, soc: 0.2)
        let decision = strategy.decide(context)
        #expect(strategy.kind == policy.strategy && RuleBasedDispatch.Policy(policy.strategy) == policy)
        #expect(decision.dieselUnits == 1 && abs(decision.dieselKW - dieselKW) < 1e-9)
        #expect(abs(decision.batteryKW + (dieselKW - 50)) < 1e-9 && decision.unservedKW == 0)
    }

    /// With a unit already running and the battery at 0.40 (below the 0.60 stop) on a 30 kW net load,
    /// the battery above its 0.25 start threshold could give only (40 − 25) · 0.95 = 14.25 kW, so a unit
    /// stays on under both policies: cycle charging runs it to charge the battery as well, load
    /// following gives exactly the 30 kW net load (its minimum) and charges nothing.
    @Test func cycleChargingKeepsChargingLoadFollowingDoesNot() {
        var cycle = RuleBasedDispatch(config: DispatchConfig(), policy: .cycleCharging)
        let running = Self.context(load: 30, pv: 0, soc: 0.4, runningUnits: 1)
        let charging = cycle.decide(running)
        // Charge room to 0.60: (60 − 40) / 0.95 = 21.05 kW; the running unit gives 30 + 21.05.
        #expect(charging.dieselUnits == 1 && abs(charging.dieselKW - (30 + 20 / 0.95)) < 1e-9)
        var following = RuleBasedDispatch(config: DispatchConfig(), policy: .loadFollowing)
        let followed = following.decide(running)
        #expect(followed.dieselUnits == 1 && abs(followed.dieselKW - 30) < 1e-9 && followed.batteryKW == 0)
    }
}

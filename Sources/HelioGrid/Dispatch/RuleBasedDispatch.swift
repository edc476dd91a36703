/// The rule-based EMS: load following by PV and battery with cycle-charging gensets.
///
/// The HOMER "cycle charging" strategy (T. Lambert, P. Gilman, P. Lilienthal, "Micropower System
/// Modeling with HOMER", in *Integration of Alternative Sources of Energy*, Wiley 2006, ch. 15),
/// with a state-of-charge start threshold:
/// 1. PV serves the load first; surplus charges the battery, then is exported (if a grid is
///    enabled), then curtailed.
/// 2. Shortfalls are met by the battery down to `diesel_start_soc` (down to `reserve_soc` when there
///    are no gensets), then by grid import.
/// 3. Gensets start only when that is not enough: the fewest units that cover the remaining deficit
///    at `diesel_target_loading`; they run near that loading, the surplus charging the battery,
///    until the state of charge reaches `diesel_stop_soc` or PV covers the load again, and each
///    unit runs at least `min_run_hours`. No running unit goes below its minimum load: PV is
///    curtailed first, and if even that cannot absorb the minimum, units stop early.
/// 4. Only when all of that is exhausted does the battery go below the start threshold, then into
///    its ride-through reserve, down to `soc_min`; what remains is unserved.
///
/// On a grid with a tariff (``GridSignal``, docs/grid.md) the order of step 2 follows the price and
/// the demand charge. The import limit of a step is the month's peak so far, or under a demand
/// charge the higher of that and the day's shaving level (``PeakShavingThreshold``: the lowest flat
/// import the battery could have held yesterday's net load to). At the day's cheapest price (when
/// storing it pays at the day's dearest), or under a demand charge at any price but the dear ones,
/// the grid serves first up to the limit and charges the battery to `soc_max` within it; the battery
/// covers what lies above the limit, then the grid the rest. At dear prices the battery serves first,
/// so imports in dear hours fall to what the battery cannot carry. Arbitrage and peak shaving in
/// their simplest rule form; the LP and MPC optimise both.
///
/// The same rules carry HOMER's two named strategies (HOMER Pro manual, "Load Following Strategy" and
/// "Cycle Charging Strategy"; Barley & Winn, "Optimal dispatch strategy in remote hybrid power
/// systems", Solar Energy 58, 1996): under ``Policy/loadFollowing`` a genset produces only what the
/// net load needs and stops as soon as PV and the battery can carry it again; under
/// ``Policy/cycleCharging`` a running genset produces as much as it can (its full rating, as far as
/// the load and charging up to `diesel_stop_soc` can take it), units are committed at full rating,
/// and gensets keep running until the battery reaches `diesel_stop_soc`.
public struct RuleBasedDispatch: DispatchStrategy {
    /// How running gensets are loaded.
    public enum Policy: String, Sendable, CaseIterable {
        /// Units at `diesel_target_loading`, surplus up to that loading charging the battery to
        /// `diesel_stop_soc` (the rule-based EMS, `rule`).
        case targetLoading = "rule"
        /// HOMER load following (`load-following`).
        case loadFollowing = "load-following"
        /// HOMER cycle charging (`cycle-charging`).
        case cycleCharging = "cycle-charging"

        /// The policy of a rule-based `strategy` (`nil` for `optimal` and `mpc`).
        public init?(_ strategy: DispatchConfig.Strategy) {
            switch strategy {
            case .rule: self = .targetLoading
            case .loadFollowing: self = .loadFollowing
            case .cycleCharging: self = .cycleCharging
            case .optimal, .mpc: return nil
            }
        }

        /// The strategy that names it.
        public var strategy: DispatchConfig.Strategy {
            switch self {
            case .targetLoading: .rule
            case .loadFollowing: .loadFollowing
            case .cycleCharging: .cycleCharging
            }
        }
    }

    /// `[dispatch]` thresholds.
    public let config: DispatchConfig
    /// How running gensets are loaded.
    public let policy: Policy
    /// The highest loading units are committed and run for, fraction of their rating: ISO 8528-1's
    /// 70 % 24-hour average for prime-rated units (``GensetRating/dispatchLoadingLimit``), held at
    /// every step — a conservative form of the limit, which lets short peaks above it; 1 otherwise.
    /// Only a deficit the whole fleet cannot cover within it loads units further.
    public let loadingLimit: Double
    /// Today's peak-shaving level under a demand charge (made at the first step that has one).
    private var shaving: PeakShavingThreshold?

    /// Creates the strategy; `loadingLimit` caps the loading units are planned at.
    public init(config: DispatchConfig, policy: Policy = .targetLoading, loadingLimit: Double = 1) {
        self.config = config
        self.policy = policy
        self.loadingLimit = loadingLimit
    }

    /// The rule-based EMS of `scenario` under `policy`, its gensets loaded within their rating's limit.
    public init(scenario: Scenario, policy: Policy = .targetLoading) {
        self.init(config: scenario.dispatch, policy: policy, loadingLimit: scenario.diesel?.rating.dispatchLoadingLimit ?? 1)
    }

    /// The loading units are committed for: the target (full rating under cycle charging), within the limit.
    private var plannedLoading: Double { min(policy == .cycleCharging ? 1 : config.dieselTargetLoading, loadingLimit) }

    public var kind: DispatchConfig.Strategy { policy.strategy }

    // The plant is read through optional chaining (`context.battery?.soc`), never bound with
    // `if let`: a binding copies the battery or fleet out of the context at every step.

    public mutating func decide(_ context: DispatchContext) -> DispatchDecision {
        if context.gridSignal?.demandCharged == true { observeNetLoad(context) }
        let load = context.loadKW, pvAvailable = context.pvAvailableKW
        let deficit = load - min(pvAvailable, load)
        var units = commitment(context, deficit: deficit)
        if units > 0 {
            let absorbable = absorbableKW(context)
            while units > 0 && (context.fleet?.minimumKW(units: units) ?? 0) > absorbable { units -= 1 }
        }
        let dieselKW = dieselOutput(context, units: units, deficit: deficit)
        var decision = DispatchDecision()
        decision.dieselUnits = units
        decision.dieselKW = dieselKW
        let supply = pvAvailable + dieselKW
        if supply >= load {
            absorbSurplus(supply - load, context, into: &decision)
        } else {
            coverShortfall(load - supply, context, into: &decision)
        }
        if gridFirst(context) { chargeFromGrid(context, into: &decision) }
        decision.pvKW = pvAvailable - decision.curtailedKW
        return decision
    }

    /// Records the net load for the shaving level.
    private mutating func observeNetLoad(_ context: DispatchContext) {
        guard let config = context.battery?.config, let capacity = context.battery?.capacityKWh else { return }
        let usableKWh = capacity * max(0, config.socMax - firstFloorSOC(context))
        if shaving == nil { shaving = PeakShavingThreshold(stepsPerDay: max(1, Int((24 / context.stepHours).rounded()))) }
        shaving?.observe(step: context.step, netLoadKW: context.loadKW - context.pvAvailableKW, usableKWh: usableKWh, powerKW: config.powerKW,
                         roundTrip: config.chargeEfficiency * config.dischargeEfficiency, hours: context.stepHours)
    }

    /// Whether the grid serves before the battery this step: at a cheap price, or under a demand
    /// charge at any price but a dear one.
    private func gridFirst(_ context: DispatchContext) -> Bool {
        guard let signal = context.gridSignal else { return false }
        return signal.priceClass == .cheap || (signal.demandCharged && signal.priceClass != .expensive)
    }

    /// Imports this step may reach before the battery is called on: the month's peak so far, or the
    /// day's shaving level if higher (unbounded without a demand charge).
    private func importLimitKW(_ signal: GridSignal) -> Double {
        guard signal.demandCharged else { return .infinity }
        return max(signal.monthPeakKW, shaving?.levelKW ?? 0)
    }

    /// When the grid serves first: the battery charges from the grid to `soc_max`, within the import
    /// limit and ``importLimitKW(_:)`` (not while it discharges or the campus exports).
    private func chargeFromGrid(_ context: DispatchContext, into decision: inout DispatchDecision) {
        guard let importKW = context.grid?.importKW, let signal = context.gridSignal, decision.batteryKW <= 0, decision.gridKW >= 0 else { return }
        let room = min(importKW, importLimitKW(signal)) - decision.gridKW
        let charge = min(max(0, room), max(0, maxChargeKW(context) + decision.batteryKW))
        decision.batteryKW -= charge
        decision.gridKW += charge
    }

    /// Units to run this step.
    func commitment(_ context: DispatchContext, deficit: Double) -> Int {
        guard let mustRun = context.fleet?.unitsThatMustRun(step: context.step, stepHours: context.stepHours),
              let fleetUnits = context.fleet?.unitsInService else { return 0 }
        guard deficit > 0 else { return mustRun }
        let running = context.fleet?.runningUnits ?? 0
        let cycleCharging = policy != .loadFollowing && running > 0 && (context.battery?.soc).map { $0 < config.dieselStopSOC } ?? true
        if cycleCharging {
            return min(max(mustRun, unitsToCover(deficit, context)), fleetUnits)
        }
        let batteryKW = context.battery?.maxDischargeKW(floorSOC: firstFloorSOC(context), hours: context.stepHours) ?? 0
        let gridKW = context.grid?.importKW ?? 0
        let units = deficit > batteryKW + gridKW ? unitsToCover(max(0, deficit - gridKW), context) : 0
        return min(max(mustRun, units), fleetUnits)
    }

    /// Genset output for `units` running: near target loading while charging the battery,
    /// load-following otherwise, never below minimum load unless units must stop.
    func dieselOutput(_ context: DispatchContext, units: Int, deficit: Double) -> Double {
        let hours = context.stepHours
        guard units > 0, let capacity = context.fleet?.capacityKW(units: units, stepHours: hours),
              let minimum = context.fleet?.minimumKW(units: units), let unitKW = context.fleet?.availableUnitKW else { return 0 }
        let chargeToStop = context.battery?.maxChargeKW(ceilingSOC: config.dieselStopSOC, hours: hours) ?? 0
        let desired: Double
        switch policy {
        case .targetLoading:
            // With a deficit, units run up to target loading and the surplus charges the battery to the
            // stop threshold; with PV covering the load, units held on by minimum run time idle at minimum load.
            let target = Double(units) * unitKW * plannedLoading
            desired = deficit > 0 ? deficit + min(chargeToStop, max(0, target - deficit)) : 0
        case .loadFollowing:
            desired = deficit
        case .cycleCharging:
            let limit = Double(units) * unitKW * loadingLimit
            desired = deficit > 0 ? deficit + min(chargeToStop, max(0, limit - deficit)) : 0
        }
        return min(capacity, max(minimum, desired))
    }

    /// The most genset power the bus can take: the load (PV can be curtailed to make room), battery
    /// charging to `soc_max`, and export.
    private func absorbableKW(_ context: DispatchContext) -> Double {
        context.loadKW + maxChargeKW(context) + (context.grid?.exportKW ?? 0)
    }

    /// The battery's largest charge to `soc_max` this step, kW (0 without a battery).
    private func maxChargeKW(_ context: DispatchContext) -> Double {
        guard let socMax = context.battery?.config.socMax else { return 0 }
        return context.battery?.maxChargeKW(ceilingSOC: socMax, hours: context.stepHours) ?? 0
    }

    /// The battery's largest discharge down to `floorSOC` this step, kW (0 without a battery).
    private func maxDischargeKW(_ context: DispatchContext, floorSOC: Double?) -> Double {
        guard let floorSOC else { return 0 }
        return context.battery?.maxDischargeKW(floorSOC: floorSOC, hours: context.stepHours) ?? 0
    }

    /// Fewest units whose planned loading (``plannedLoading``) covers `deficitKW`.
    private func unitsToCover(_ deficitKW: Double, _ context: DispatchContext) -> Int {
        let fleetUnits = context.fleet?.unitsInService ?? 0
        let perUnit = (context.fleet?.availableUnitKW ?? 0) * plannedLoading
        guard perUnit > 0 else { return fleetUnits }
        return max(1, Int((deficitKW / perUnit - 1e-9).rounded(.up)))
    }

    /// The state of charge the battery serves down to before anything else is called on: the start
    /// threshold with gensets (never inside the reserve), the reserve without.
    private func firstFloorSOC(_ context: DispatchContext) -> Double {
        guard let reserve = context.battery?.config.reserveSOC else { return 0 }
        return context.fleet == nil ? reserve : max(config.dieselStartSOC, reserve)
    }

    /// Surplus: battery charge, then export, then PV curtailment.
    private func absorbSurplus(_ surplusKW: Double, _ context: DispatchContext, into decision: inout DispatchDecision) {
        var surplus = surplusKW
        if context.battery != nil {
            let charge = min(surplus, maxChargeKW(context))
            decision.batteryKW = -charge
            surplus -= charge
        }
        if let exportKW = context.grid?.exportKW {
            let export = min(surplus, exportKW)
            decision.gridKW = -export
            surplus -= export
        }
        decision.curtailedKW = min(surplus, context.pvAvailableKW)
    }

    /// Shortfall: battery to its first floor, grid, battery into reserve, battery to minimum, unserved;
    /// when the grid serves first (``gridFirst(_:)``), the grid up to ``importLimitKW(_:)`` before the battery.
    private func coverShortfall(_ shortfallKW: Double, _ context: DispatchContext, into decision: inout DispatchDecision) {
        var remaining = shortfallKW
        let importKW = context.grid?.importKW ?? 0
        if let signal = context.gridSignal, gridFirst(context) {
            decision.gridKW = min(remaining, importKW, importLimitKW(signal))
            remaining -= decision.gridKW
        }
        var discharge = min(remaining, maxDischargeKW(context, floorSOC: firstFloorSOC(context)))
        remaining -= discharge
        let more = min(remaining, importKW - decision.gridKW)
        decision.gridKW += more
        remaining -= more
        let toReserve = min(remaining, max(0, maxDischargeKW(context, floorSOC: context.battery?.config.reserveSOC) - discharge))
        discharge += toReserve
        remaining -= toReserve
        let toMinimum = min(remaining, max(0, maxDischargeKW(context, floorSOC: context.battery?.config.socMin) - discharge))
        discharge += toMinimum
        remaining -= toMinimum
        decision.batteryKW = discharge
        decision.unservedKW = remaining
    }
}

import Foundation

/// Runs a campus over one or more years: owns time and plant state, asks the dispatch strategy
/// for each step's flows, applies them, ages the plant and accounts energy, fuel and carbon.
///
/// Components age and are replaced by the life model (``ComponentLives``): PV output falls by
/// `degradation_per_year` compounded from installation and the modules are replaced every 25 years;
/// battery fade (``Battery/age(toYears:)``) is applied at each year's end and the battery replaced
/// when it reaches end of life, or its fade made good by augmentation each year, or left to fade, as
/// `[battery] augmentation` says (``BatteryAugmentation``); gensets are overhauled every
/// `diesel_overhaul_hours`, and are replaced when their engine hours reach their life. Each
/// year's ageing and replacements are recorded (``LifeYear``).
public enum SimulationEngine {
    /// Simulates `scenario` on prepared `inputs` with a strategy from the strategy factory.
    ///
    /// The factory lives in another module and hands out `any DispatchStrategy`, which the step loop
    /// could only call through a witness table; the rule-based EMS, the strategy of the speed
    /// budgets, is run on a copy of the loop specialised here for it, so its `decide` is inlined.
    public static func run(_ scenario: Scenario, inputs: SimulationInputs, strategy: inout any DispatchStrategy,
                           recordSeries: Bool, onYear: YearSink? = nil) -> SimulationResult {
        guard var rule = strategy as? RuleBasedDispatch else {
            return opened(scenario, inputs: inputs, strategy: &strategy, recordSeries: recordSeries, onYear: onYear)
        }
        defer { strategy = rule }
        return run(scenario, inputs: inputs, strategy: &rule, recordSeries: recordSeries, onYear: onYear)
    }

    /// Receives each simulated year's step series as the year ends (year index from 0, the series of
    /// that year only, the run's clock), so callers can stream per-step outputs with one year in memory.
    public typealias YearSink = (_ year: Int, _ series: StepSeries, _ axis: TimeAxis) -> Void

    /// The generic loop on an opened existential.
    private static func opened<S: DispatchStrategy>(_ scenario: Scenario, inputs: SimulationInputs, strategy: inout S,
                                                   recordSeries: Bool, onYear: YearSink?) -> SimulationResult {
        run(scenario, inputs: inputs, strategy: &strategy, recordSeries: recordSeries, onYear: onYear)
    }

    /// Simulates `scenario` on prepared `inputs` with `strategy`; `recordSeries` keeps every step's
    /// columns in the result; `onYear` receives each year's columns as the year ends.
    public static func run<S: DispatchStrategy>(
        _ scenario: Scenario, inputs: SimulationInputs, strategy: inout S, recordSeries: Bool, onYear: YearSink? = nil
    ) -> SimulationResult {
        var events = NoPlantEvents()
        return run(scenario, inputs: inputs, strategy: &strategy, events: &events, recordSeries: recordSeries, onYear: onYear)
    }

    /// The reliability Monte Carlo's sample-year: the rule-based EMS on a failing plant
    /// (``run(_:inputs:strategy:events:recordSeries:onYear:)``), specialised here for those two types.
    /// A caller in another module reaches the generic loop only through witness tables, and a run of
    /// thousands of sample-years then paid for every step's calls.
    public static func run(_ scenario: Scenario, inputs: SimulationInputs, strategy: inout RuleBasedDispatch, events: inout FailureEvents,
                           recordSeries: Bool) -> SimulationResult {
        run(scenario, inputs: inputs, strategy: &strategy, events: &events, recordSeries: recordSeries, onYear: nil)
    }

    /// Simulates `scenario` as ``run(_:inputs:strategy:recordSeries:onYear:)`` does, with `events`
    /// failing and repairing the plant and drawing its fuel. A start that fails is seen at once
    /// (``DispatchStrategy/decideStartingUnits(_:step:startFails:)``).
    public static func run<S: DispatchStrategy, E: PlantEvents>(
        _ scenario: Scenario, inputs: SimulationInputs, strategy: inout S, events: inout E, recordSeries: Bool, onYear: YearSink? = nil
    ) -> SimulationResult {
        let axis = inputs.axis
        let hours = axis.stepHours
        let stepsPerYear = axis.stepsPerYear
        let plant = PlantModel(scenario: scenario)
        // One context for the run: the plant's state lives in it and decisions are applied to it in
        // place, so no step copies the battery or the fleet.
        var context = DispatchContext(step: 0, stepHours: hours, loadKW: 0, pvAvailableKW: 0,
                                      battery: plant.makeBattery(), fleet: plant.makeFleet(), grid: plant.grid)
        let hasGrid = plant.grid != nil
        var tariff = plant.grid.map { GridTariff(grid: $0, inputs: inputs, battery: plant.battery, months: BillingMonths(simulation: axis)) }
        var series = recordSeries ? StepSeries(capacity: stepsPerYear * scenario.site.years) : nil
        var yearSeries = recordSeries || onYear != nil ? StepSeries(capacity: stepsPerYear) : nil
        var yearly: [EnergyTotals] = []
        var minSOC = context.battery?.soc ?? 0
        var maxBalanceError = 0.0
        var duty = GensetDutyMeter(diesel: plant.diesel, stepMinutes: axis.stepMinutes)
        let lives = ComponentLives(scenario: scenario)
        let stages = PlantStages(scenario: scenario)
        if stages.addsBatteryCells { context.battery?.trackPurchases() }
        var life: [LifeYear] = []
        var batteryAgeYears = 0
        var wasShort = false
        var flexible = inputs.compute.map(FlexibleComputeRun.init)
        let counter = StepCounter.current
        defer { counter?.endRun(stepsPerYear * scenario.site.years) }
        for year in 0..<scenario.site.years {
            let pvAge = ComponentLives.pvAgeYears(yearIndex: year)
            expand(&context, duty: &duty, by: stages.starting(yearIndex: year), yearIndex: year)
            let pvFactor = stages.pvFactor(yearIndex: year, lives: lives)
            let yearStart = YearStart(battery: context.battery, fleet: context.fleet)
            let yearInputs = inputs.year(year)
            var totals = EnergyTotals()
            for index in 0..<stepsPerYear {
                let step = year * stepsPerYear + index
                if let counter, index & 255 == 0 { counter.set(step) }
                var load = yearInputs.load.facilityKW[index], it = yearInputs.load.itKW[index]
                let timeHours = Double(step) * hours
                let pvShare = events.begin(timeHours: timeHours, stepHours: hours, context: &context)
                let pvAvailable = yearInputs.pvAvailableKW[index] * pvFactor * pvShare
                let ratingFactor = yearInputs.gensetRatingFactor(at: index)
                if flexible != nil {
                    let state = flexible!.begin(index: index, step: step, hours: hours)
                    context.compute = state
                    load = state.facilityKW(state.nominal)
                }
                context.advance(to: step, loadKW: load, pvAvailableKW: pvAvailable)
                var month = 0
                if hasGrid {
                    month = tariff!.months.month(ofStep: step)
                    context.gridSignal = tariff!.signal(atStepOfYear: index, month: month)
                }
                context.fleet?.derate(to: ratingFactor)
                var (decision, starts) = (DispatchDecision(), 0)
                if events.startsCanFail {
                    (decision, starts) = strategy.decideStartingUnits(&context, step: step) { events.startFails(timeHours: timeHours, unit: $0) }
                } else {
                    decision = strategy.decide(context)
                }
                if let state = context.compute {
                    let fromPVOnly = decision.dieselKW <= 0 && decision.batteryKW <= 0 && decision.gridKW <= 0
                    let done = flexible!.finish(decision.compute ?? state.nominal, state: state, fromPVOnly: fromPVOnly, index: index,
                                                step: step, hours: hours, into: &totals.compute)
                    load = state.facilityKW(done)
                    it = state.itKW(done)
                }
                context.battery?.apply(powerKW: decision.batteryKW, hours: hours)
                starts += context.fleet?.commit(units: decision.dieselUnits, step: step, stepHours: hours) ?? 0
                let fuel = plant.fuelL(units: decision.dieselUnits, outputKW: decision.dieselKW, hours: hours)
                    + Double(starts) * plant.startFuelL
                events.burn(fuelL: fuel)
                let flows = StepFlows(decision, loadKW: load, hours: hours)
                let gridCarbon = hasGrid ? inputs.gridCarbonGPerKWh[index] : 0
                let scope1 = plant.scope1Kg(fuelL: fuel)
                let scope2 = plant.scope2Kg(importKWh: flows.importKWh, gridGPerKWh: gridCarbon)
                accumulate(flows, decision, load: load, it: it, pvAvailable: pvAvailable, hours: hours,
                           fuel: fuel, scope1: scope1, scope2: scope2, starts: starts, into: &totals)
                if hasGrid { tariff!.record(flows, atStepOfYear: index, month: month, hours: hours, into: &totals) }
                let isShort = decision.unservedKW > 1e-9 * max(load, 1)
                if isShort && !wasShort { totals.lossOfLoadEvents += 1 }
                wasShort = isShort
                duty.record(index: index, loadKW: load, dieselKW: decision.dieselKW, units: decision.dieselUnits,
                            ratingFactor: ratingFactor, hours: hours, into: &totals)
                let balance = decision.pvKW + decision.batteryKW + decision.dieselKW + decision.gridKW + decision.unservedKW - load
                maxBalanceError = max(maxBalanceError, abs(balance) / max(load, 1))
                let soc = context.battery?.soc ?? 0
                minSOC = min(minSOC, soc)
                yearSeries?.append(decision, load: load, it: it, pvAvailable: pvAvailable, soc: soc,
                               co2Kg: scope1 + scope2, fuelL: fuel)
            }
            if let finished = yearSeries {
                onYear?(year, finished, axis)
                series?.append(contentsOf: finished)
            }
            yearSeries?.removeAll()
            totals.batteryAuxiliaryKWh = yearInputs.load.batteryAuxiliaryKW * hours * Double(stepsPerYear)
            tariff?.finishYear(year, into: &totals)
            totals.compute.batchQueuedAtEndKWh = flexible?.queuedKWh ?? 0
            yearly.append(totals)
            batteryAgeYears += 1
            var cells = BatteryYearEnd()
            if context.battery != nil { cells = endYear(&context.battery!, year: year, ageYears: &batteryAgeYears, lives: lives) }
            let (fadeAtEnd, augmentedKWh) = (cells.fadeAtEnd, cells.augmentedKWh)
            let unitHours = zip(context.fleet?.units ?? [], yearStart.unitRunHours).map { $0.runHours - $1 }
            let (unitsReplaced, unitsOverhauled) = context.fleet?.endYear(year, lifeHours: lives.gensetHours, lifeYears: lives.gensetYears,
                                                                           overhaulHours: lives.gensetOverhaulHours) ?? (0, 0)
            life.append(LifeYear(
                year: year + 1, pvFactor: pvFactor, pvReplaced: scenario.pv != nil && year > 0 && pvAge == 0, pvAgeYears: pvAge + 1,
                batteryCapacityFraction: yearStart.capacityFraction, batteryFadeGain: fadeAtEnd - yearStart.fade,
                batteryFadeAtEnd: fadeAtEnd, batteryReplaced: cells.replacedKWh > 0, batteryAugmentedKWh: augmentedKWh,
                batteryReplacedKWh: cells.replacedKWh, batteryTranches: context.battery?.tranches ?? [], gensetUnitHours: unitHours,
                gensetHoursSinceInstall: context.fleet?.units.map(\.hoursSinceInstall) ?? [], gensetUnitsReplaced: unitsReplaced,
                gensetHoursSinceOverhaul: context.fleet?.units.map(\.hoursSinceOverhaul) ?? [],
                gensetYearsSinceInstall: context.fleet?.units.map { year + 1 - $0.installedInYear } ?? [], gensetOverhauls: unitsOverhauled))
        }
        var overall = EnergyTotals()
        for totals in yearly { overall.add(totals) }
        return SimulationResult(
            scenario: scenario, dispatch: strategy.kind, axis: axis, yearly: yearly, totals: overall,
            batteryEquivalentFullCycles: context.battery?.equivalentFullCycles ?? 0, batteryMinSOC: minSOC,
            batteryFadeFraction: context.battery?.fadeFraction ?? 0, gensetUnits: context.fleet?.units ?? [],
            maxBalanceErrorFraction: maxBalanceError,
            series: series, life: life)
    }

    /// Installs `purchases` (expansions that start running in year index `yearIndex`): more units in
    /// the fleet, more cells and power in the battery; PV grows through ``PlantStages/pvFactor(yearIndex:lives:)``.
    private static func expand(_ context: inout DispatchContext, duty: inout GensetDutyMeter, by purchases: [PlantStages.Purchase],
                               yearIndex: Int) {
        for purchase in purchases {
            context.fleet?.expand(by: purchase.dieselUnits, yearIndex: yearIndex)
            if let fleet = context.fleet, purchase.dieselUnits > 0 { duty.expand(to: fleet.config) }
            guard var config = context.battery?.config, purchase.batteryKWh > 0 || purchase.batteryKW > 0 else { continue }
            config.energyKWh += purchase.batteryKWh
            config.powerKW += purchase.batteryKW
            context.battery?.expand(to: config, yearIndex: yearIndex, runYears: Double(yearIndex))
        }
    }

    /// What the battery's year end did: its fade before any purchase, cells replaced and capacity augmented, kWh.
    private struct BatteryYearEnd {
        var fadeAtEnd = 0.0, replacedKWh = 0.0, augmentedKWh = 0.0
    }

    /// Ages the battery at the end of year index `year` and replaces or augments its cells as the life
    /// model says: the whole battery at once, or each purchase apart when it tracks purchases (its age
    /// then counts from the run's start and is never reset).
    private static func endYear(_ battery: inout Battery, year: Int, ageYears: inout Int, lives: ComponentLives) -> BatteryYearEnd {
        var end = BatteryYearEnd()
        guard battery.tranches.isEmpty else {
            battery.ageTranches(toYears: Double(ageYears))
            end.fadeAtEnd = battery.fadeFraction
            switch lives.batteryAugmentation {
            case .replace:
                end.replacedKWh = battery.replaceWornTranches(endOfLifeFade: lives.batteryEndOfLifeFade, runYears: Double(ageYears), boughtInYear: year + 1)
            case .maintain: end.augmentedKWh = battery.augmentTranches(runYears: Double(ageYears))
            case .none: break
            }
            return end
        }
        battery.age(toYears: Double(ageYears))
        end.fadeAtEnd = battery.fadeFraction
        let replaced = lives.batteryAugmentation == .replace && end.fadeAtEnd >= lives.batteryEndOfLifeFade
        end.replacedKWh = replaced ? battery.config.energyKWh : 0
        end.augmentedKWh = lives.batteryAugmentation == .maintain ? end.fadeAtEnd * battery.config.energyKWh : 0
        if replaced || end.augmentedKWh > 0 {
            battery.replace()
            ageYears = 0
        }
        return end
    }

    /// The component state a year starts from, for its ``LifeYear``.
    private struct YearStart {
        var capacityFraction = 0.0, fade = 0.0
        var unitRunHours: [Double]

        init(battery: Battery?, fleet: GensetFleet?) {
            if let battery {
                capacityFraction = battery.capacityKWh / battery.config.energyKWh
                fade = battery.fadeFraction
            }
            unitRunHours = fleet?.units.map(\.runHours) ?? []
        }
    }

    @inline(__always)
    private static func accumulate(_ flows: StepFlows, _ decision: DispatchDecision, load: Double, it: Double, pvAvailable: Double,
                                   hours: Double, fuel: Double, scope1: Double, scope2: Double, starts: Int,
                                   into totals: inout EnergyTotals) {
        totals.loadKWh += load * hours
        totals.itKWh += it * hours
        totals.servedKWh += flows.servedKWh
        totals.unservedKWh += flows.unservedKWh
        totals.pvAvailableKWh += pvAvailable * hours
        totals.pvUsedKWh += flows.pvKWh
        totals.pvCurtailedKWh += flows.curtailedKWh
        totals.batteryChargeKWh += flows.chargeKWh
        totals.batteryDischargeKWh += flows.dischargeKWh
        totals.dieselKWh += flows.dieselKWh
        totals.gridImportKWh += flows.importKWh
        totals.gridExportKWh += flows.exportKWh
        totals.fuelL += fuel
        totals.scope1KgCO2e += scope1
        totals.scope2LocationKgCO2e += scope2
        if decision.dieselUnits > 0 { totals.dieselRunHours += hours }
        totals.dieselUnitRunHours += Double(decision.dieselUnits) * hours
        totals.dieselStarts += starts
        if decision.unservedKW > 1e-9 * max(load, 1) {
            totals.lossOfLoadHours += hours
            totals.maxUnservedKW = max(totals.maxUnservedKW, decision.unservedKW)
        }
    }
}

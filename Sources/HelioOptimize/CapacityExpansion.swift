import Foundation
import HelioGrid
import HelioLP

/// Stage one of a sizing study: PV, battery energy and power and the genset count as continuous
/// variables of one LP with the whole year's hourly dispatch under perfect foresight, solved by Clp —
/// the capacity-expansion form of REopt (D. Cutler et al., "REopt: A Platform for Energy System
/// Integration and Optimization", NREL/TP-7A40-70022, 2017) and of PyPSA's `extendable` components
/// (T. Brown, J. Hörsch, D. Schlachtberger, J. Open Res. Softw. 6(1), 2018).
///
/// Per hour: PV used ≤ kWdc × the year's PV per kWdc; battery charge and discharge ≤ its power,
/// stored energy between `soc_min` and `soc_max` of its energy, cyclic over the year but for the
/// share of the initial charge a simulation may draw down once (`soc_initial` − `soc_min`, spread
/// over the project's years); gensets n_t ≤ N units (relaxed), minimum load and derated rating as in
/// dispatch; unserved demand. Across the year: unserved ≤ `max_unserved_fraction` of demand;
/// emissions ≤ `max_intensity_g_per_kwh` × energy served; with N+1, (N − 1) units at the year's worst
/// derating carry the peak. Objective, the project's NPC under the simulated economics' cost model
/// (``LifetimeEconomics``, ``LifeProjection``), each wearing part priced by the life it consumes:
/// - PV: capital, replacement at 25 years, salvage and fixed O&M (its life is in years, as simulated);
/// - battery cells: capital less its salvage at the horizon, c(1 − D_H), plus the life consumed,
///   D_H·p_H·c × (H / calendar life + H × the year's discharge / (energy × cycle life)) — calendar
///   and cycle fade add up to one end of life as in ``Battery/age(toYears:)``; D_H is the horizon's
///   discount factor and p_H its battery price (`battery_capex_decline_per_year`): a simulation
///   pays each replacement earlier and at no lower price, and credits at most the remaining life,
///   so this is no more than any policy pays (with `none` among `[size] augmentation` only the
///   capital less salvage, c(1 − D_H), is counted); fixed O&M;
/// - power electronics: the same with `inverter_life_years`;
/// - gensets: capital less salvage, c(1 − D_H), plus D_H·c per unit-hour / `diesel_life_hours` × H
///   (hour-based life, as the simulation books it);
/// - the year's fuel, carbon, genset O&M and unserved penalty times their present-worth factors
///   (escalation included).
/// Sizes range over the `[size]` lists' spans. What it leaves out — integer units, start-ups, the
/// EMS's myopia, degradation (PV, and the battery's capacity, held at nameplate), battery
/// auxiliaries, the reserve band, the gensets' duty limit, overhauls (whole events) and calendar
/// life — can only make a simulated design cost more, so its optimum bounds
/// the search from below; `size` reports the gap by cause (``SizingStudy``).
public enum CapacityExpansion {
    /// Solves the LP on `study`'s year (PV per kWdc, demand, genset derating); `nil` when the objective is not NPC (the bound is on NPC) or the
    /// campus is grid-connected (the LP has no grid); throws an ``OptimizationError`` when no sizes
    /// within the lists' spans meet the limits.
    public static func solve(_ study: CapacityExpansionYear) throws -> CapacityBound? {
        let config = study.config, scenario = study.scenario
        guard config.objective == .npc, scenario.connectedGrid == nil else { return nil }
        let loadKW = study.loadKW
        var builder = Builder(study: study, pvPerKW: study.pvPerKW, loadKW: loadKW, ratingFactor: study.ratingFactor)
        builder.build()
        let solution = try Solver.solve(builder.program, options: scenario.solver.options, timeLimitSeconds: 600, needsBasis: false)
        let year = builder.year!
        let served = year.servedKWh(solution), fuel = year.fuelLitres(solution)
        let kgPerL = PlantModel(scenario: scenario).fuelKgCO2ePerL
        return CapacityBound(pvKW: solution[builder.pv], batteryKWh: builder.energy.map { solution[$0] } ?? 0,
                             batteryKW: builder.power.map { solution[$0] } ?? 0, dieselUnits: builder.units.map { solution[$0] } ?? 0,
                             objective: solution.objective, intensityGPerKWh: served > 0 ? fuel * kgPerL * 1000 / served : 0,
                             solveSeconds: solution.solveSeconds)
    }

    private struct Builder {
        let study: CapacityExpansionYear
        let pvPerKW: [Double], loadKW: [Double], ratingFactor: [Double]
        var program = LinearProgram()
        var pv: LinearProgram.Variable!
        var energy: LinearProgram.Variable?, power: LinearProgram.Variable?, units: LinearProgram.Variable?
        var year: CapacityYearBlock?

        /// The gensets the LP sizes: the scenario's (or default) units at the first listed rating.
        let diesel: DieselConfig
        let unitKW: Double

        init(study: CapacityExpansionYear, pvPerKW: [Double], loadKW: [Double], ratingFactor: [Double]) {
            self.study = study
            unitKW = study.config.dieselUnitKW[0]
            diesel = study.scenario.diesel ?? DieselConfig(units: 1, unitKW: unitKW)
            self.pvPerKW = pvPerKW
            self.loadKW = loadKW
            self.ratingFactor = ratingFactor
        }

        var assumptions: EconomicAssumptions { EconomicAssumptions(scenario: study.scenario) }

        /// Present worth of a yearly amount over the project, escalating at `escalation`.
        func presentWorth(escalation: Double) -> Double {
            let a = assumptions
            var total = 0.0
            for year in 1...a.projectYears {
                total += pow(1 + escalation, Double(year - 1)) * a.discountFactor(year: Double(year))
            }
            return total
        }

        /// NPC of one unit of a component: capital, replacements every `lifeYears`, salvage, fixed O&M.
        func lifecycle(capex: Double, fixedOM: Double, lifeYears: Double) -> Double {
            LifetimeEconomics(components: [PlantComponent(name: "unit", capex: capex, fixedOMPerYear: fixedOM, lifeYears: lifeYears)],
                              yearly: [EnergyTotals()], assumptions: assumptions).npc
        }

        /// Years of the project, its horizon's discount factor and battery price (fraction of today's).
        var horizon: (years: Double, discount: Double, batteryPrice: Double) {
            let a = assumptions, years = Double(a.projectYears)
            return (years, a.discountFactor(year: years), pow(1 - a.batteryCapexDeclinePerYear, years))
        }

        /// Cost of a part of capital `capex` whose life is consumed over the project: its capital less
        /// its salvage at the horizon, plus `consumed` lives paid at the horizon's discount and `price`.
        func worn(capex: Double, consumed: Double, price: Double = 1) -> Double {
            capex * (1 - horizon.discount) + horizon.discount * price * capex * consumed
        }

        mutating func build() {
            let config = study.config, scenario = study.scenario, economics = scenario.economics, a = assumptions
            let plainWorth = presentWorth(escalation: 0), span = horizon
            pv = program.addVariable(lower: config.pvKW.min()!, upper: config.pvKW.max()!,
                                     objective: lifecycle(capex: a.pvCapexPerKW, fixedOM: economics.pvOMPerKWYear,
                                                          lifeYears: Double(ComponentLives.pvYears)))
            let battery = scenario.battery ?? BatteryConfig(energyKWh: 1, powerKW: 1)
            let cellsWear = !config.augmentation.contains(.none)
            if config.batteryKWh.max()! > 0 {
                let calendar = cellsWear ? span.years / battery.calendarLifeYears : 0
                energy = program.addVariable(lower: config.batteryKWh.min()!, upper: config.batteryKWh.max()!,
                                             objective: worn(capex: a.batteryCapexPerKWh, consumed: calendar, price: span.batteryPrice)
                                                 + economics.batteryOMPerKWhYear * plainWorth)
                power = program.addVariable(objective: worn(capex: a.batteryCapexPerKW, consumed: span.years / battery.inverterLifeYears,
                                                            price: span.batteryPrice))
                addPowerLimits(config)
            }
            if config.dieselUnits.max()! > 0 {
                let fewest = config.nPlusOne ? max(Double(config.dieselUnits.min()!), study.peakLoadKW / (unitKW * study.lowestRatingFactor) + 1)
                                             : Double(config.dieselUnits.min()!)
                units = program.addVariable(lower: min(fewest, Double(config.dieselUnits.max()!)), upper: Double(config.dieselUnits.max()!),
                                            objective: worn(capex: unitKW * economics.dieselCapexPerKW, consumed: 0))
            }
            addFixedSizes()
            let fuelWorth = presentWorth(escalation: a.fuelPriceEscalation), carbonWorth = presentWorth(escalation: a.carbonPriceEscalation)
            let kgPerL = PlantModel(scenario: scenario).fuelKgCO2ePerL
            let perLitre = a.fuelPricePerL * fuelWorth + kgPerL / 1000 * a.carbonPricePerT * carbonWorth
            // The wear of a kWh discharged, the cycle life it consumes; and of a unit-hour, the engine hours.
            let dischargeWear = cellsWear ? horizon.discount * span.batteryPrice * a.batteryCapexPerKWh * span.years / battery.cycleLife : 0
            let unitHourWear = horizon.discount * unitKW * economics.dieselCapexPerKW * span.years / economics.dieselLifeHours
            let prices = CapacityYearBlock.Prices(plainWorth: plainWorth, perLitre: perLitre, dischargeWear: dischargeWear, unitHourWear: unitHourWear,
                                                  drawnShare: (battery.socInitial - battery.socMin) / span.years)
            let block = CapacityYearBlock(program: &program, capacities: .init(pv: pv, energy: energy, power: power, units: units), loadKW: loadKW,
                                          pvPerKW: pvPerKW, ratingFactor: ratingFactor, battery: battery, diesel: diesel, unitKW: unitKW,
                                          prices: prices, assumptions: a)
            block.addLimits(to: &program, config: config, kgPerL: kgPerL)
            year = block
        }

        /// Sizes held at ``CapacityExpansionYear/fixedSizes`` when given (the LP then prices one design).
        private mutating func addFixedSizes() {
            guard let fixed = study.fixedSizes else { return }
            program.addConstraint([pv: 1], lower: fixed.pvKW, upper: fixed.pvKW)
            if let energy { program.addConstraint([energy: 1], lower: fixed.batteryKWh, upper: fixed.batteryKWh) }
            if let power { program.addConstraint([power: 1], lower: fixed.batteryKW, upper: fixed.batteryKW) }
            if let units { program.addConstraint([units: 1], lower: Double(fixed.dieselUnits), upper: Double(fixed.dieselUnits)) }
        }

        private mutating func addPowerLimits(_ config: SizeConfig) {
            guard let energy, let power else { return }
            CapacityExpansion.addPowerLimits(to: &program, energy: energy, power: power, config: config)
        }
    }

    /// Battery power `power` from the `battery_kw` list's span, or between `energy` / longest and
    /// `energy` / shortest duration, and at least `min_battery_power_kw`.
    static func addPowerLimits(to program: inout LinearProgram, energy: LinearProgram.Variable, power: LinearProgram.Variable, config: SizeConfig) {
        if let hours = config.batteryHours {
            program.addConstraint([power: 1, energy: -1 / hours.max()!], lower: 0)
            program.addConstraint([power: 1, energy: -1 / hours.min()!], upper: 0)
        } else if let powers = config.batteryKW {
            program.addConstraint([power: 1], lower: powers.min()!, upper: powers.max()!)
        }
        if let least = config.minBatteryPowerKW { program.addConstraint([power: 1], lower: least) }
    }
}

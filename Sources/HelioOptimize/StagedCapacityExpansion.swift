import Foundation
import HelioGrid
import HelioLP

/// The multi-period form of the sizing LP (``CapacityExpansion``) for a campus that grows: the plant
/// installed by each stage (`[size] stages`) as variables, never falling from one stage to the next,
/// each span of years between changes of the campus (a stage, a load phase) dispatched hour by hour on
/// one representative year with its load and the plant in force — PyPSA's investment periods
/// (multi-horizon optimisation, PyPSA ≥ 0.18: `snapshot_weightings` per period, `build_year` and
/// lifetime per asset; T. Brown et al., J. Open Res. Softw. 6(1), 2018).
///
/// Costs follow the simulation's cost model (``LifetimeEconomics``, ``ExpansionCosts``) with each
/// addition bought in the year before its stage: PV's capital, replacements, fixed O&M and salvage
/// exactly as ``ExpansionCosts`` books them; the battery's cells and power electronics and the
/// gensets as ``CapacityExpansion`` prices them (capital less salvage as new at the horizon, plus the
/// lives consumed from the stage to the horizon and by each span's dispatch), at the stage's
/// discount factor and price (`battery_capex_decline_per_year`, `pv_capex_decline_per_year`); each
/// span's fuel, carbon, O&M and unserved penalty weighted by the present worth of its years. The
/// limits hold in every span, N + 1 on each span's design day. What it leaves out is what
/// ``CapacityExpansion`` leaves out, so its optimum bounds every staged design from below. With one
/// stage and no load phases it is ``CapacityExpansion``'s LP (a test).
public enum StagedCapacityExpansion {
    /// Solves the LP for `scenario`'s `[size]` stages over `spans`; `nil` when the objective is not
    /// NPC or the campus is grid-connected; throws an ``OptimizationError`` when no staged sizes
    /// within the lists' spans meet the limits.
    public static func solve(_ scenario: Scenario, config: SizeConfig, spans: [StagedCapacityYear]) throws -> StagedCapacityBound? {
        guard config.objective == .npc, scenario.connectedGrid == nil else { return nil }
        var builder = Builder(scenario: scenario, config: config)
        builder.build(spans)
        let solution = try Solver.solve(builder.program, options: scenario.solver.options, timeLimitSeconds: 1200, needsBasis: false)
        let kgPerL = PlantModel(scenario: scenario).fuelKgCO2ePerL
        let values: ([LinearProgram.Variable]?) -> [Double] = { variables in
            variables?.map { solution[$0] } ?? Array(repeating: 0, count: config.stages.count)
        }
        return StagedCapacityBound(
            stageYears: config.stages, pvKW: values(builder.pv), batteryKWh: values(builder.energy), batteryKW: values(builder.power),
            dieselUnits: values(builder.units), objective: solution.objective, spanFirstYears: spans.map(\.years.lowerBound),
            spanIntensityGPerKWh: builder.blocks.map { block in
                let served = block.servedKWh(solution)
                return served > 0 ? block.fuelLitres(solution) * kgPerL * 1000 / served : 0
            }, solveSeconds: solution.solveSeconds)
    }

    private struct Builder {
        let scenario: Scenario, config: SizeConfig
        let assumptions: EconomicAssumptions
        let battery: BatteryConfig, diesel: DieselConfig
        let unitKW: Double
        var program = LinearProgram()
        /// Installed by each stage (cumulative).
        var pv: [LinearProgram.Variable]!
        var energy: [LinearProgram.Variable]?, power: [LinearProgram.Variable]?, units: [LinearProgram.Variable]?
        var blocks: [CapacityYearBlock] = []

        init(scenario: Scenario, config: SizeConfig) {
            self.scenario = scenario
            self.config = config
            assumptions = EconomicAssumptions(scenario: scenario)
            battery = scenario.battery ?? BatteryConfig(energyKWh: 1, powerKW: 1)
            unitKW = config.dieselUnitKW[0]
            diesel = scenario.diesel ?? DieselConfig(units: 1, unitKW: unitKW)
        }

        var horizon: Int { assumptions.projectYears }
        func discount(_ year: Int) -> Double { assumptions.discountFactor(year: Double(year)) }
        func batteryPrice(_ year: Int) -> Double { pow(1 - assumptions.batteryCapexDeclinePerYear, Double(year)) }

        /// Present worth of a yearly amount over `years`, escalating at `escalation` from year 1.
        func presentWorth(_ years: ClosedRange<Int>, escalation: Double) -> Double {
            years.reduce(0) { $0 + pow(1 + escalation, Double($1 - 1)) * discount($1) }
        }

        /// Cost of a part bought in cash-flow year `bought` whose life is consumed to the horizon: its
        /// capital less its salvage as new at the horizon, plus `consumed` lives at the horizon's
        /// discount and `price` (``CapacityExpansion``'s form from the stage on).
        func worn(capex: Double, bought: Int, consumed: Double, price: Double) -> Double {
            let (now, end) = (discount(bought), discount(horizon))
            return capex * batteryPrice(bought) * (now - end) + end * price * capex * consumed
        }

        /// NPC of 1 kWdc of PV bought in cash-flow year `bought`, as ``ExpansionCosts`` books it.
        func pvCost(bought: Int) -> Double {
            let costs = LifeProjection.Costs(scenario: scenario, assumptions: assumptions)
            let stages = PlantStages(purchases: [.init(firstYearIndex: 0), .init(firstYearIndex: bought, pvKW: 1)])
            let flows = ExpansionCosts(stages: stages, costs: costs, lives: ComponentLives(scenario: scenario), horizon: horizon)
            return (0...horizon).reduce(0) { total, year in
                total + (flows.capex[year] + flows.fixedOM[year] + flows.replacement[year]) * discount(year)
            } - flows.salvage * discount(horizon)
        }

        /// Cumulative variables per stage within `range`, each at least the one before, with
        /// `costs[stage]` the cost of a unit added at that stage.
        mutating func stageVariables(_ range: ClosedRange<Double>, costs: [Double]) -> [LinearProgram.Variable] {
            var variables: [LinearProgram.Variable] = []
            for index in config.stages.indices {
                let next = index + 1 < costs.count ? costs[index + 1] : 0
                let variable = program.addVariable(lower: index == 0 ? range.lowerBound : 0, upper: range.upperBound, objective: costs[index] - next)
                if let previous = variables.last { program.addConstraint([variable: 1, previous: -1], lower: 0) }
                variables.append(variable)
            }
            return variables
        }

        mutating func build(_ spans: [StagedCapacityYear]) {
            let a = assumptions, economics = scenario.economics, years = Double(horizon)
            let bought = config.stages.map { $0 - 1 }
            let stages = config.stages.indices
            pv = stageVariables(config.pvKW.min()!...config.pvKW.max()!, costs: stages.map { pvCost(bought: bought[$0]) })
            let cellsWear = !config.augmentation.contains(.none), endPrice = batteryPrice(horizon)
            if config.batteryKWh.max()! > 0 {
                let cells = stages.map { stage in
                    worn(capex: a.batteryCapexPerKWh, bought: bought[stage],
                         consumed: cellsWear ? (years - Double(bought[stage])) / battery.calendarLifeYears : 0, price: endPrice)
                        + economics.batteryOMPerKWhYear * presentWorth((bought[stage] + 1)...horizon, escalation: 0)
                }
                energy = stageVariables(config.batteryKWh.min()!...config.batteryKWh.max()!, costs: cells)
                power = stageVariables(0...1e12, costs: stages.map { stage in
                    worn(capex: a.batteryCapexPerKW, bought: bought[stage], consumed: (years - Double(bought[stage])) / battery.inverterLifeYears, price: endPrice)
                })
                addPowerLimits()
            }
            if config.dieselUnits.max()! > 0 {
                units = stageVariables(Double(config.dieselUnits.min()!)...Double(config.dieselUnits.max()!), costs: stages.map { stage in
                    unitKW * economics.dieselCapexPerKW * (discount(bought[stage]) - discount(horizon))
                })
            }
            let kgPerL = PlantModel(scenario: scenario).fuelKgCO2ePerL
            for span in spans { addSpan(span, kgPerL: kgPerL, cellsWear: cellsWear) }
        }

        /// The span's year of dispatch on the plant of the last stage begun by its first year.
        mutating func addSpan(_ span: StagedCapacityYear, kgPerL: Double, cellsWear: Bool) {
            let a = assumptions, economics = scenario.economics
            let stage = config.stages.lastIndex { $0 <= span.years.lowerBound } ?? 0
            let count = Double(span.years.count), end = discount(horizon)
            let perLitre = a.fuelPricePerL * presentWorth(span.years, escalation: a.fuelPriceEscalation)
                + kgPerL / 1000 * a.carbonPricePerT * presentWorth(span.years, escalation: a.carbonPriceEscalation)
            let prices = CapacityYearBlock.Prices(
                plainWorth: presentWorth(span.years, escalation: 0), perLitre: perLitre,
                dischargeWear: cellsWear ? end * batteryPrice(horizon) * a.batteryCapexPerKWh * count / battery.cycleLife : 0,
                unitHourWear: end * unitKW * economics.dieselCapexPerKW * count / economics.dieselLifeHours,
                drawnShare: (battery.socInitial - battery.socMin) / Double(horizon))
            let capacities = CapacityYearBlock.Capacities(pv: pv[stage], energy: energy?[stage], power: power?[stage], units: units?[stage])
            let block = CapacityYearBlock(program: &program, capacities: capacities, loadKW: span.loadKW, pvPerKW: span.pvPerKW,
                                          ratingFactor: span.ratingFactor, battery: battery, diesel: diesel, unitKW: unitKW, prices: prices, assumptions: a)
            block.addLimits(to: &program, config: config, kgPerL: kgPerL)
            if config.nPlusOne, let units {
                let fewest = min(span.peakLoadKW / (unitKW * span.lowestRatingFactor) + 1, Double(config.dieselUnits.max()!))
                program.addConstraint([units[stage]: 1], lower: fewest)
            }
            blocks.append(block)
        }

        /// Each stage's power within the lists (``CapacityExpansion/addPowerLimits(to:energy:power:config:)``).
        mutating func addPowerLimits() {
            guard let energy, let power else { return }
            for (stored, rated) in zip(energy, power) {
                CapacityExpansion.addPowerLimits(to: &program, energy: stored, power: rated, config: config)
            }
        }
    }
}

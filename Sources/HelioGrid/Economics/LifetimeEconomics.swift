import Foundation

/// Lifetime cost of the plant as yearly cash flows — capital, replacements, O&M, fuel, grid energy,
/// carbon, unserved-energy penalty and salvage — discounted to a net present cost (NPC), an
/// annualised cost and a levelised cost (LCOE).
///
/// Follows the HOMER Pro manual ("Net Present Cost", "Salvage Value", "Levelized Cost of Energy",
/// "Capital Recovery Factor"): real cash flows at the real discount rate, each discounted by
/// (1 + i)^−year. A simulated run's replacements and salvage come from the life model the
/// simulation ran (``LifeProjection``): each simulated year as simulated, later years projected.
/// Fuel, carbon and grid prices escalate yearly from year 1 (the grid's bill as the run billed it:
/// energy at each step's price less export revenue, demand and fixed charges); the carbon price charged is the scenario price
/// less what was paid at origin, never below zero. Years beyond the simulated ones repeat the last
/// simulated year's energy and fuel. Annualised cost = NPC × CRF; LCOE = NPC / discounted energy served.
public struct LifetimeEconomics: Sendable, Equatable {
    /// ISO 4217 code.
    public var currency: String
    /// Up-front capital cost.
    public var capex: Double
    /// Net present cost over the project: Σ discounted yearly totals.
    public var npc: Double
    /// NPC spread evenly over the project with the capital recovery factor, per year.
    public var annualisedCost: Double
    /// Levelised cost per kWh served.
    public var lcoePerKWh: Double
    /// Fuel cost of the first year.
    public var fuelCostYear1: Double
    /// Carbon cost of the first year.
    public var carbonCostYear1: Double
    /// The grid's bill in the first year: imports less export revenue plus demand and fixed charges.
    public var gridCostYear1: Double
    /// Demand charges of the first year.
    public var demandChargeYear1: Double
    /// Year 0 (investment) then each project year.
    public var cashFlows: [CashFlowYear]

    /// The economics of a simulated run under the scenario's own assumptions, or `assumptions`.
    public init(result: SimulationResult, assumptions: EconomicAssumptions? = nil) {
        let assumptions = assumptions ?? EconomicAssumptions(scenario: result.scenario)
        let projection = Self.projection(result, assumptions: assumptions)
        let expansions = Self.expansionCosts(result.scenario, assumptions: assumptions)
        self.init(components: Self.components(result, assumptions: assumptions), yearly: result.yearly, assumptions: assumptions,
                  replacementsByYear: projection.replacementCost, salvage: projection.salvage, expansions: expansions)
    }

    /// The cash flows of `scenario`'s expansions under `assumptions` (`nil` without expansions).
    public static func expansionCosts(_ scenario: Scenario, assumptions: EconomicAssumptions) -> ExpansionCosts? {
        guard !scenario.expansions.isEmpty else { return nil }
        return ExpansionCosts(stages: PlantStages(scenario: scenario), costs: LifeProjection.Costs(scenario: scenario, assumptions: assumptions),
                              lives: ComponentLives(scenario: scenario), horizon: assumptions.projectYears)
    }

    /// The economics of `components` with fixed lives (each replaced every `lifeYears`) operating as
    /// `yearly` (the last entry repeats to the horizon).
    public init(components: [PlantComponent], yearly: [EnergyTotals], assumptions: EconomicAssumptions) {
        self.init(components: components, yearly: yearly, assumptions: assumptions,
                  replacementsByYear: Self.replacementsByYear(components, horizon: assumptions.projectYears),
                  salvage: Self.salvage(components, horizon: assumptions.projectYears))
    }

    /// `expansions` adds the capital, fixed O&M, replacements and salvage of plant bought after day one.
    private init(components: [PlantComponent], yearly: [EnergyTotals], assumptions: EconomicAssumptions,
                 replacementsByYear replacements: [Double], salvage: Double, expansions: ExpansionCosts? = nil) {
        precondition(!yearly.isEmpty, "economics need at least one simulated year")
        currency = assumptions.currency
        capex = components.reduce(0) { $0 + $1.capex }
        var flows = [Self.investment(capex: capex, assumptions: assumptions)]
        let horizon = assumptions.projectYears
        for year in 1...horizon {
            let totals = yearly[min(year, yearly.count) - 1]
            var flow = Self.operatingYear(
                year, totals: totals, components: components, assumptions: assumptions,
                replacement: replacements[year], salvage: year == horizon ? salvage : 0)
            if let expansions { flow.add(capex: expansions.capex[year], fixedOM: expansions.fixedOM[year], replacement: expansions.replacement[year],
                                         salvage: year == horizon ? expansions.salvage : 0) }
            flows.append(flow)
        }
        cashFlows = flows
        npc = flows.reduce(0) { $0 + $1.discounted }
        annualisedCost = npc * assumptions.capitalRecoveryFactor
        let discountedServedKWh = flows.reduce(0) { $0 + $1.servedKWh * $1.discountFactor }
        lcoePerKWh = discountedServedKWh > 0 ? npc / discountedServedKWh : 0
        fuelCostYear1 = flows[1].fuel
        carbonCostYear1 = flows[1].carbon
        gridCostYear1 = flows[1].gridEnergy + flows[1].gridCharges
        demandChargeYear1 = yearly[0].gridDemandCharge
    }

    private static func investment(capex: Double, assumptions: EconomicAssumptions) -> CashFlowYear {
        CashFlowYear(year: 0, calendarYear: assumptions.firstYear - 1, capex: capex, replacement: 0, operationsAndMaintenance: 0,
                     fuel: 0, carbon: 0, gridEnergy: 0, gridCharges: 0, unservedPenalty: 0, throughputLost: 0, salvage: 0, servedKWh: 0, total: capex,
                     discountFactor: 1, discounted: capex)
    }

    private static func operatingYear(_ year: Int, totals: EnergyTotals, components: [PlantComponent],
                                      assumptions: EconomicAssumptions, replacement: Double, salvage: Double) -> CashFlowYear {
        let age = Double(year - 1)
        let fuel = totals.fuelL * assumptions.fuelPricePerL * pow(1 + assumptions.fuelPriceEscalation, age)
        let carbon = totals.emissionsKgCO2e / 1000 * assumptions.carbonPricePerT * pow(1 + assumptions.carbonPriceEscalation, age)
        let om = components.reduce(0) { $0 + $1.fixedOMPerYear } + totals.dieselUnitRunHours * assumptions.dieselOMPerHour
            + Double(totals.dieselStarts) * assumptions.dieselStartCost
        let gridEscalation = pow(1 + assumptions.gridPriceEscalation, age)
        let grid = (totals.gridImportCost - totals.gridExportRevenue) * gridEscalation
        let charges = (totals.gridDemandCharge + totals.gridFixedCharge) * gridEscalation
        let penalty = totals.unservedKWh * assumptions.unservedPenaltyPerKWh
        let throughput = totals.compute.trainingLostKWh * assumptions.throughputLostPerKWh
        let total = replacement + om + fuel + carbon + grid + charges + penalty + throughput - salvage
        let factor = assumptions.discountFactor(year: Double(year))
        return CashFlowYear(year: year, calendarYear: assumptions.firstYear + year - 1, capex: 0, replacement: replacement,
                            operationsAndMaintenance: om, fuel: fuel, carbon: carbon, gridEnergy: grid, gridCharges: charges, unservedPenalty: penalty,
                            throughputLost: throughput, salvage: salvage, servedKWh: totals.servedKWh, total: total, discountFactor: factor,
                            discounted: total * factor)
    }

    /// Replacement cost booked per project year (index = year): a component whose life runs out at
    /// age L is replaced in year ⌈L⌉, again at ⌈2L⌉, … while before the horizon.
    private static func replacementsByYear(_ components: [PlantComponent], horizon: Int) -> [Double] {
        var byYear = [Double](repeating: 0, count: horizon + 1)
        for component in components {
            for replacement in replacementAges(lifeYears: component.lifeYears, horizon: horizon) {
                byYear[max(1, Int(replacement.rounded(.up)))] += component.capex
            }
        }
        return byYear
    }

    /// Ages at which a component of life `lifeYears` is replaced before `horizon` years: L, 2L, …
    /// (none for an infinite or zero life).
    public static func replacementAges(lifeYears: Double, horizon: Int) -> [Double] {
        guard lifeYears.isFinite, lifeYears > 0 else { return [] }
        var ages: [Double] = []
        var age = lifeYears
        while age < Double(horizon) {
            ages.append(age)
            age += lifeYears
        }
        return ages
    }

    /// Battery life, years, at the last simulated year's fade rate (cycle and calendar), or the
    /// calendar life when the run shows no fade: what the cash-flow table shows as the battery's life.
    public static func batteryLifeYears(_ result: SimulationResult, battery: BatteryConfig) -> Double {
        let fadePerYear = result.life.last?.batteryFadeGain ?? 0
        return fadePerYear > 0 ? Battery.endOfLifeFade / fadePerYear : battery.calendarLifeYears
    }

    /// The replacements and salvage of a simulated run under `assumptions`' capital costs.
    public static func projection(_ result: SimulationResult, assumptions: EconomicAssumptions) -> LifeProjection {
        let scenario = result.scenario
        let costs = LifeProjection.Costs(scenario: scenario, assumptions: assumptions)
        let cells = PlantStages(scenario: scenario).purchases.dropFirst().filter { $0.batteryKWh > 0 }.map { (year: $0.firstYearIndex, kWh: $0.batteryKWh) }
        return LifeProjection(life: result.life, lives: ComponentLives(scenario: scenario), costs: costs, hasPV: scenario.pv != nil,
                              hasBattery: scenario.battery != nil, horizon: assumptions.projectYears, cellPurchases: cells)
    }

    /// Salvage at the horizon: each component's last installation × remaining life / life.
    private static func salvage(_ components: [PlantComponent], horizon: Int) -> Double {
        components.reduce(0) { total, component in
            guard component.lifeYears.isFinite, component.lifeYears > 0 else { return total }
            let installedAt = (Double(horizon) / component.lifeYears).rounded(.down) * component.lifeYears
            let lastInstall = installedAt >= Double(horizon) ? installedAt - component.lifeYears : installedAt
            let remaining = component.lifeYears - (Double(horizon) - lastInstall)
            return total + component.capex * remaining / component.lifeYears
        }
    }

    /// PV, battery and gensets of a run with their costs and lives.
    public static func components(_ result: SimulationResult, assumptions: EconomicAssumptions) -> [PlantComponent] {
        let scenario = result.scenario, economics = scenario.economics
        let costs = LifeProjection.Costs(scenario: scenario, assumptions: assumptions)
        var components: [PlantComponent] = []
        if let pv = scenario.pv {
            components.append(PlantComponent(name: "PV", capex: costs.pv,
                                             fixedOMPerYear: pv.dcKW * economics.pvOMPerKWYear, lifeYears: Double(ComponentLives.pvYears)))
        }
        if let battery = scenario.battery {
            let life = batteryLifeYears(result, battery: battery)
            components.append(PlantComponent(
                name: "battery", capex: costs.battery,
                fixedOMPerYear: battery.energyKWh * economics.batteryOMPerKWhYear, lifeYears: life))
        }
        if let diesel = scenario.diesel {
            let lastYear = result.life.last?.gensetUnitHours ?? []
            let hoursPerUnitYear = lastYear.reduce(0, +) / Double(diesel.units)
            components.append(PlantComponent(
                name: "gensets", capex: Double(diesel.units) * costs.gensetUnit, fixedOMPerYear: 0,
                lifeYears: hoursPerUnitYear > 0 ? economics.dieselLifeHours / hoursPerUnitYear : .infinity))
        }
        return components
    }
}

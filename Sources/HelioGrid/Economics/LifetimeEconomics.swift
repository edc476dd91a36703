import Foundation

/// Lifetime cost of the plant: capital, O&M, fuel, grid energy, carbon, unserved-energy penalty,
/// replacements and salvage, discounted to a net present cost (NPC) and a levelised cost (LCOE).
///
/// Follows the HOMER Pro manual ("Net Present Cost", "Salvage Value", "Levelized Cost of Energy"):
/// real cash flows at the real `discount_rate`; components replaced at the end of their life inside
/// `project_years`; salvage of the last installation linear in its remaining life. Fuel and carbon
/// prices escalate yearly; the carbon price charged is the scenario price less what was already paid
/// at origin (CBAM deduction), never below zero. Years beyond the simulated ones repeat the last
/// simulated year. LCOE = NPC / discounted energy served.
public struct LifetimeEconomics: Sendable, Equatable {
    /// Up-front capital cost.
    public var capex: Double
    /// Net present cost over the project.
    public var npc: Double
    /// Levelised cost per kWh served.
    public var lcoePerKWh: Double
    /// Fuel cost of the first year.
    public var fuelCostYear1: Double
    /// Carbon cost of the first year.
    public var carbonCostYear1: Double

    /// PV module life, years (NREL Annual Technology Baseline 2024 assumes 30; 25 is the common
    /// warranty term used here, conservatively).
    public static let pvLifeYears = 25.0

    /// Computes the economics of a simulated run.
    public init(result: SimulationResult) {
        let scenario = result.scenario
        let economics = scenario.economics, carbon = scenario.carbon
        let components = Self.components(result)
        capex = components.reduce(0) { $0 + $1.capex }
        let carbonPrice = max(0, carbon.pricePerT - carbon.originPricePerT)
        let first = result.yearly[0]
        fuelCostYear1 = first.fuelL * economics.fuelPricePerL
        carbonCostYear1 = first.emissionsKgCO2e / 1000 * carbonPrice
        var npc = capex
        var discountedServedKWh = 0.0
        let rate = economics.discountRate
        for year in 1...economics.projectYears {
            let totals = result.yearly[min(year, result.yearly.count) - 1]
            let discount = pow(1 + rate, Double(year))
            let fuel = totals.fuelL * economics.fuelPricePerL * pow(1 + economics.fuelPriceEscalation, Double(year - 1))
            let carbonCost = totals.emissionsKgCO2e / 1000 * carbonPrice * pow(1 + carbon.priceEscalation, Double(year - 1))
            let grid = totals.gridImportKWh * (scenario.connectedGrid?.pricePerKWh ?? 0)
            let om = components.reduce(0) { $0 + $1.fixedOMPerYear } + totals.dieselUnitRunHours * economics.dieselOMPerHour
            let penalty = totals.unservedKWh * economics.unservedPenaltyPerKWh
            npc += (fuel + carbonCost + grid + om + penalty) / discount
            discountedServedKWh += totals.servedKWh / discount
        }
        let horizon = Double(economics.projectYears)
        for component in components where component.lifeYears.isFinite && component.lifeYears > 0 {
            var replacedAt = component.lifeYears
            while replacedAt < horizon {
                npc += component.capex / pow(1 + rate, replacedAt)
                replacedAt += component.lifeYears
            }
            let lastInstalled = replacedAt - component.lifeYears
            let remaining = component.lifeYears - (horizon - lastInstalled)
            npc -= component.capex * remaining / component.lifeYears / pow(1 + rate, horizon)
        }
        self.npc = npc
        lcoePerKWh = discountedServedKWh > 0 ? npc / discountedServedKWh : 0
    }

    /// A plant component's capital cost, fixed O&M and life.
    private struct Component {
        var capex: Double
        var fixedOMPerYear: Double
        var lifeYears: Double
    }

    private static func components(_ result: SimulationResult) -> [Component] {
        let scenario = result.scenario, economics = scenario.economics
        var components: [Component] = []
        let years = Double(result.yearly.count)
        if let pv = scenario.pv {
            components.append(Component(capex: pv.dcKW * economics.pvCapexPerKW, fixedOMPerYear: pv.dcKW * economics.pvOMPerKWYear,
                                        lifeYears: pvLifeYears))
        }
        if let battery = scenario.battery {
            let fadePerYear = result.batteryFadeFraction / years
            let life = fadePerYear > 0 ? Battery.endOfLifeFade / fadePerYear : battery.calendarLifeYears
            components.append(Component(
                capex: battery.energyKWh * economics.batteryCapexPerKWh + battery.powerKW * economics.batteryCapexPerKW,
                fixedOMPerYear: battery.energyKWh * economics.batteryOMPerKWhYear, lifeYears: life))
        }
        if let diesel = scenario.diesel {
            let hoursPerUnitYear = result.totals.dieselUnitRunHours / Double(diesel.units) / years
            components.append(Component(
                capex: diesel.fleetKW * economics.dieselCapexPerKW, fixedOMPerYear: 0,
                lifeYears: hoursPerUnitYear > 0 ? economics.dieselLifeHours / hoursPerUnitYear : .infinity))
        }
        return components
    }
}

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
        let economics = result.scenario.economics, carbon = result.scenario.carbon
        let components = Self.components(result)
        let carbonPrice = max(0, carbon.pricePerT - carbon.originPricePerT)
        capex = components.reduce(0) { $0 + $1.capex }
        fuelCostYear1 = result.yearly[0].fuelL * economics.fuelPricePerL
        carbonCostYear1 = result.yearly[0].emissionsKgCO2e / 1000 * carbonPrice
        let (operatingNPC, discountedServedKWh) = Self.operating(result, components: components, carbonPrice: carbonPrice)
        npc = capex + operatingNPC + Self.replacementsLessSalvage(components, economics: economics)
        lcoePerKWh = discountedServedKWh > 0 ? npc / discountedServedKWh : 0
    }

    /// Discounted yearly costs (fuel, carbon, grid energy, O&M, unserved penalty) and discounted
    /// energy served over the project.
    private static func operating(_ result: SimulationResult, components: [Component], carbonPrice: Double) -> (Double, Double) {
        let economics = result.scenario.economics
        let fixedOM = components.reduce(0) { $0 + $1.fixedOMPerYear }
        let gridPrice = result.scenario.connectedGrid?.pricePerKWh ?? 0
        var cost = 0.0, served = 0.0
        for year in 1...economics.projectYears {
            let totals = result.yearly[min(year, result.yearly.count) - 1]
            let discount = pow(1 + economics.discountRate, Double(year))
            let age = Double(year - 1)
            let fuel = totals.fuelL * economics.fuelPricePerL * pow(1 + economics.fuelPriceEscalation, age)
            let carbonCost = totals.emissionsKgCO2e / 1000 * carbonPrice * pow(1 + result.scenario.carbon.priceEscalation, age)
            let om = fixedOM + totals.dieselUnitRunHours * economics.dieselOMPerHour
            let penalty = totals.unservedKWh * economics.unservedPenaltyPerKWh
            cost += (fuel + carbonCost + totals.gridImportKWh * gridPrice + om + penalty) / discount
            served += totals.servedKWh / discount
        }
        return (cost, served)
    }

    /// Discounted replacements at the end of each life inside the horizon, less the discounted
    /// salvage of the last installation (linear in its remaining life).
    private static func replacementsLessSalvage(_ components: [Component], economics: EconomicsConfig) -> Double {
        let horizon = Double(economics.projectYears), rate = economics.discountRate
        var total = 0.0
        for component in components where component.lifeYears.isFinite && component.lifeYears > 0 {
            var replacedAt = component.lifeYears
            while replacedAt < horizon {
                total += component.capex / pow(1 + rate, replacedAt)
                replacedAt += component.lifeYears
            }
            let remaining = component.lifeYears - (horizon - (replacedAt - component.lifeYears))
            total -= component.capex * remaining / component.lifeYears / pow(1 + rate, horizon)
        }
        return total
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

import Foundation

/// The cash flows of a campus's expansions (`[[expansions]]`, ``PlantStages``) that their own
/// installation dates decide: each purchase paid in the cash-flow year before it first runs at that
/// year's price (`pv_capex_decline_per_year`, `battery_capex_decline_per_year`), its fixed O&M from
/// then on, its PV modules replaced after ``ComponentLives/pvYears`` and its power electronics after
/// `inverter_life_years` counted from its own installation, and their salvage at the horizon by the
/// life each has left (HOMER Pro manual, "Salvage Value"). The cells' and gensets' ageing comes from
/// the simulation (``LifeProjection``), which ages each purchase apart.
public struct ExpansionCosts: Sendable, Equatable {
    /// Capital spent per cash-flow year (index = year; 0 is the scenario's plant, counted elsewhere).
    public var capex: [Double]
    /// Fixed O&M the expansions add per cash-flow year.
    public var fixedOM: [Double]
    /// Replacements of the expansions' PV modules and power electronics per cash-flow year.
    public var replacement: [Double]
    /// Salvage of the expansions' PV modules and power electronics at the horizon.
    public var salvage = 0.0

    /// The cash flows of `stages`' expansions over `horizon` years at `costs`' prices.
    public init(stages: PlantStages, costs: LifeProjection.Costs, lives: ComponentLives, horizon: Int) {
        capex = [Double](repeating: 0, count: horizon + 1)
        fixedOM = capex
        replacement = capex
        for purchase in stages.purchases.dropFirst() where purchase.firstYearIndex < horizon {
            let bought = purchase.firstYearIndex, batteryPrice = costs.batteryPrice(year: bought)
            capex[bought] += purchase.pvKW * costs.pvPerKW * costs.pvPrice(year: bought)
                + (purchase.batteryKWh * costs.batteryPerKWh + purchase.batteryKW * costs.batteryPerKW) * batteryPrice
                + Double(purchase.dieselUnits) * costs.gensetUnit
            let om = purchase.pvKW * costs.pvOMPerKWYear + purchase.batteryKWh * costs.batteryOMPerKWhYear
            for year in (bought + 1)...horizon { fixedOM[year] += om }
            if purchase.pvKW > 0 { bookPV(kW: purchase.pvKW, bought: bought, costs: costs, horizon: horizon) }
            if purchase.batteryKW > 0 { bookPowerElectronics(kW: purchase.batteryKW, bought: bought, costs: costs, lives: lives, horizon: horizon) }
        }
    }

    /// Modules bought in cash-flow year `bought` run from the next year; each set is replaced at the
    /// start of the year after it has run 25 (as ``SimulationEngine`` replaces the first set) and the
    /// last is salvaged by its years left.
    private mutating func bookPV(kW: Double, bought: Int, costs: LifeProjection.Costs, horizon: Int) {
        let life = ComponentLives.pvYears
        var lastBought = bought, runsFrom = bought + 1
        while runsFrom + life <= horizon {
            runsFrom += life
            lastBought = runsFrom
            replacement[runsFrom] += kW * costs.pvPerKW * costs.pvPrice(year: runsFrom)
        }
        let ageAtHorizon = horizon - runsFrom + 1
        salvage += kW * costs.pvPerKW * costs.pvPrice(year: lastBought) * Double(max(0, life - ageAtHorizon)) / Double(life)
    }

    /// Power electronics bought in cash-flow year `bought`: bought again every `inverter_life_years`
    /// before the horizon, salvaged by the years left of the last purchase.
    private mutating func bookPowerElectronics(kW: Double, bought: Int, costs: LifeProjection.Costs, lives: ComponentLives, horizon: Int) {
        let cost = kW * costs.batteryPerKW
        let renewals = LifeProjection.powerElectronicsRenewals(bought: bought, lives: lives, horizon: horizon)
        for year in renewals.years { replacement[year] += cost * costs.batteryPrice(year: year) }
        salvage += LifeProjection.powerElectronicsSalvage(cost: cost, lastBought: renewals.lastBought, lives: lives, costs: costs, horizon: horizon)
    }
}

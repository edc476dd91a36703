import Foundation

/// Replacements and salvage over the project from the life model (``ComponentLives``): each
/// simulated year as the simulation recorded it (``LifeYear``), and years beyond the simulation
/// projected from the last simulated year's ageing.
///
/// Projection, the HOMER Pro approach of simulating one year and extrapolating ("Multi-Year" off):
/// the battery keeps gaining the fade of the last simulated year and is replaced at the end of the
/// year in which it reaches end of life (or, under augmentation `maintain`, buys that fade back each
/// year); each genset keeps running its hours of that year and is replaced when its engine hours
/// reach their life; PV modules are replaced every 25 years; the battery's power electronics every
/// `inverter_life_years`. Nothing is bought at the end of the project's last year: the plant stops
/// there. Battery purchases (cells and power electronics) in project year y cost (1 − d)^y of
/// today's price, d = `battery_capex_decline_per_year`. Salvage at the horizon is each purchase's
/// cost × its remaining life (cells: fade left before end of life, for augmentation modules their
/// years left at the pool's fade rate; power electronics and PV: years left; gensets: hours left),
/// HOMER Pro manual, "Salvage Value".
public struct LifeProjection: Sendable, Equatable {
    /// Replacement cost booked per project year (index = year, 0 = investment).
    public var replacementCost: [Double]
    /// Salvage credited in the last project year.
    public var salvage: Double
    /// Project years whose end saw a battery replacement.
    public var batteryReplacementYears: [Int]
    /// Battery capacity bought over the project, kWh: the first cells, whole replacements and augmentation.
    public var batteryKWhPurchased: Double
    /// Project years whose end saw the battery's power electronics replaced.
    public var inverterReplacementYears: [Int]
    /// Genset units replaced over the project.
    public var gensetUnitReplacements: Int
    /// Major genset overhauls over the project.
    public var gensetOverhauls: Int
    /// Project years at whose start the PV modules were replaced.
    public var pvReplacementYears: [Int]

    /// Capital cost of each replaceable part at today's prices, in the economics' currency.
    public struct Costs: Sendable, Equatable {
        /// The PV plant, the battery's cells (energy), its power electronics (power), and one genset.
        public var pv, batteryEnergy, batteryPower, gensetUnit: Double
        /// Battery cell capacity at nameplate, kWh (prices augmentation per kWh).
        public var batteryKWh: Double
        /// One genset's major overhaul.
        public var gensetOverhaul: Double = 0
        /// Real yearly decline of battery prices, fraction.
        public var batteryPriceDecline: Double
        /// Real yearly decline of PV prices, fraction.
        public var pvPriceDecline = 0.0
        /// Unit prices of additions (``ExpansionCosts``): PV per kWdc, cells per kWh, power electronics per kW.
        public var pvPerKW = 0.0, batteryPerKWh = 0.0, batteryPerKW = 0.0
        /// Fixed O&M of additions: PV per kWdc and battery per kWh, per year.
        public var pvOMPerKWYear = 0.0, batteryOMPerKWhYear = 0.0

        /// Creates the costs.
        public init(pv: Double, batteryEnergy: Double, batteryPower: Double, gensetUnit: Double, batteryKWh: Double = 1,
                    batteryPriceDecline: Double = 0) {
            self.pv = pv
            self.batteryEnergy = batteryEnergy
            self.batteryPower = batteryPower
            self.gensetUnit = gensetUnit
            self.batteryKWh = batteryKWh
            self.batteryPriceDecline = batteryPriceDecline
        }

        /// The capital costs of `scenario`'s plant under `assumptions` (0 for an absent part).
        public init(scenario: Scenario, assumptions: EconomicAssumptions) {
            self.init(pv: (scenario.pv?.dcKW ?? 0) * assumptions.pvCapexPerKW,
                      batteryEnergy: (scenario.battery?.energyKWh ?? 0) * assumptions.batteryCapexPerKWh,
                      batteryPower: (scenario.battery?.powerKW ?? 0) * assumptions.batteryCapexPerKW,
                      gensetUnit: (scenario.diesel?.unitKW ?? 0) * scenario.economics.dieselCapexPerKW,
                      batteryKWh: scenario.battery?.energyKWh ?? 1, batteryPriceDecline: assumptions.batteryCapexDeclinePerYear)
            gensetOverhaul = gensetUnit * scenario.economics.dieselOverhaulCostFraction
            pvPriceDecline = assumptions.pvCapexDeclinePerYear
            (pvPerKW, batteryPerKWh, batteryPerKW) = (assumptions.pvCapexPerKW, assumptions.batteryCapexPerKWh, assumptions.batteryCapexPerKW)
            (pvOMPerKWYear, batteryOMPerKWhYear) = (scenario.economics.pvOMPerKWYear, scenario.economics.batteryOMPerKWhYear)
        }

        /// The whole battery at today's prices.
        public var battery: Double { batteryEnergy + batteryPower }

        /// Price of a battery purchase in project year `year`, as a fraction of today's.
        func batteryPrice(year: Int) -> Double { pow(1 - batteryPriceDecline, Double(year)) }

        /// Price of a PV purchase in project year `year`, as a fraction of today's.
        func pvPrice(year: Int) -> Double { pow(1 - pvPriceDecline, Double(year)) }
    }

    /// The projection of `life` (at least one simulated year) over `horizon` project years.
    /// `cellPurchases` are the cells expansions add (cash-flow year bought, kWh), which age with the
    /// battery they join.
    public init(life: [LifeYear], lives: ComponentLives, costs: Costs, hasPV: Bool, hasBattery: Bool, horizon: Int,
                cellPurchases: [(year: Int, kWh: Double)] = []) {
        precondition(!life.isEmpty, "the life projection needs at least one simulated year")
        replacementCost = [Double](repeating: 0, count: horizon + 1)
        batteryReplacementYears = []
        inverterReplacementYears = []
        pvReplacementYears = []
        gensetUnitReplacements = 0
        gensetOverhauls = 0
        batteryKWhPurchased = hasBattery ? costs.batteryKWh : 0
        salvage = 0
        var cells = [(year: 0, kWh: costs.batteryKWh)]
        let simulated = min(life.count, horizon)
        for record in life.prefix(simulated) {
            for purchase in cellPurchases where purchase.year == record.year - 1 && purchase.year < horizon {
                cells.append(purchase)
                batteryKWhPurchased += purchase.kWh
            }
            book(year: record.year, pv: record.pvReplaced, batteryKWh: record.batteryReplacedKWh, augmentedKWh: record.batteryAugmentedKWh,
                 units: record.gensetUnitsReplaced, costs: costs, horizon: horizon, cells: &cells)
            bookOverhauls(record.gensetOverhauls, year: record.year, costs: costs, horizon: horizon)
        }
        let last = life[simulated - 1]
        var pvAge = last.pvAgeYears, fade = last.batteryFadeAfter
        var engines = GensetEngines(last)
        if last.year == horizon {
            // What the simulation replaced at the end of the last year is not bought: worn out, no salvage.
            fade = last.batteryFadeAtEnd
            engines.markReplacedAsWorn(last, lives: lives)
        }
        for year in stride(from: simulated + 1, through: horizon, by: 1) {
            let pvReplaced = hasPV && pvAge >= ComponentLives.pvYears
            pvAge = (pvReplaced ? 0 : pvAge) + 1
            fade += last.batteryFadeGain
            let batteryReplaced = hasBattery && lives.batteryAugmentation == .replace && fade >= lives.batteryEndOfLifeFade
            let augmentedKWh = hasBattery && lives.batteryAugmentation == .maintain ? last.batteryFadeGain * costs.batteryKWh : 0
            if (batteryReplaced || augmentedKWh > 0) && year < horizon { fade = 0 }
            let (units, overhauls) = engines.age(runHours: last.gensetUnitHours, lives: lives, buying: year < horizon)
            book(year: year, pv: pvReplaced, batteryKWh: batteryReplaced ? costs.batteryKWh : 0, augmentedKWh: augmentedKWh, units: units,
                 costs: costs, horizon: horizon, cells: &cells)
            bookOverhauls(overhauls, year: year, costs: costs, horizon: horizon)
        }
        let lastInverter = hasBattery ? bookInverters(lives: lives, costs: costs, horizon: horizon) : 0
        let cellSalvage = last.batteryTranches.isEmpty || lives.batteryAugmentation == .maintain
            ? Self.cellSalvage(cells, lives: lives, costs: costs, fade: fade, fadePerYear: last.batteryFadeGain, horizon: horizon)
            : Self.trancheSalvage(last.batteryTranches, lives: lives, costs: costs, horizon: horizon)
        salvage = Self.pvSalvage(costs, age: pvAge, lastBought: pvReplacementYears.last ?? 0, hasPV: hasPV)
            + (hasBattery ? cellSalvage : 0)
            + (hasBattery ? Self.powerElectronicsSalvage(cost: costs.batteryPower, lastBought: lastInverter, lives: lives, costs: costs, horizon: horizon) : 0)
            + costs.gensetUnit * engines.lifeLeft(lives: lives)
    }

    /// Books `count` genset overhauls in year `year` (none at the end of the last year).
    private mutating func bookOverhauls(_ count: Int, year: Int, costs: Costs, horizon: Int) {
        guard count > 0, year < horizon else { return }
        replacementCost[year] += Double(count) * costs.gensetOverhaul
        gensetOverhauls += count
    }

    /// Books year `year`'s purchases; nothing at the end of the last year but a PV replacement at its start.
    private mutating func book(year: Int, pv: Bool, batteryKWh: Double, augmentedKWh: Double, units: Int, costs: Costs, horizon: Int,
                               cells: inout [(year: Int, kWh: Double)]) {
        if pv {
            replacementCost[year] += costs.pv * costs.pvPrice(year: year)
            pvReplacementYears.append(year)
        }
        guard year < horizon else { return }
        let price = costs.batteryPrice(year: year)
        if batteryKWh > 0 {
            replacementCost[year] += costs.batteryEnergy * (batteryKWh / costs.batteryKWh) * price
            batteryReplacementYears.append(year)
            batteryKWhPurchased += batteryKWh
            cells = [(year, costs.batteryKWh)]
        }
        if augmentedKWh > 0 {
            replacementCost[year] += augmentedKWh / costs.batteryKWh * costs.batteryEnergy * price
            batteryKWhPurchased += augmentedKWh
            cells.append((year, augmentedKWh))
        }
        replacementCost[year] += Double(units) * costs.gensetUnit
        gensetUnitReplacements += units
    }

    /// Books the power electronics bought again every `inverter_life_years` before the horizon;
    /// returns the year of the last purchase (0: the first).
    private mutating func bookInverters(lives: ComponentLives, costs: Costs, horizon: Int) -> Int {
        let renewals = Self.powerElectronicsRenewals(bought: 0, lives: lives, horizon: horizon)
        for year in renewals.years {
            replacementCost[year] += costs.batteryPower * costs.batteryPrice(year: year)
            inverterReplacementYears.append(year)
        }
        return renewals.lastBought
    }

    /// Power electronics bought in cash-flow year `bought`: the years they are bought again, every
    /// `inverter_life_years` of their own before the horizon, and the year of the last purchase. The
    /// scenario's (bought in year 0) and each expansion's (``ExpansionCosts``) alike.
    static func powerElectronicsRenewals(bought: Int, lives: ComponentLives, horizon: Int) -> (years: [Int], lastBought: Int) {
        var years: [Int] = []
        for age in LifetimeEconomics.replacementAges(lifeYears: lives.inverterLifeYears, horizon: horizon - bought) {
            let year = bought + max(1, Int(age.rounded(.up)))
            guard year < horizon else { break }
            years.append(year)
        }
        return (years, years.last ?? bought)
    }

    /// Salvage at the horizon of power electronics costing `cost` at today's prices, last bought in
    /// cash-flow year `lastBought`: that purchase's price × the share of its life left.
    static func powerElectronicsSalvage(cost: Double, lastBought: Int, lives: ComponentLives, costs: Costs, horizon: Int) -> Double {
        let left = max(0, lives.inverterLifeYears - Double(horizon - lastBought)) / lives.inverterLifeYears
        return cost * costs.batteryPrice(year: lastBought) * left
    }

    private static func pvSalvage(_ costs: Costs, age: Int, lastBought: Int, hasPV: Bool) -> Double {
        hasPV ? costs.pv * costs.pvPrice(year: lastBought) * Double(max(0, ComponentLives.pvYears - age)) / Double(ComponentLives.pvYears) : 0
    }

    /// The cells of a battery that grew, not augmented: each purchase by the fade it has left before
    /// end of life, at the price of the year it was bought. Cells the simulation replaced at the end of
    /// the last year were not bought (the plant stops there): the worn ones count, with nothing left.
    private static func trancheSalvage(_ tranches: [BatteryTranche], lives: ComponentLives, costs: Costs, horizon: Int) -> Double {
        let perKWh = costs.batteryEnergy / costs.batteryKWh
        return tranches.reduce(0) { total, tranche in
            guard tranche.boughtInYear < horizon else { return total }
            return total + tranche.energyKWh * perKWh * costs.batteryPrice(year: tranche.boughtInYear)
                * max(0, lives.batteryEndOfLifeFade - tranche.fade) / lives.batteryEndOfLifeFade
        }
    }

    /// The cells' salvage: under `maintain`, each purchase by its years left at the pool's fade rate;
    /// otherwise the present cells by the fade left before end of life.
    private static func cellSalvage(_ cells: [(year: Int, kWh: Double)], lives: ComponentLives, costs: Costs, fade: Double,
                                    fadePerYear: Double, horizon: Int) -> Double {
        let perKWh = costs.batteryEnergy / costs.batteryKWh
        guard lives.batteryAugmentation == .maintain else {
            let bought = cells.last ?? (0, costs.batteryKWh)
            return costs.batteryEnergy * costs.batteryPrice(year: bought.year) * max(0, lives.batteryEndOfLifeFade - fade) / lives.batteryEndOfLifeFade
        }
        let lifeYears = fadePerYear > 0 ? lives.batteryEndOfLifeFade / fadePerYear : .infinity
        return cells.reduce(0) { total, purchase in
            let left = lifeYears.isFinite ? max(0, 1 - Double(horizon - purchase.year) / lifeYears) : 1
            return total + purchase.kWh * perKWh * costs.batteryPrice(year: purchase.year) * left
        }
    }

}

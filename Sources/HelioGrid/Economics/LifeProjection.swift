/// Replacements and salvage over the project from the life model (``ComponentLives``): each
/// simulated year as the simulation recorded it (``LifeYear``), and years beyond the simulation
/// projected from the last simulated year's ageing.
///
/// Projection, the HOMER Pro approach of simulating one year and extrapolating ("Multi-Year" off):
/// the battery keeps gaining the fade of the last simulated year and is replaced at the end of the
/// year in which it reaches end of life; each genset keeps running its hours of that year and is
/// replaced when its engine hours reach their life; PV modules are replaced every 25 years. Salvage
/// at the horizon is each installation's replacement cost × its remaining life (battery: fade left
/// before end of life; gensets: hours left; PV: years left), HOMER Pro manual, "Salvage Value".
public struct LifeProjection: Sendable, Equatable {
    /// Replacement cost booked per project year (index = year, 0 = investment).
    public var replacementCost: [Double]
    /// Salvage credited in the last project year.
    public var salvage: Double
    /// Project years whose end saw a battery replacement.
    public var batteryReplacementYears: [Int]
    /// Genset units replaced over the project.
    public var gensetUnitReplacements: Int
    /// Project years at whose start the PV modules were replaced.
    public var pvReplacementYears: [Int]

    /// Capital cost of each replaceable part, in the economics' currency.
    public struct Costs: Sendable, Equatable {
        /// The PV plant, the battery, and one genset.
        public var pv, battery, gensetUnit: Double
        /// Creates the costs.
        public init(pv: Double, battery: Double, gensetUnit: Double) {
            self.pv = pv
            self.battery = battery
            self.gensetUnit = gensetUnit
        }

        /// The capital costs of `scenario`'s plant under `assumptions` (0 for an absent part).
        public init(scenario: Scenario, assumptions: EconomicAssumptions) {
            pv = (scenario.pv?.dcKW ?? 0) * assumptions.pvCapexPerKW
            battery = scenario.battery.map { $0.energyKWh * assumptions.batteryCapexPerKWh + $0.powerKW * assumptions.batteryCapexPerKW } ?? 0
            gensetUnit = (scenario.diesel?.unitKW ?? 0) * scenario.economics.dieselCapexPerKW
        }
    }

    /// The projection of `life` (at least one simulated year) over `horizon` project years.
    public init(life: [LifeYear], lives: ComponentLives, costs: Costs, hasPV: Bool, hasBattery: Bool, horizon: Int) {
        precondition(!life.isEmpty, "the life projection needs at least one simulated year")
        replacementCost = [Double](repeating: 0, count: horizon + 1)
        batteryReplacementYears = []
        pvReplacementYears = []
        gensetUnitReplacements = 0
        salvage = 0
        let simulated = min(life.count, horizon)
        for record in life.prefix(simulated) {
            book(year: record.year, pv: record.pvReplaced, battery: record.batteryReplaced, units: record.gensetUnitsReplaced, costs: costs)
        }
        let last = life[simulated - 1]
        var pvAge = last.pvAgeYears, fade = last.batteryFadeAfter, hours = last.gensetHoursSinceInstall
        for year in stride(from: simulated + 1, through: horizon, by: 1) {
            let pvReplaced = hasPV && pvAge >= ComponentLives.pvYears
            pvAge = (pvReplaced ? 0 : pvAge) + 1
            fade += last.batteryFadeGain
            let batteryReplaced = hasBattery && fade >= lives.batteryEndOfLifeFade
            if batteryReplaced { fade = 0 }
            var units = 0
            for index in hours.indices {
                hours[index] += last.gensetUnitHours[index]
                if hours[index] >= lives.gensetHours {
                    hours[index] = 0
                    units += 1
                }
            }
            book(year: year, pv: pvReplaced, battery: batteryReplaced, units: units, costs: costs)
        }
        let pvLeft = hasPV ? Double(max(0, ComponentLives.pvYears - pvAge)) / Double(ComponentLives.pvYears) : 0
        let batteryLeft = hasBattery ? max(0, lives.batteryEndOfLifeFade - fade) / lives.batteryEndOfLifeFade : 0
        let unitsLeft = hours.reduce(0) { $0 + max(0, lives.gensetHours - $1) / lives.gensetHours }
        salvage = costs.pv * pvLeft + costs.battery * batteryLeft + costs.gensetUnit * unitsLeft
    }

    private mutating func book(year: Int, pv: Bool, battery: Bool, units: Int, costs: Costs) {
        if pv {
            replacementCost[year] += costs.pv
            pvReplacementYears.append(year)
        }
        if battery {
            replacementCost[year] += costs.battery
            batteryReplacementYears.append(year)
        }
        replacementCost[year] += Double(units) * costs.gensetUnit
        gensetUnitReplacements += units
    }
}

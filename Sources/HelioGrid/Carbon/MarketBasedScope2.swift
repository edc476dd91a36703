/// Market-based Scope 2 of a run's grid imports: contractual instruments applied to the imports
/// inside their validity window, the rest at the residual mix.
///
/// GHG Protocol Scope 2 Guidance (2015), ch. 6–7: each instrument conveys its emission factor to
/// the consumption it covers, once; consumption without instruments takes the residual mix, or the
/// location-based factor where no residual mix is known (Table 6.3). Instruments are applied step by
/// step in time order, the one expiring first taken first (file order among equals), so no MWh is claimed twice and none
/// outside its window.
public struct MarketBasedScope2: Sendable, Equatable {
    /// Market-based emissions of each step's imports, kgCO₂e, of the steps last added.
    public var stepKg: [Double] = []
    /// Market-based emissions of every step added, kgCO₂e.
    public var totalKg = 0.0
    /// Imports covered by instruments, kWh.
    public var coveredKWh = 0.0
    /// Imports covered by renewable instruments, kWh.
    public var renewableCoveredKWh = 0.0
    /// Energy of each instrument not yet applied, kWh, in the scenario's instrument order.
    private var remainingKWh: [Double]
    private let instruments: [ContractualInstrument]
    private let order: [Int]
    private let stepMinutes: Int
    private let dieselKgPerL: Double
    private let residualMixGPerKWh: Double?

    /// Market-based Scope 2, tCO₂e.
    public var totalT: Double { totalKg / 1000 }
    /// Energy each instrument was applied to, MWh, in the scenario's instrument order.
    public var appliedMWh: [Double] { zip(instruments, remainingKWh).map { $0.energyMWh - $1 / 1000 } }

    /// Applies `scenario.grid.instruments` to the imports of `series` (steps of `stepMinutes`).
    public init(series: StepSeries, scenario: Scenario, stepMinutes: Int) {
        self.init(scenario: scenario, stepMinutes: stepMinutes)
        add(series, firstStep: 0)
    }

    /// Nothing applied yet: steps come through ``add(_:firstStep:)``, in time order.
    public init(scenario: Scenario, stepMinutes: Int) {
        let instruments = scenario.grid.instruments
        self.instruments = instruments
        order = instruments.indices.sorted { (instruments[$0].endDay, $0) < (instruments[$1].endDay, $1) }
        remainingKWh = instruments.map { $0.energyMWh * 1000 }
        self.stepMinutes = stepMinutes
        dieselKgPerL = PlantModel(scenario: scenario).fuelKgCO2ePerL
        residualMixGPerKWh = scenario.grid.residualMixGPerKWh
    }

    /// Applies the instruments to the imports of `series`, whose first step is step `firstStep` of
    /// the run; ``stepKg`` becomes these steps' emissions.
    public mutating func add(_ series: StepSeries, firstStep: Int) {
        let stepHours = Double(stepMinutes) / 60
        stepKg = Array(repeating: 0, count: series.count)
        for t in 0..<series.count {
            let importKWh = max(0, series.gridKW[t]) * stepHours
            guard importKWh > 0 else { continue }
            let day = (firstStep + t) * stepMinutes / 1440
            var uncoveredKWh = importKWh, kg = 0.0
            for index in order where uncoveredKWh > 0 && remainingKWh[index] > 0
                && instruments[index].firstDay <= day && day < instruments[index].endDay {
                let taken = min(uncoveredKWh, remainingKWh[index])
                remainingKWh[index] -= taken
                uncoveredKWh -= taken
                kg += taken * instruments[index].carbonGPerKWh / 1000
                coveredKWh += taken
                if instruments[index].renewable { renewableCoveredKWh += taken }
            }
            let locationKg = max(0, series.co2Kg[t] - series.fuelL[t] * dieselKgPerL)
            let residualKgPerKWh = residualMixGPerKWh.map { $0 / 1000 } ?? locationKg / importKWh
            stepKg[t] = kg + uncoveredKWh * residualKgPerKWh
        }
        totalKg += stepKg.reduce(0, +)
    }
}

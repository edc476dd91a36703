/// One carbon price of the carbon-tariff resilience comparison: energy cost plus carbon cost per MWh
/// for the plant and for the diesel-only baseline.
public struct CarbonTariffPoint: Sendable, Equatable, Codable {
    /// Carbon price, per tCO₂e.
    public var carbonPricePerT: Double
    /// Plant: lifetime energy cost without carbon (LCOE at zero carbon price), per MWh.
    public var plantEnergyPerMWh: Double
    /// Plant: carbon cost, per MWh (intensity × price).
    public var plantCarbonPerMWh: Double
    /// Plant: total, per MWh.
    public var plantTotalPerMWh: Double
    /// Baseline: lifetime energy cost without carbon, per MWh.
    public var baselineEnergyPerMWh: Double
    /// Baseline: carbon cost, per MWh.
    public var baselineCarbonPerMWh: Double
    /// Baseline: total, per MWh.
    public var baselineTotalPerMWh: Double
    /// Baseline total less plant total, per MWh (positive: the plant is cheaper).
    public var advantagePerMWh: Double

    enum CodingKeys: String, CodingKey {
        case carbonPricePerT = "carbon_price_per_t", plantEnergyPerMWh = "plant_energy_per_mwh"
        case plantCarbonPerMWh = "plant_carbon_per_mwh", plantTotalPerMWh = "plant_total_per_mwh"
        case baselineEnergyPerMWh = "baseline_energy_per_mwh", baselineCarbonPerMWh = "baseline_carbon_per_mwh"
        case baselineTotalPerMWh = "baseline_total_per_mwh", advantagePerMWh = "advantage_per_mwh"
    }

    /// The resilience table at `prices` (default 0, 25, …, 200 per tCO₂e): energy cost = LCOE with the
    /// carbon price set to zero (× 1000 for per MWh); carbon cost = Scope 1 + 2 intensity (tCO₂e/MWh
    /// served over the simulated years) × price, flat over the life. Dispatch is as simulated.
    public static func table(plant: SimulationResult, baseline: SimulationResult,
                             prices: [Double] = stride(from: 0.0, through: 200, by: 25).map { $0 }) -> [CarbonTariffPoint] {
        func energyAndIntensity(_ result: SimulationResult) -> (Double, Double) {
            var assumptions = EconomicAssumptions(scenario: result.scenario)
            assumptions.carbonPricePerT = 0
            let lcoe = LifetimeEconomics(result: result, assumptions: assumptions).lcoePerKWh
            let served = result.totals.servedKWh
            return (lcoe * 1000, served > 0 ? result.totals.emissionsKgCO2e / served : 0)
        }
        let (plantEnergy, plantIntensity) = energyAndIntensity(plant)
        let (baselineEnergy, baselineIntensity) = energyAndIntensity(baseline)
        return prices.map { price in
            let plantTotal = plantEnergy + plantIntensity * price, baselineTotal = baselineEnergy + baselineIntensity * price
            return CarbonTariffPoint(
                carbonPricePerT: price, plantEnergyPerMWh: plantEnergy, plantCarbonPerMWh: plantIntensity * price,
                plantTotalPerMWh: plantTotal, baselineEnergyPerMWh: baselineEnergy, baselineCarbonPerMWh: baselineIntensity * price,
                baselineTotalPerMWh: baselineTotal, advantagePerMWh: baselineTotal - plantTotal)
        }
    }
}

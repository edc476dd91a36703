/// One row of the sensitivity table: an assumption moved down and up by the same fraction, with
/// the plant's NPC, LCOE and NPC savings against the baseline at each end.
public struct SensitivityCase: Sendable, Equatable, Codable {
    /// The assumption varied (`fuel_price`, `carbon_price`, `battery_capex`, `pv_capex`, `discount_rate`).
    public var parameter: String
    /// The fraction it was moved by (0.2 for ±20 %).
    public var change: Double
    /// Plant NPC with the assumption lowered / raised.
    public var npcLow, npcHigh: Double
    /// Plant LCOE per kWh with the assumption lowered / raised.
    public var lcoeLow, lcoeHigh: Double
    /// NPC savings against the baseline with the assumption lowered / raised.
    public var savingsLow, savingsHigh: Double

    enum CodingKeys: String, CodingKey {
        case parameter, change
        case npcLow = "npc_low", npcHigh = "npc_high", lcoeLow = "lcoe_low_per_kwh", lcoeHigh = "lcoe_high_per_kwh"
        case savingsLow = "savings_low", savingsHigh = "savings_high"
    }

    /// The five standard cases at ±`change`, with dispatch held as simulated (only the money moves).
    public static func table(plant: SimulationResult, baseline: SimulationResult, change: Double = 0.2) -> [SensitivityCase] {
        let parameters: [(String, WritableKeyPath<EconomicAssumptions, Double>)] = [
            ("fuel_price", \.fuelPricePerL), ("carbon_price", \.carbonPricePerT), ("battery_capex", \.batteryCapexPerKWh),
            ("pv_capex", \.pvCapexPerKW), ("discount_rate", \.discountRate),
        ]
        return parameters.map { name, keyPath in
            let ends = [1 - change, 1 + change].map { factor in
                let scale = { (result: SimulationResult) -> LifetimeEconomics in
                    var assumptions = EconomicAssumptions(scenario: result.scenario)
                    assumptions[keyPath: keyPath] *= factor
                    if keyPath == \EconomicAssumptions.batteryCapexPerKWh { assumptions.batteryCapexPerKW *= factor }
                    return LifetimeEconomics(result: result, assumptions: assumptions)
                }
                let plantEconomics = scale(plant), baselineEconomics = scale(baseline)
                return (plantEconomics, baselineEconomics.npc - plantEconomics.npc)
            }
            return SensitivityCase(parameter: name, change: change, npcLow: ends[0].0.npc, npcHigh: ends[1].0.npc,
                                   lcoeLow: ends[0].0.lcoePerKWh, lcoeHigh: ends[1].0.lcoePerKWh,
                                   savingsLow: ends[0].1, savingsHigh: ends[1].1)
        }
    }
}

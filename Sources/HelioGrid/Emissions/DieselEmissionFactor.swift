/// CO₂-equivalent emitted per litre of diesel burnt in stationary gensets.
///
/// IPCC 2006 Guidelines for National Greenhouse Gas Inventories, Vol. 2 ch. 2 (stationary
/// combustion), Tables 2.2–2.5 for gas/diesel oil: 74,100 kg CO₂/TJ, 3 kg CH₄/TJ, 0.6 kg N₂O/TJ, at
/// 43.0 MJ/kg and 0.84 kg/L (scenario defaults 2.68 kg CO₂, 0.11 g CH₄, 0.02 g N₂O per litre);
/// CH₄ and N₂O converted with the 100-year GWPs of the chosen assessment report.
public struct DieselEmissionFactor: Sendable, Equatable {
    /// kg CO₂ per litre.
    public var co2KgPerL: Double
    /// kg CO₂e per litre from CH₄.
    public var ch4KgCO2ePerL: Double
    /// kg CO₂e per litre from N₂O.
    public var n2oKgCO2ePerL: Double

    /// The factor of a fuel emitting `co2KgPerL` kg CO₂, `ch4GPerL` g CH₄ and `n2oGPerL` g N₂O per
    /// litre under a GWP set.
    public init(co2KgPerL: Double, ch4GPerL: Double, n2oGPerL: Double, gwp: GlobalWarmingPotentials) {
        let (methane, nitrousOxide) = gwp.methaneAndNitrousOxide
        self.co2KgPerL = co2KgPerL
        ch4KgCO2ePerL = ch4GPerL / 1000 * methane
        n2oKgCO2ePerL = n2oGPerL / 1000 * nitrousOxide
    }

    /// Total kg CO₂e per litre.
    public var kgCO2ePerL: Double { co2KgPerL + ch4KgCO2ePerL + n2oKgCO2ePerL }
}

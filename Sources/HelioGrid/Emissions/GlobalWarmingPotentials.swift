/// IPCC assessment report whose 100-year GWPs convert CH₄ and N₂O to CO₂e.
public enum GlobalWarmingPotentials: String, Sendable, CaseIterable {
    case ar4 = "AR4", ar5 = "AR5", ar6 = "AR6"

    /// GWP100 of fossil CH₄ and of N₂O: AR4 (2007) 25/298, AR5 (2014, WG1 Table 8.7) 28/265,
    /// AR6 (2021, WG1 Table 7.15) 29.8/273.
    public var methaneAndNitrousOxide: (Double, Double) {
        switch self {
        case .ar4: (25, 298)
        case .ar5: (28, 265)
        case .ar6: (29.8, 273)
        }
    }
}

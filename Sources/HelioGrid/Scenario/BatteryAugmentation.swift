/// How the battery's cells are kept over the project (`[battery] augmentation`, docs/lifetime.md).
public enum BatteryAugmentation: String, Sendable, CaseIterable {
    /// Never replaced: capacity keeps fading past end of life.
    case none
    /// Replaced whole at end of life (80 % of nameplate), at the end of the year it is reached.
    case replace
    /// Modules added at each year's end to bring usable capacity back to nameplate (the augmentation
    /// of utility storage contracts; REopt.jl's and SAM's battery augmentation): each year buys the
    /// capacity that year's fade took, at that year's price.
    case maintain
}

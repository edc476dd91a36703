/// One purchase of cells in a battery that grows (``Battery/expand(to:yearIndex:runYears:)``): its
/// nameplate and its fade since it was bought.
///
/// The purchases share one state of charge, so each sees the same cycles; with fade linear in time
/// and in cycle depth (``Battery``), a purchase's fade is the run's fade measure now less its value
/// when the purchase was installed (``baseline``).
public struct BatteryTranche: Sendable, Equatable {
    /// Nameplate energy, kWh.
    public var energyKWh: Double
    /// Cash-flow year it was bought in (0: before year 1; y: at the end of project year y).
    public var boughtInYear: Int
    /// The run's fade measure when it was installed.
    public var baseline: Double
    /// Fade since it was installed, fraction of its nameplate.
    public var fade = 0.0

    /// Creates a purchase; see the properties.
    public init(energyKWh: Double, boughtInYear: Int, baseline: Double) {
        self.energyKWh = energyKWh
        self.boughtInYear = boughtInYear
        self.baseline = baseline
    }
}

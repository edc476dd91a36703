/// A plant component as the lifetime cash flows see it: what it costs up front, its fixed O&M and
/// its life.
public struct PlantComponent: Sendable, Equatable {
    /// Name for the cash-flow table (`PV`, `battery`, `gensets`).
    public var name: String
    /// Capital cost, also the cost of each replacement.
    public var capex: Double
    /// Fixed O&M per year.
    public var fixedOMPerYear: Double
    /// Life, years (infinite when it never wears out over the horizon).
    public var lifeYears: Double

    /// Creates a component.
    public init(name: String, capex: Double, fixedOMPerYear: Double, lifeYears: Double) {
        self.name = name
        self.capex = capex
        self.fixedOMPerYear = fixedOMPerYear
        self.lifeYears = lifeYears
    }
}

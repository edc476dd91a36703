/// One emission factor as an inventory uses it: its value, unit and where it comes from, so an
/// auditor can recompute every figure.
public struct EmissionFactorRecord: Sendable, Equatable, Codable {
    /// What the factor converts (for example "diesel CO2").
    public var name: String
    /// The value.
    public var value: Double
    /// Its unit (for example "kg CO2 per litre").
    public var unit: String
    /// Publication and version.
    public var source: String
}

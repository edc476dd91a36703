/// A plant that never fails and never runs out of fuel: the normal simulation.
public struct NoPlantEvents: PlantEvents {
    /// Creates the empty event source.
    public init() {}

    public var startsCanFail: Bool { false }

    @inline(__always)
    public mutating func begin(timeHours: Double, stepHours: Double, context: inout DispatchContext) -> Double { 1 }

    @inline(__always)
    public mutating func startFails(timeHours: Double, unit: Int) -> Bool { false }

    @inline(__always)
    public mutating func burn(fuelL: Double) {}
}

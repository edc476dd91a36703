/// What happens to the plant during a run besides dispatch: failures and repairs, failed starts,
/// fuel running out. The engine asks at each step; a normal run has no events (``NoPlantEvents``),
/// a reliability run draws them (``FailureEvents``).
public protocol PlantEvents {
    /// Whether starts can fail (the engine then retries a failed start with another unit).
    var startsCanFail: Bool { get }

    /// Brings the plant in `context` to its state at `timeHours` (units, strings and PV blocks failed
    /// or repaired, fuel delivered, units without fuel out of service) for a step of `stepHours`;
    /// returns the share of PV available.
    mutating func begin(timeHours: Double, stepHours: Double, context: inout DispatchContext) -> Double

    /// Whether one genset start attempt at `timeHours` fails (the unit then goes for repair).
    mutating func startFails(timeHours: Double, unit: Int) -> Bool

    /// Draws `fuelL` litres from the fuel tank.
    mutating func burn(fuelL: Double)
}

import HelioGrid

/// The seven days of a year with the least PV energy available, and what the campus burnt in them:
/// the dark spell that sizes a fuel tank.
public struct WorstWeek: Sendable, Equatable, Codable {
    /// First day of the window (1 = 1 January).
    public var firstDay: Int
    /// PV energy available in the window, kWh.
    public var pvAvailableKWh: Double
    /// Gensets' energy in the window, kWh.
    public var dieselKWh: Double
    /// Fuel burnt in the window, litres.
    public var fuelL: Double
    /// Load not served in the window, kWh.
    public var unservedKWh: Double
    /// The tank (`[reliability] fuel_tank_l`) after the window started full with no delivery, litres;
    /// negative when the tank would run dry (`nil` without a tank).
    public var tankEndL: Double?

    /// Length of the window, hours.
    public static let hours = 168.0

    /// The worst week of one year's step series (windows within the year), judged against `tankL`.
    public init(series: StepSeries, stepHours: Double, tankL: Double?) {
        let width = Int(Self.hours / stepHours)
        var window = series.pvAvailableKW[0..<width].reduce(0, +), lowest = window, start = 0
        for first in 1...(series.count - width) {
            window += series.pvAvailableKW[first + width - 1] - series.pvAvailableKW[first - 1]
            if window < lowest { (lowest, start) = (window, first) }
        }
        let steps = start..<(start + width)
        firstDay = Int(Double(start) * stepHours / 24) + 1
        pvAvailableKWh = series.pvAvailableKW[steps].reduce(0, +) * stepHours
        dieselKWh = series.dieselKW[steps].reduce(0, +) * stepHours
        fuelL = series.fuelL[steps].reduce(0, +)
        unservedKWh = series.unservedKW[steps].reduce(0, +) * stepHours
        tankEndL = tankL.map { $0 - fuelL }
    }
}

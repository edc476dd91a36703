/// Brings interval-average weather series to the simulation step.
///
/// Coarser steps average whole records; finer steps interpolate linearly between record
/// mid-points (cyclically across the year end), evaluated at each step's mid-point.
public enum WeatherResampler {
    /// `values` (one year at `fromMinutes`) on a step of `toMinutes`.
    public static func resample(_ values: [Double], fromMinutes: Int, toMinutes: Int) -> [Double] {
        if fromMinutes == toMinutes { return values }
        let count = CivilCalendar.minutesPerYear / toMinutes
        if toMinutes > fromMinutes && toMinutes % fromMinutes == 0 {
            let group = toMinutes / fromMinutes
            return (0..<count).map { step in
                var sum = 0.0
                for index in (step * group)..<((step + 1) * group) { sum += values[index] }
                return sum / Double(group)
            }
        }
        let sourceCount = values.count
        return (0..<count).map { step in
            let midMinute = (Double(step) + 0.5) * Double(toMinutes)
            let position = midMinute / Double(fromMinutes) - 0.5  // in units of source records, relative to mid-points
            let lowerRaw = Int(position.rounded(.down))
            let fraction = position - Double(lowerRaw)
            let lower = (lowerRaw % sourceCount + sourceCount) % sourceCount
            let upper = (lower + 1) % sourceCount
            return values[lower] * (1 - fraction) + values[upper] * fraction
        }
    }

    /// `values` (one year at `fromMinutes`) on a finer step of `toMinutes`, each step taking the value
    /// of the interval its start lies in: for step functions such as tariffs.
    public static func held(_ values: [Double], fromMinutes: Int, toMinutes: Int) -> [Double] {
        (0..<(CivilCalendar.minutesPerYear / toMinutes)).map { values[$0 * toMinutes / fromMinutes] }
    }
}

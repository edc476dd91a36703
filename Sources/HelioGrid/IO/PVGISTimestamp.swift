/// The `YYYYMMDD:HHMM` UTC stamp PVGIS uses in its TMY outputs.
///
/// European Commission JRC, "PVGIS user manual", section "Typical Meteorological Year": each row
/// is one hour stamped at its start, in UTC.
enum PVGISTimestamp {
    /// Interval start minute-of-year (UTC), `nil` for 29 February, or an error naming the line.
    static func minuteOfYear(_ stamp: Substring, line: Int, file: String) throws -> Int? {
        let parts = stamp.split(separator: ":")
        let digits = parts.first.map(Array.init) ?? []
        guard parts.count == 2, digits.count == 8, parts[1].count == 4,
              let month = Int(String(digits[4...5])), let day = Int(String(digits[6...7])),
              let hour = Int(parts[1].prefix(2)), let minute = Int(parts[1].suffix(2)),
              (0...23).contains(hour), (0...59).contains(minute)
        else {
            throw HelioError(.weather, "bad time(UTC) '\(stamp)' (expected YYYYMMDD:HHMM)", file: file, line: line)
        }
        if month == 2 && day == 29 { return nil }
        guard CivilCalendar.isValid(month: month, day: day) else {
            throw HelioError(.weather, "invalid date in '\(stamp)'", file: file, line: line)
        }
        return CivilCalendar.minuteOfYear(month: month, day: day, hour: hour, minute: 0)
    }
}

import HelioGrid

/// Maps the plant clock onto the scenario's weather year.
public enum PlantCalendar {
    /// The weather-year step that contains `unixMS` in the site's standard time (29 February reads
    /// as 28 February; the year of the clock is ignored, as for a typical meteorological year).
    public static func stepIndex(unixMS: Int64, axis: TimeAxis) -> Int {
        let localMinutes = Int((Double(unixMS) / 60_000).rounded(.down)) + axis.utcOffsetMinutes
        let days = Int((Double(localMinutes) / 1440).rounded(.down))
        let (_, month, day) = CivilCalendar.civilDate(daysFromEpoch: days)
        let minuteOfYear = CivilCalendar.minuteOfYear(month: month, day: min(day, CivilCalendar.daysInMonth[month - 1]),
                                                      hour: 0, minute: 0) + (localMinutes - days * 1440)
        return min(axis.stepsPerYear - 1, minuteOfYear / axis.stepMinutes)
    }
}

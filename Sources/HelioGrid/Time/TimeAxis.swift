/// The simulation clock: a fixed step over the non-leap base year in the weather's time base.
///
/// Step `k` is the interval starting `k · stepMinutes` after 1 January 00:00 (docs/time.md).
public struct TimeAxis: Sendable, Equatable {
    /// Step length, minutes.
    public var stepMinutes: Int
    /// Offset of local (standard) time from UTC, minutes.
    public var utcOffsetMinutes: Int

    /// Simulation steps HelioGrid runs, minutes.
    public static let supportedStepMinutes = [60, 30, 15, 5, 1]

    /// Creates a clock; the step must divide the year.
    public init(stepMinutes: Int, utcOffsetMinutes: Int) {
        self.stepMinutes = stepMinutes
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Steps in one year.
    public var stepsPerYear: Int { CivilCalendar.minutesPerYear / stepMinutes }
    /// Step length, hours.
    public var stepHours: Double { Double(stepMinutes) / 60 }

    /// Unix time, seconds, of a (fractional) minute of the base year in local time.
    @inline(__always)
    public func unixSeconds(minuteOfYear: Double) -> Double {
        CivilCalendar.baseYearUnixSeconds + (minuteOfYear - Double(utcOffsetMinutes)) * 60
    }

    /// ISO 8601 stamp of the start of step `step` counted from the first year (each year 365 days).
    public func timestamp(step: Int) -> String {
        let year = step / stepsPerYear
        let minute = (step % stepsPerYear) * stepMinutes
        return CivilCalendar.iso8601(year: CivilCalendar.baseYear + year, minuteOfYear: minute, utcOffsetMinutes: utcOffsetMinutes)
    }
}

extension TimeAxis {
    /// The step of the base year that contains `unixMS` in the site's standard time: a live plant
    /// clock mapped onto the modelled year (29 February reads as 28 February; the clock's year is
    /// ignored, as for a typical meteorological year).
    public func stepIndex(unixMS: Int64) -> Int {
        let localMinutes = Int(PlantTime(unixMS: unixMS).unixMinutes) + utcOffsetMinutes
        let days = Int((Double(localMinutes) / 1440).rounded(.down))
        let (_, month, day) = CivilCalendar.civilDate(daysFromEpoch: days)
        let minuteOfYear = CivilCalendar.minuteOfYear(month: month, day: min(day, CivilCalendar.daysInMonth[month - 1]),
                                                      hour: 0, minute: 0) + (localMinutes - days * 1440)
        return min(stepsPerYear - 1, minuteOfYear / stepMinutes)
    }

    /// The step of the base year that contains plant time `time` (``stepIndex(unixMS:)``).
    public func stepIndex(at time: PlantTime) -> Int { stepIndex(unixMS: time.unixMS) }
}

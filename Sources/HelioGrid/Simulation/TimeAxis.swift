/// The simulation clock: a fixed step over the non-leap base year in the weather's time base.
///
/// Step `k` is the interval starting `k · stepMinutes` after 1 January 00:00 (DESIGN.md, "Time axis").
public struct TimeAxis: Sendable, Equatable {
    /// Step length, minutes.
    public var stepMinutes: Int
    /// Offset of local (standard) time from UTC, minutes.
    public var utcOffsetMinutes: Int

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

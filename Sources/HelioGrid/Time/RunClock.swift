/// A run's calendar: minutes from 1 January 00:00 of `[carbon] first_year` in the site's standard
/// time, over `[site] years` of 365 days; where dated inputs (curtailment events, job traces) land.
public struct RunClock: Sendable, Equatable {
    /// First reporting year.
    public var firstYear: Int
    /// Years in the run.
    public var years: Int
    /// The site's standard offset from UTC, minutes.
    public var utcOffsetMinutes: Int

    /// The clock of a run of `years` from `firstYear` at a site `utcOffsetMinutes` from UTC.
    public init(firstYear: Int, years: Int, utcOffsetMinutes: Int) {
        self.firstYear = firstYear
        self.years = years
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Minutes of the run at `stamp`, or why it is not in the run: outside its years, or 29 February.
    public func minute(_ stamp: ISOTimestamp) -> Result<Double, RunClockError> {
        let localMinutes = stamp.utcMinutes + utcOffsetMinutes
        let days = Int((Double(localMinutes) / 1440).rounded(.down))
        let (year, month, day) = CivilCalendar.civilDate(daysFromEpoch: days)
        let lastYear = firstYear + years - 1
        guard (firstYear...lastYear).contains(year) else {
            return .failure(RunClockError("falls in \(year) in the site's time; the run covers \(firstYear)–\(lastYear) "
                                          + "([carbon] first_year and [site] years)"))
        }
        guard CivilCalendar.isValid(month: month, day: day) else {
            return .failure(RunClockError("falls on 29 February in the site's time; the modelled years have 365 days"))
        }
        return .success(Double((year - firstYear) * CivilCalendar.minutesPerYear
            + CivilCalendar.minuteOfYear(month: month, day: day, hour: 0, minute: 0) + localMinutes - days * 1440))
    }
}

/// Why a date is not on a run's clock.
public struct RunClockError: Error, Sendable, Equatable {
    /// The reason, in words.
    public var reason: String

    init(_ reason: String) { self.reason = reason }
}

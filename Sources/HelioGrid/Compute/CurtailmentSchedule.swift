/// A run's curtailment events on its clock: each event's span in minutes from the start of the run
/// (1 January 00:00 of `[carbon] first_year`, site standard time, 365-day years).
public struct CurtailmentSchedule: Sendable, Equatable {
    /// One event: from `startMinute` to `endMinute` of the run, shedding `shed` of the IT power.
    struct Span: Sendable, Equatable {
        var startMinute, endMinute, shed: Double
    }

    private(set) var spans: [Span] = []

    /// No events.
    public init() {}

    /// The events of `scenario` on `axis`; each must start inside the run's reporting years and not on 29 February.
    public init(scenario: Scenario, axis: TimeAxis) throws {
        let firstYear = scenario.carbon.firstYear, lastYear = firstYear + scenario.site.years - 1
        spans = try scenario.load.events.enumerated().map { index, event in
            let key = "load.events[\(index)].start"
            let localMinutes = event.start.utcMinutes + axis.utcOffsetMinutes
            let days = Int((Double(localMinutes) / 1440).rounded(.down))
            let (year, month, day) = CivilCalendar.civilDate(daysFromEpoch: days)
            guard (firstYear...lastYear).contains(year) else {
                throw HelioError(.scenario, "falls in \(year) in the site's time; the run covers \(firstYear)–\(lastYear) "
                                 + "([carbon] first_year and [site] years)", file: scenario.source, key: key)
            }
            guard CivilCalendar.isValid(month: month, day: day) else {
                throw HelioError(.scenario, "falls on 29 February in the site's time; the modelled years have 365 days",
                                 file: scenario.source, key: key)
            }
            let start = Double((year - firstYear) * CivilCalendar.minutesPerYear
                + CivilCalendar.minuteOfYear(month: month, day: day, hour: 0, minute: 0) + localMinutes - days * 1440)
            return Span(startMinute: start, endMinute: start + event.hours * 60, shed: event.shedFraction)
        }.sorted { $0.startMinute < $1.startMinute }
    }

    /// Whether there are no events.
    public var isEmpty: Bool { spans.isEmpty }

    /// The share of IT power to shed over the step from `startMinute` lasting `stepMinutes`: the
    /// largest event's share times the part of the step it covers.
    @inline(__always)
    public func shed(startMinute: Double, stepMinutes: Double) -> Double {
        var largest = 0.0
        for span in spans {
            if span.startMinute >= startMinute + stepMinutes { break }
            let overlap = min(span.endMinute, startMinute + stepMinutes) - max(span.startMinute, startMinute)
            if overlap > 0 { largest = max(largest, span.shed * overlap / stepMinutes) }
        }
        return largest
    }
}

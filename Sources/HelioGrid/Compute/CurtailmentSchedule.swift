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
        let clock = RunClock(firstYear: scenario.carbon.firstYear, years: scenario.site.years, utcOffsetMinutes: axis.utcOffsetMinutes)
        spans = try scenario.load.events.enumerated().map { index, event in
            switch clock.minute(event.start) {
            case .success(let start):
                return Span(startMinute: start, endMinute: start + event.hours * 60, shed: event.shedFraction)
            case .failure(let error):
                throw HelioError(.scenario, error.reason, file: scenario.source, key: "load.events[\(index)].start")
            }
        }.sorted { $0.startMinute < $1.startMinute }
    }

    /// Whether there are no events.
    public var isEmpty: Bool { spans.isEmpty }

    /// The share of IT power to shed over the step from `startMinute` lasting `stepMinutes`: the
    /// largest event's share times the part of the step it covers (``SpanOverlap``).
    @inline(__always)
    public func shed(startMinute: Double, stepMinutes: Double) -> Double {
        var largest = 0.0
        for span in spans {
            if span.startMinute >= startMinute + stepMinutes { break }
            largest = max(largest, SpanOverlap.share(span.shed, eventStart: span.startMinute, eventEnd: span.endMinute,
                                                     start: startMinute, length: stepMinutes))
        }
        return largest
    }
}

/// `[[load.events]]`: a request to shed a share of the campus's IT power for a while (a grid
/// operator's or the site's own demand response), honoured in flexible operation by deferring batch
/// work and capping training (docs/compute.md).
public struct CurtailmentEvent: Sendable, Equatable {
    /// When it starts (ISO 8601 with its UTC offset, in one of the run's reporting years).
    public var start: ISOTimestamp
    /// How long it lasts, hours.
    public var hours: Double
    /// Share of the IT power rigid operation would draw that is to be shed, fraction.
    public var shedFraction: Double

    /// An event of `hours` from `start` shedding `shedFraction`.
    public init(start: ISOTimestamp, hours: Double, shedFraction: Double) {
        self.start = start
        self.hours = hours
        self.shedFraction = shedFraction
    }

    init(_ section: inout ScenarioSection) throws {
        let text = try section.string("start")
        guard let start = ISOTimestamp(Substring(text)) else {
            throw section.error("start", "expected an ISO 8601 date-time with its UTC offset (2026-07-15T18:00:00-07:00), found '\(text)'")
        }
        self.start = start
        hours = try section.positive("hours", max: 8760)
        shedFraction = try section.positive("shed_fraction", max: 1)
        try section.finish()
    }
}

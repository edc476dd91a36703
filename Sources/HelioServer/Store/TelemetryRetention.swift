import HelioGrid

/// How much telemetry the database keeps, by age and by size, applied once per plant hour
/// (``EMSStore/applyRetention(_:nowMS:)``): raw readings older than ``raw`` are rolled into
/// per-minute means, means older than ``minutes`` are deleted, and past ``maxRows`` telemetry rows
/// the oldest rows stored are deleted (the ingest rate limit bounds the growth between passes).
/// Decisions, the ledger and alarms are never deleted: they are the plant's record.
public struct TelemetryRetention: Sendable, Equatable {
    /// Raw telemetry older than this (plant time) is rolled into minute means.
    public var raw = Duration.hours(24)
    /// Minute means older than this are deleted.
    public var minutes = Duration.days(400)
    /// Telemetry rows kept at most (10 million rows is about 1 GB of database).
    public var maxRows = 10_000_000
    /// Plant time between passes.
    public let every = Duration.hours(1)

    /// The defaults.
    public init() {}

    /// Retention of `rawHours` of raw readings, `minuteDays` of minute means and at most `maxRows` rows.
    public init(rawHours: Double, minuteDays: Double, maxRows: Int) {
        raw = .hours(rawHours)
        minutes = .days(minuteDays)
        self.maxRows = maxRows
    }
}

/// An instant of the live plant clock: Unix time in milliseconds, the `timestamp_ms` of the live
/// API and the store (docs/time.md). Arithmetic goes through Swift's `Duration`, so no caller
/// multiplies hours into milliseconds; ``hourIndex`` and ``localDayIndex(utcOffsetMinutes:)`` are
/// the clock hours and local days the live EMS plans and reports on.
public struct PlantTime: Sendable, Hashable, Comparable {
    /// Milliseconds since the Unix epoch.
    public var unixMS: Int64

    /// The instant `unixMS` milliseconds after the Unix epoch.
    public init(unixMS: Int64) { self.unixMS = unixMS }

    /// The instant `minutes` whole minutes after the Unix epoch (an ISO 8601 stamp's UTC minutes).
    public init(unixMinutes minutes: Int) { unixMS = Int64(minutes) * Self.msPerMinute }

    /// The instant at the start of clock hour `hourIndex` (hours since the epoch).
    public init(hourIndex: Int) { unixMS = Int64(hourIndex) * Self.msPerHour }

    private static let msPerMinute: Int64 = 60 * 1000
    private static let msPerHour: Int64 = 60 * msPerMinute

    /// Hours since the epoch, fractional: ``DispatchContext/timeHours`` of the live clock.
    public var hoursSinceEpoch: Double { Double(unixMS) / Double(Self.msPerHour) }

    /// The clock hour this instant lies in (hours since the epoch, rounded down).
    public var hourIndex: Int { Int(hoursSinceEpoch.rounded(.down)) }

    /// The start of the clock hour this instant lies in.
    public var startOfHour: PlantTime { PlantTime(hourIndex: hourIndex) }

    /// Minutes since the epoch, fractional.
    public var minutesSinceEpoch: Double { Double(unixMS) / Double(Self.msPerMinute) }

    /// Whole minutes since the epoch (rounded down).
    public var unixMinutes: Int64 { Int64(minutesSinceEpoch.rounded(.down)) }

    /// The local day this instant lies in at `utcOffsetMinutes` (days since 1970-01-01 local).
    public func localDayIndex(utcOffsetMinutes: Int) -> Int64 {
        Int64((Double(unixMinutes + Int64(utcOffsetMinutes)) / 1440).rounded(.down))
    }

    /// The instant `hours` hours later (fractional), its milliseconds rounded by `rule`.
    public func adding(hours: Double, rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> PlantTime {
        PlantTime(unixMS: unixMS + Int64((hours * Double(Self.msPerHour)).rounded(rule)))
    }

    /// Hours from `earlier` to this instant (fractional).
    public func hours(since earlier: PlantTime) -> Double { Double(unixMS - earlier.unixMS) / Double(Self.msPerHour) }

    /// The instant `duration` later (rounded to the millisecond).
    public static func + (time: PlantTime, duration: Duration) -> PlantTime {
        PlantTime(unixMS: time.unixMS + Int64(duration.milliseconds.rounded()))
    }

    /// The instant `duration` earlier (rounded to the millisecond).
    public static func - (time: PlantTime, duration: Duration) -> PlantTime {
        PlantTime(unixMS: time.unixMS - Int64(duration.milliseconds.rounded()))
    }

    /// The time from `earlier` to `later`.
    public static func - (later: PlantTime, earlier: PlantTime) -> Duration {
        .milliseconds(later.unixMS - earlier.unixMS)
    }

    public static func < (lhs: PlantTime, rhs: PlantTime) -> Bool { lhs.unixMS < rhs.unixMS }

    /// The time two spans of plant time share (zero when they do not meet).
    public static func overlap(_ a: Range<PlantTime>, _ b: Range<PlantTime>) -> Duration {
        .milliseconds(Int64(SpanOverlap.length(Double(a.lowerBound.unixMS), Double(a.upperBound.unixMS),
                                               Double(b.lowerBound.unixMS), Double(b.upperBound.unixMS))))
    }
}

extension Duration {
    /// The duration in milliseconds, as a `Double`.
    public var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }

    /// The duration in hours, as a `Double`.
    public var hours: Double { milliseconds / 3.6e6 }

    /// `hours` hours (fractional; to the nanosecond).
    public static func hours(_ hours: Double) -> Duration { .nanoseconds(Int64((hours * 3.6e12).rounded())) }

    /// `days` days (fractional; to the nanosecond).
    public static func days(_ days: Double) -> Duration { .hours(days * 24) }
}

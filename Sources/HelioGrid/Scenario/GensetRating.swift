/// The power rating a genset is bought with, which limits how it may be run (ISO 8528-1:2018, §13.3).
public enum GensetRating: String, Sendable, CaseIterable {
    /// Continuous operating power (COP): constant load, unlimited hours.
    case continuous
    /// Prime power (PRP): variable load, unlimited hours, average output over 24 h at most 70 % of the rating.
    case prime
    /// Emergency standby power (ESP): variable load, at most 200 hours a year, for outages only.
    case standby

    /// ISO 8528-1 ESP: running hours a year a standby-rated unit may run.
    public static let standbyHoursPerYear = 200.0
    /// ISO 8528-1 PRP: permissible average output over 24 h, fraction of the rating.
    public static let primeAverageLoading = 0.70

    /// The highest loading dispatch plans units at, fraction of the rating: the prime limit for
    /// prime-rated units, their full rating otherwise.
    public var dispatchLoadingLimit: Double { self == .prime ? Self.primeAverageLoading : 1 }
}

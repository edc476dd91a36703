/// `[weather.synthetic]`: weather years generated from the site's one typical year
/// (``SyntheticWeather``), for ensembles where no multi-year record exists.
public struct SyntheticWeatherConfig: Sendable, Equatable {
    /// Number of years generated.
    public var years: Int
    /// Seed of the generator; the same seed gives the same years on every machine.
    public var seed: Int
    /// Coefficient of variation of annual global irradiation from year to year (0.03 = 3 %).
    ///
    /// Default 0.03: P. Ineichen, "Global irradiation: average and typical year, and year-to-year
    /// variability", University of Geneva, 2011 (30 sites, 10 to 30 years each; the study behind
    /// PVsyst's P90 default) finds year-to-year standard deviations of annual irradiation of a few
    /// percent, lowest in sunny climates; 3 % sits at the sunny end of that range. Give the value
    /// measured for the site where one is known.
    public var interannualCV: Double

    /// Where the daily Markov chain's transition matrix and values come from.
    public var daily: DailyModel

    /// The daily clearness model of ``SyntheticWeather``.
    public enum DailyModel: String, Sendable, CaseIterable {
        /// Transitions estimated from the source year itself, between deciles of each day's rank
        /// within its month, and values from the source's distribution for the month (default:
        /// keeps the site's day-to-day persistence and spread).
        case site
        /// Aguiar, Collares-Pereira & Conde's world-wide library of matrices by monthly mean
        /// clearness (``AguiarMarkovLibrary``), for a site whose one year is not representative of
        /// its persistence.
        case library
    }

    /// The default of ``interannualCV``.
    public static let defaultInterannualCV = 0.03

    /// Creates a configuration; see the properties.
    public init(years: Int, seed: Int = 1, interannualCV: Double = defaultInterannualCV, daily: DailyModel = .site) {
        self.years = years
        self.seed = seed
        self.interannualCV = interannualCV
        self.daily = daily
    }

    init(_ section: inout ScenarioSection) throws {
        years = try section.int("years", in: 1...100_000)
        seed = try section.int("seed", default: 1, in: 0...Int.max)
        interannualCV = try section.double("interannual_cv", default: Self.defaultInterannualCV, in: 0...0.2)
        daily = DailyModel(rawValue: try section.choice("daily", default: "site", in: DailyModel.allCases.map(\.rawValue)))!
        try section.finish()
    }
}

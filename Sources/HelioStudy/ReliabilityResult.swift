/// The estimates of a reliability run from its sample-years, each with a 95 % confidence interval:
/// LOLP (the probability that an hour has unserved demand), LOLE (hours a year), EENS (MWh a
/// year), the frequency and mean duration of shortfalls, and fuel autonomy. Indices as defined by
/// R. Billinton and R. N. Allan, *Reliability Evaluation of Power Systems*, 2nd ed., 1996, ch. 2 and 12.
public struct ReliabilityResult: Sendable {
    /// Every sample-year, in sample order.
    public let samples: [ReliabilitySample]
    /// Hours in a sample-year.
    public let yearHours: Double
    /// The fuel tank, litres (`nil`: unlimited).
    public let fuelTankL: Double?

    /// Loss-of-load probability: the share of hours with unserved demand.
    public let lolp: ReliabilityEstimate
    /// Loss-of-load expectation, hours a year.
    public let loleHoursPerYear: ReliabilityEstimate
    /// Expected energy not served, MWh a year.
    public let eensMWhPerYear: ReliabilityEstimate
    /// Shortfalls a year.
    public let shortfallsPerYear: ReliabilityEstimate
    /// Mean duration of a shortfall, hours (0 without shortfalls).
    public let meanShortfallHours: ReliabilityEstimate
    /// Days a full tank lasts at the sample-year's mean daily burn (`nil` without a tank or fuel burned).
    public let fuelAutonomyDays: ReliabilityEstimate?
    /// The plain year's worst fuel windows (`nil` without gensets): the worst week's burn and the
    /// tank that holds through a delivery interval plus the delay's 95th percentile.
    public let fuelWindows: FuelWindows?

    /// The estimates from `samples`, with the plain year's `fuelWindows`.
    public init(samples: [ReliabilitySample], yearHours: Double, fuelTankL: Double?, fuelWindows: FuelWindows? = nil) {
        self.samples = samples
        self.fuelWindows = fuelWindows
        self.yearHours = yearHours
        self.fuelTankL = fuelTankL
        lolp = ReliabilityEstimate(samples.map { $0.lossOfLoadHours / yearHours })
        loleHoursPerYear = ReliabilityEstimate(samples.map(\.lossOfLoadHours))
        eensMWhPerYear = ReliabilityEstimate(samples.map { $0.unservedKWh / 1000 })
        shortfallsPerYear = ReliabilityEstimate(samples.map { Double($0.shortfalls) })
        meanShortfallHours = ReliabilityEstimate(ratioOf: samples.map(\.lossOfLoadHours), to: samples.map { Double($0.shortfalls) })
        if let tank = fuelTankL, samples.allSatisfy({ $0.fuelL > 0 }) {
            fuelAutonomyDays = ReliabilityEstimate(samples.map { tank / ($0.fuelL / (yearHours / 24)) })
        } else {
            fuelAutonomyDays = nil
        }
    }

    /// Days a full tank lasts at the worst week's burn (`nil` without a tank or fuel burnt).
    public var fuelAutonomyWorstWeekDays: Double? {
        guard let tank = fuelTankL else { return nil }
        return fuelWindows?.autonomyDays(tankL: tank)
    }

    /// Failed genset starts per sample-year.
    public var failedStartsPerYear: Double { Double(samples.reduce(0) { $0 + $1.failedStarts }) / Double(max(samples.count, 1)) }

    /// Fuel deliveries per sample-year.
    public var deliveriesPerYear: Double { Double(samples.reduce(0) { $0 + $1.deliveries }) / Double(max(samples.count, 1)) }

    /// The lowest tank level reached in any sample-year, litres (`nil` with unlimited fuel).
    public var lowestTankL: Double? { samples.map(\.lowestTankL).min().flatMap { $0.isFinite ? $0 : nil } }
}

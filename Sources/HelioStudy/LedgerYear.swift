import HelioGrid

/// One simulated year of a report's run as its carbon ledger booked it (``RunLedger``): the steps,
/// each step's ledger and market-based Scope 2, on the run's clock, labelled with its calendar year.
public struct LedgerYear: Sendable {
    /// The year's steps.
    public var series: StepSeries
    /// The carbon ledger of its steps.
    public var ledger: CarbonLedger
    /// Market-based Scope 2 of each step, kg (empty without a grid).
    public var marketKg: [Double]
    /// The run's clock.
    public var axis: TimeAxis
    /// The calendar year it reports as (`[carbon] first_year` + its index).
    public var calendarYear: Int
}

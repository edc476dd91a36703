import HelioGrid

/// Where the forward plan (``ForwardPlan``) starts: the live EMS as it stands after its latest
/// interval — a copy of the strategy with its state (genset commitment, the MPC's plan and
/// forecasters, the tariff's month peak), the interval count and length, the latest valid reading
/// and the live ledger (its battery carbon pool and the gensets it last booked).
struct ForwardPlanStart: Sendable {
    /// A copy of the live strategy; stepping it leaves the control loop's own untouched.
    var strategy: LiveStrategy
    /// Intervals decided so far.
    var tick: Int
    /// Plant time per control interval.
    var tickLength: Duration
    /// The latest valid reading (`nil` before the first).
    var reading: PlantTelemetry?
    /// A copy of the live ledger.
    var ledger: LiveLedger
}

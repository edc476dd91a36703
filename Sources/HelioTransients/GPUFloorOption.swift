/// The sizing rule's GPU-side answer (docs/transients.md): the lowest GPU power floor (with the
/// section's GPU ramp limits) that keeps the gensets in the target class with the in-band limit met,
/// the battery holding its hourly power, and what the energy the floor burns costs.
public struct GPUFloorOption: Sendable, Equatable {
    /// Floor as a share of the swinging GPUs' rated power (`nil`: not even a floor at rated power meets the limits).
    public var floorShare: Double?
    /// The run at that floor (`nil` when none meets the limits).
    public var outcome: TransientOutcome?
    /// Energy the floor burns in a year of training, kWh: its burn while the training runs
    /// undisturbed, over `training_hours_per_year`.
    public var burnedKWhPerYear: Double
    /// Cost of that energy at the gensets' marginal fuel and carbon cost, per year and over the
    /// project discounted, in the scenario's currency.
    public var costPerYear: Double, lifetimeCost: Double

    /// Whether some floor meets the limits.
    public var achievable: Bool { floorShare != nil }
}

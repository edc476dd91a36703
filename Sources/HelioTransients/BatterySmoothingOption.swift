/// The sizing rule's storage answer (docs/transients.md): the gentlest smoothing that keeps the
/// gensets in the target class with the in-band limit met, and the battery power and energy it takes.
public struct BatterySmoothingOption: Sendable, Equatable {
    /// The policy searched (`ramp` or `low-pass`).
    public var policy: String
    /// Its parameter: the gensets' ramp limit, kW/s, or the low-pass time constant, s (`nil`: no setting meets the limits).
    public var parameter: Double?
    /// The run at that parameter with unlimited battery power (`nil` when none meets the limits).
    public var outcome: TransientOutcome?
    /// Battery power the run needs at the bus, kW (the hour's own and the smoothing's).
    public var requiredPowerKW: Double
    /// Power the smoothing adds to the hour's, kW, and the capacity its energy swing needs within the
    /// state-of-charge window, kWh.
    public var smoothingPowerKW: Double, smoothingEnergyKWh: Double
    /// Capital cost of a battery of the smoothing's power and energy, in the scenario's currency.
    public var capex: Double
    /// Battery power installed, kW (0: none).
    public var installedKW: Double

    /// Whether some setting meets the limits.
    public var achievable: Bool { parameter != nil }
    /// Whether the installed battery covers the requirement.
    public var installedSuffices: Bool { achievable && requiredPowerKW <= installedKW }
}

/// A dispatch strategy: given the plant's state and this step's demand and PV, choose the flows.
///
/// The simulation engine owns time and state and calls the strategy once per step; rule-based,
/// optimal and live control are interchangeable behind this protocol. The engine applies the
/// decision (battery energy, genset commitment, fuel) and checks the power balance.
public protocol DispatchStrategy: Sendable {
    /// Which strategy it is (its name in outputs is the raw value: `rule`, `optimal`, `mpc`, …).
    var kind: DispatchConfig.Strategy { get }
    /// Decides one step's flows.
    mutating func decide(_ context: DispatchContext) -> DispatchDecision
}

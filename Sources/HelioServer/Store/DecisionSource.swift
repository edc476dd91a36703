import HelioGrid

/// Who decided an interval's setpoints: the dispatch strategy, an operator's override, or safe mode.
/// Stored and served as its ``label`` (`rule`, `mpc`, …, `operator`, `safe-mode`).
public enum DecisionSource: Sendable, Equatable {
    /// The dispatch strategy in auto mode.
    case strategy(DispatchConfig.Strategy)
    /// An operator's override (`POST /v1/overrides`).
    case `operator`
    /// Safe mode (``SafeModePolicy``).
    case safeMode

    /// The name stored in `decisions.source` and served by `/v1/decisions`.
    public var label: String {
        switch self {
        case let .strategy(strategy): strategy.rawValue
        case .operator: "operator"
        case .safeMode: "safe-mode"
        }
    }
}

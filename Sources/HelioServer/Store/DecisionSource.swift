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

    /// The source a stored `label` names (`nil` for a name no version wrote).
    public init?(label: String) {
        switch label {
        case "operator": self = .operator
        case "safe-mode": self = .safeMode
        default:
            guard let strategy = DispatchConfig.Strategy(rawValue: label) else { return nil }
            self = .strategy(strategy)
        }
    }
}

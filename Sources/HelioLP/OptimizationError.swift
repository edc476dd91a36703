/// Why an optimisation did not give a solution: clear words instead of a solver status code.
public struct OptimizationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public enum Kind: String, Sendable {
        /// No point satisfies every constraint.
        case infeasible
        /// The objective can decrease without bound.
        case unbounded
        /// The solver stopped at its time limit without a feasible solution.
        case timeLimit = "time limit"
        /// The model is malformed (unordered bounds, non-finite numbers).
        case invalidModel = "invalid model"
        /// The solver failed for another reason.
        case solverFailed = "solver failed"
    }

    /// The kind of failure.
    public var kind: Kind
    /// Details.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "optimisation \(kind.rawValue): \(message)" }
}

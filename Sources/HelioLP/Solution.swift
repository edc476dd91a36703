/// An optimal (or, for MILPs within the gap, best found) point of a ``LinearProgram``.
public struct Solution: Sendable {
    /// Objective value at the solution.
    public let objective: Double
    /// Value of every variable, by index.
    public let values: [Double]
    /// Wall time of the solver call, seconds.
    public let solveSeconds: Double
    /// The optimal basis, when the solution came from the simplex (an LP, or a MILP whose relaxation
    /// was whole); `nil` from branch and cut.
    public var basis: Basis?
    /// For a MILP, the relative gap between this solution's objective and the best bound proven,
    /// |objective − bound| / max(|objective|, 1e-9) (0: proven optimal; `nil` for an LP).
    public var relativeGap: Double?

    /// Creates a solution.
    public init(objective: Double, values: [Double], solveSeconds: Double, basis: Basis? = nil, relativeGap: Double? = nil) {
        self.objective = objective
        self.values = values
        self.solveSeconds = solveSeconds
        self.basis = basis
        self.relativeGap = relativeGap
    }

    /// The relative gap of `objective` to a proven lower `bound` (HiGHS's and Cbc's definition).
    static func gap(objective: Double, bound: Double) -> Double {
        abs(objective - bound) / max(abs(objective), 1e-9)
    }

    /// The value of one variable.
    public subscript(variable: LinearProgram.Variable) -> Double { values[variable.index] }
}

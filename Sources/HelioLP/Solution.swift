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

    /// Creates a solution.
    public init(objective: Double, values: [Double], solveSeconds: Double, basis: Basis? = nil) {
        self.objective = objective
        self.values = values
        self.solveSeconds = solveSeconds
        self.basis = basis
    }

    /// The value of one variable.
    public subscript(variable: LinearProgram.Variable) -> Double { values[variable.index] }
}

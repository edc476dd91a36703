/// An optimal (or, for MILPs within the gap, best found) point of a ``LinearProgram``.
public struct Solution: Sendable {
    /// Objective value at the solution.
    public let objective: Double
    /// Value of every variable, by index.
    public let values: [Double]
    /// Wall time of the solver call, seconds.
    public let solveSeconds: Double

    /// The value of one variable.
    public subscript(variable: LinearProgram.Variable) -> Double { values[variable.index] }
}

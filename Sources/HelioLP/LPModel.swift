/// A solver engine's copy of one ``LinearProgram``, solved and re-solved with changed column bounds
/// (``Solver`` fixes an integer column at its whole neighbours this way). Conformers own a raw
/// solver handle, free it with the object and are used by one thread at a time.
protocol LPModel: AnyObject {
    /// Sets a column's bounds for the next solve.
    func setBounds(column: Int, lower: Double, upper: Double)
    /// Solves from the present basis, if any; throws an ``OptimizationError`` unless optimal.
    func solve() throws -> Solution
}

extension LPModel {
    /// Fixes a column at `value` for the next solve.
    func fix(column: Int, at value: Double) {
        setBounds(column: column, lower: value, upper: value)
    }
}

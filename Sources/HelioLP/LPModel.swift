/// A solver engine's copy of one ``LinearProgram``, solved and re-solved with changed column bounds
/// (``Solver`` fixes an integer column at its whole neighbours this way). Conformers own a raw
/// solver handle, free it with the object and are used by one thread at a time.
protocol LPModel: AnyObject {
    /// Fixes a column's bounds at `value` for the next solve.
    func fix(column: Int, at value: Double)
    /// Solves from the present basis, if any; throws an ``OptimizationError`` unless optimal.
    func solve() throws -> Solution
}

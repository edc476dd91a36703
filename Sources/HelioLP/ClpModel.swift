internal import CClp

/// One Clp model, kept for several solves of the same program with changed bounds (the dual
/// simplex then restarts from the last basis). Freed with the object; used by one thread at a time.
final class ClpModel {
    private let model: UnsafeMutableRawPointer
    private let columns: Int
    private let rows: Int
    private var columnLower: [Double]
    private var columnUpper: [Double]
    private var warm: Bool

    /// Loads `program`, starting from `warmStart` when it fits the program's size.
    init(_ program: LinearProgram, timeLimitSeconds: Double, warmStart: Basis?) throws {
        guard let model = Clp_newModel() else { throw OptimizationError(.solverFailed, "Clp could not allocate a model") }
        self.model = model
        let (columns, rows) = (program.variableCount, program.constraintCount)
        let (lower, upper) = (Solver.finite(program.columnLower), Solver.finite(program.columnUpper))
        Clp_setLogLevel(model, 0)
        Clp_setMaximumSeconds(model, timeLimitSeconds)
        let matrix = program.compressedColumns()
        let starts = matrix.start.map { CInt($0) }
        matrix.index.withUnsafeBufferPointer { index in
            Clp_loadProblem(model, CInt(columns), CInt(rows), starts, index.baseAddress, matrix.value,
                            lower, upper, program.objective,
                            Solver.finite(program.rowLower), Solver.finite(program.rowUpper))
        }
        let fitting = warmStart.flatMap { $0.columns.count == columns && $0.rows.count == rows ? $0 : nil }
        if let fitting { Clp_copyinStatus(model, fitting.columns + fitting.rows) }
        warm = fitting != nil
        (self.columns, self.rows, columnLower, columnUpper) = (columns, rows, lower, upper)
    }

    deinit { Clp_deleteModel(model) }

    /// Fixes a column's bounds at `value` for the next solve.
    func fix(column: Int, at value: Double) {
        columnLower[column] = value
        columnUpper[column] = value
        Clp_chgColumnLower(model, columnLower)
        Clp_chgColumnUpper(model, columnUpper)
        warm = true
    }

    /// Solves: the dual simplex from the present basis when there is one or the program is small (an
    /// MPC window), else Clp's presolve and automatic choice (a year of dispatch). Throws an
    /// ``OptimizationError`` unless proven optimal.
    func solve() throws -> Solution {
        if warm || columns < Solver.smallProgramColumns { Clp_dual(model, 0) } else { Clp_initialSolve(model) }
        warm = true
        if Clp_isProvenOptimal(model) != 0 {
            let values = Array(UnsafeBufferPointer(start: Clp_getColSolution(model), count: columns))
            let status = UnsafeBufferPointer(start: Clp_statusArray(model), count: columns + rows).map { $0 & 7 }
            return Solution(objective: Clp_objectiveValue(model), values: values, solveSeconds: 0,
                            basis: Basis(columns: Array(status[..<columns]), rows: Array(status[columns...])))
        }
        if Clp_isProvenPrimalInfeasible(model) != 0 {
            throw OptimizationError(.infeasible, "no dispatch satisfies every constraint (Clp status \(Clp_status(model)))")
        }
        if Clp_isProvenDualInfeasible(model) != 0 {
            throw OptimizationError(.unbounded, "the objective has no lower bound (Clp status \(Clp_status(model)))")
        }
        let status = Clp_status(model)
        throw OptimizationError(status == 3 ? .timeLimit : .solverFailed, "Clp stopped with status \(status)")
    }
}

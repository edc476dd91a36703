internal import CClp

/// One Clp model, kept for several solves of the same program with changed bounds (the dual
/// simplex then restarts from the last basis). Freed with the object; used by one thread at a time.
final class ClpModel: LPModel {
    private let model: UnsafeMutableRawPointer
    private let columns: Int
    private let rows: Int
    private var columnLower: [Double]
    private var columnUpper: [Double]
    private var warm: Bool
    private let method: SolverOptions.Method

    /// Loads `program`, starting from `warmStart` when it fits the program's size; `method` is how a
    /// cold start of a large program is solved.
    init(_ program: LinearProgram, method: SolverOptions.Method, timeLimitSeconds: Double, warmStart: Basis?) throws {
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
        (self.columns, self.rows, columnLower, columnUpper, self.method) = (columns, rows, lower, upper, method)
    }

    deinit { Clp_deleteModel(model) }

    func setBounds(column: Int, lower: Double, upper: Double) {
        columnLower[column] = lower
        columnUpper[column] = upper
        Clp_chgColumnLower(model, columnLower)
        Clp_chgColumnUpper(model, columnUpper)
        warm = true
    }

    /// Solves: the dual simplex from the present basis when there is one or the program is small (an
    /// MPC window), else with presolve by `method` (dual simplex, or barrier with crossover). Throws
    /// an ``OptimizationError`` unless proven optimal.
    func solve() throws -> Solution {
        if warm || columns < Solver.smallProgramColumns {
            Clp_dual(model, 0)
        } else {
            switch method {
            case .ipm: Clp_initialBarrierSolve(model)
            case .simplex, .auto: Clp_initialDualSolve(model)
            }
        }
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

internal import CHiGHS

/// One HiGHS instance holding a program, kept for several solves with changed bounds (the dual
/// simplex then restarts from the last basis). HiGHS 1.15 (Q. Huangfu and J. A. J. Hall,
/// "Parallelizing the dual revised simplex method", Math. Prog. Comp. 10, 2018; its MIP solver:
/// L. Gottwald, https://highs.dev). Instances are independent and thread-safe; each is freed with
/// the object and used by one thread at a time.
final class HighsModel: LPModel {
    private let highs: UnsafeMutableRawPointer
    private let columns: Int
    private let rows: Int
    private let isMIP: Bool

    /// Loads `program` (as a MILP when `integer`), applying `options`' threads; a cold LP is solved by
    /// `method` (`simplex` or `ipm`, the latter with `crossover` to a basis or without); starts from
    /// `warmStart` when it fits the program.
    init(_ program: LinearProgram, options: SolverOptions, method: SolverOptions.Method, crossover: Bool, timeLimitSeconds: Double,
         warmStart: Basis?, integer: Bool = false, relativeGap: Double = 1e-6) throws {
        guard let highs = Highs_create() else { throw OptimizationError(.solverFailed, "HiGHS could not allocate a model") }
        self.highs = highs
        (columns, rows, isMIP) = (program.variableCount, program.constraintCount, integer)
        Highs_setBoolOptionValue(highs, "output_flag", 0)
        Highs_setIntOptionValue(highs, "threads", HighsInt(options.threads))
        Highs_setDoubleOptionValue(highs, "time_limit", timeLimitSeconds)
        Highs_setStringOptionValue(highs, "solver", method == .ipm ? "ipm" : "simplex")
        Highs_setStringOptionValue(highs, "run_crossover", crossover ? "on" : "off")
        if !integer && method == .simplex { Self.tuneSimplex(highs, columns: columns) }
        if integer { Highs_setDoubleOptionValue(highs, "mip_rel_gap", relativeGap) }
        let matrix = program.compressedColumns()
        let starts = matrix.start.map { HighsInt($0) }
        let integrality = integer ? program.isInteger.map { HighsInt($0 ? kHighsVarTypeInteger : kHighsVarTypeContinuous) } : []
        let status = matrix.index.withUnsafeBufferPointer { index in
            integrality.withUnsafeBufferPointer { integrality in
                Highs_passModel(highs, HighsInt(columns), HighsInt(rows), HighsInt(matrix.value.count), 0,
                                kHighsMatrixFormatColwise, kHighsHessianFormatTriangular, kHighsObjSenseMinimize, 0,
                                program.objective, program.columnLower, program.columnUpper, program.rowLower, program.rowUpper,
                                starts, index.baseAddress, matrix.value, nil, nil, nil, integer ? integrality.baseAddress : nil)
            }
        }
        guard status != kHighsStatusError else {
            Highs_destroy(highs)
            throw OptimizationError(.invalidModel, "HiGHS refused the program (\(columns) columns, \(rows) rows)")
        }
        if !integer, let warmStart, warmStart.columns.count == columns, warmStart.rows.count == rows {
            setBasis(warmStart)
        }
    }

    deinit { Highs_destroy(highs) }

    /// The dual simplex settings measured fastest on HelioGrid's LPs (docs/solvers.md): Devex pricing
    /// instead of dual steepest edge, HiGHS's scaling strategy 4 (max-value scaling), and presolve
    /// only on programs of ``presolveColumns`` columns or more. Sizing bound (61,325 columns) 17.0 →
    /// 2.1 s (presolve left a problem 4× slower to solve than the original); a year of dispatch
    /// (96,725) 1.18 → 0.95 s; 20 years hourly (1.9 million) 59 s with presolve, 127 s without.
    private static func tuneSimplex(_ highs: UnsafeMutableRawPointer, columns: Int) {
        Highs_setStringOptionValue(highs, "presolve", columns >= presolveColumns ? "on" : "off")
        Highs_setIntOptionValue(highs, "simplex_dual_edge_weight_strategy", 1)
        Highs_setIntOptionValue(highs, "simplex_scale_strategy", 4)
    }

    /// Columns from which HiGHS presolves an LP before its dual simplex.
    static let presolveColumns = 500_000

    /// Passes `basis` (Clp's status codes, see ``Basis``). HiGHS takes a start only with one basic
    /// status per row; a basis moved on from another program (an MPC re-plan's) rarely has that, so
    /// row slacks are made basic or nonbasic, from the last row back, until it does. HiGHS replaces
    /// the columns of a singular start with slacks when it factorises.
    private func setBasis(_ basis: Basis) {
        let columnStatus = basis.columns.map(Self.highsStatus)
        var rowStatus = basis.rows.map(Self.highsStatus)
        var surplus = columnStatus.lazy.filter { $0 == kHighsBasisStatusBasic }.count
            + rowStatus.lazy.filter { $0 == kHighsBasisStatusBasic }.count - rows
        for row in rowStatus.indices.reversed() where surplus != 0 {
            if surplus > 0, rowStatus[row] == kHighsBasisStatusBasic {
                rowStatus[row] = kHighsBasisStatusLower
                surplus -= 1
            } else if surplus < 0, rowStatus[row] != kHighsBasisStatusBasic {
                rowStatus[row] = kHighsBasisStatusBasic
                surplus += 1
            }
        }
        guard surplus == 0 else { return }
        Highs_setBasis(highs, columnStatus, rowStatus)
    }

    /// HiGHS's status for Clp's code: basic, at upper, at lower (also fixed), zero (free or superbasic).
    private static func highsStatus(_ clp: UInt8) -> HighsInt {
        switch clp {
        case Basis.basic: kHighsBasisStatusBasic
        case Basis.atUpper: kHighsBasisStatusUpper
        case Basis.atLower, Basis.fixed: kHighsBasisStatusLower
        default: kHighsBasisStatusZero
        }
    }

    /// Clp's code for HiGHS's status.
    private static func clpStatus(_ highs: HighsInt) -> UInt8 {
        switch highs {
        case kHighsBasisStatusBasic: Basis.basic
        case kHighsBasisStatusUpper: Basis.atUpper
        case kHighsBasisStatusZero: Basis.free
        default: Basis.atLower
        }
    }

    func setBounds(column: Int, lower: Double, upper: Double) {
        Highs_changeColBounds(highs, HighsInt(column), lower, upper)
    }

    /// Solves; an optimal LP comes with its basis. A MILP stopped at its time limit returns the best
    /// solution found, as Cbc does. Throws an ``OptimizationError`` otherwise.
    func solve() throws -> Solution {
        if Highs_run(highs) == kHighsStatusError && Highs_getModelStatus(highs) == kHighsModelStatusNotset {
            // HiGHS keeps one task scheduler per calling thread, sized by the first solve on it; a
            // solve asking for another thread count is refused until that scheduler is reset.
            Highs_resetGlobalScheduler(1)
            Highs_run(highs)
        }
        let status = Highs_getModelStatus(highs)
        var feasible: HighsInt = 0
        Highs_getIntInfoValue(highs, "primal_solution_status", &feasible)
        guard status == kHighsModelStatusOptimal || (isMIP && feasible == kHighsSolutionStatusFeasible) else {
            throw Self.error(status)
        }
        var values = [Double](repeating: 0, count: columns)
        Highs_getSolution(highs, &values, nil, nil, nil)
        let objective = Highs_getObjectiveValue(highs)
        guard isMIP else { return Solution(objective: objective, values: values, solveSeconds: 0, basis: basis()) }
        var bound = 0.0
        Highs_getDoubleInfoValue(highs, "mip_dual_bound", &bound)
        return Solution(objective: objective, values: values, solveSeconds: 0, relativeGap: Solution.gap(objective: objective, bound: bound))
    }

    /// The final basis, when HiGHS has a valid one (not after interior point without crossover).
    private func basis() -> Basis? {
        var validity: HighsInt = 0
        Highs_getIntInfoValue(highs, "basis_validity", &validity)
        guard validity == kHighsBasisValidityValid else { return nil }
        var columnStatus = [HighsInt](repeating: 0, count: columns), rowStatus = [HighsInt](repeating: 0, count: rows)
        guard Highs_getBasis(highs, &columnStatus, &rowStatus) != kHighsStatusError else { return nil }
        return Basis(columns: columnStatus.map(Self.clpStatus), rows: rowStatus.map(Self.clpStatus))
    }

    private static func error(_ status: HighsInt) -> OptimizationError {
        switch status {
        case kHighsModelStatusInfeasible:
            OptimizationError(.infeasible, "no dispatch satisfies every constraint (HiGHS)")
        case kHighsModelStatusUnbounded:
            OptimizationError(.unbounded, "the objective has no lower bound (HiGHS)")
        case kHighsModelStatusUnboundedOrInfeasible:
            OptimizationError(.infeasible, "the program is infeasible or unbounded (HiGHS presolve)")
        case kHighsModelStatusTimeLimit:
            OptimizationError(.timeLimit, "HiGHS found no solution within its time limit")
        default:
            OptimizationError(.solverFailed, "HiGHS stopped with model status \(status)")
        }
    }
}

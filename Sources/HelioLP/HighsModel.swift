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

    /// Loads `program` (as a MILP when `integer`), applying `options`; starts from `warmStart` when
    /// it fits the program and has one basic status per row.
    init(_ program: LinearProgram, options: SolverOptions, timeLimitSeconds: Double, warmStart: Basis?,
         integer: Bool = false, relativeGap: Double = 1e-6) throws {
        guard let highs = Highs_create() else { throw OptimizationError(.solverFailed, "HiGHS could not allocate a model") }
        self.highs = highs
        (columns, rows, isMIP) = (program.variableCount, program.constraintCount, integer)
        Highs_setBoolOptionValue(highs, "output_flag", 0)
        Highs_setIntOptionValue(highs, "threads", HighsInt(options.threads))
        Highs_setDoubleOptionValue(highs, "time_limit", timeLimitSeconds)
        Highs_setStringOptionValue(highs, "solver", Self.solverOption(options.method))
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

    private static func solverOption(_ method: SolverOptions.Method) -> String {
        switch method {
        case .simplex: "simplex"
        case .ipm: "ipm"
        case .auto: "choose"
        }
    }

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

    func fix(column: Int, at value: Double) {
        Highs_changeColBounds(highs, HighsInt(column), value, value)
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
        return Solution(objective: Highs_getObjectiveValue(highs), values: values, solveSeconds: 0, basis: isMIP ? nil : basis())
    }

    private func basis() -> Basis? {
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

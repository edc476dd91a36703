import Synchronization
internal import CCbc
internal import CClp

/// Solves ``LinearProgram``s with COIN-OR: Clp (presolve and automatic method choice) for LPs, Cbc's branch and cut for
/// MILPs (J. Forrest et al., COIN-OR Clp 1.17 and Cbc 2.10, https://github.com/coin-or).
///
/// Solver handles are created, used and freed inside one call. Cbc 2.10 is not thread-safe
/// (parallel solves gave wrong answers when checked), so every Cbc call is serialised behind one
/// lock; Clp runs in parallel with one model per solve.
public enum Solver {
    private static let cbcLock = Mutex(())

    /// COIN-OR's "infinite" bound.
    private static let infinity = Double.greatestFiniteMagnitude

    /// Columns below which an LP is solved without presolve.
    public static let smallProgramColumns = 5_000

    /// Integer columns within this of a whole number count as whole in an LP relaxation's solution.
    public static let integralityTolerance = 1e-7

    /// Solves to optimality (MILP: within `relativeGap`) or throws an ``OptimizationError``.
    ///
    /// A MILP is first solved as its LP relaxation with Clp: if every integer column comes out whole,
    /// that solution is feasible for the MILP and no MILP solution can cost less than the
    /// relaxation's optimum, so it is the MILP's optimum and Cbc is not called. Otherwise Cbc solves
    /// the MILP.
    public static func solve(_ program: LinearProgram, relativeGap: Double = 1e-6,
                             timeLimitSeconds: Double = 600) throws -> Solution {
        try program.validate()
        guard program.variableCount > 0 else { return Solution(objective: 0, values: [], solveSeconds: 0) }
        let clock = ContinuousClock()
        let started = clock.now
        let (objective, values) = program.hasIntegers
            ? try solveMILP(program, relativeGap: relativeGap, timeLimitSeconds: timeLimitSeconds)
            : try solveWithClp(program, timeLimitSeconds: timeLimitSeconds)
        let elapsed = (clock.now - started).components
        return Solution(objective: objective, values: values,
                        solveSeconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
    }

    /// The relaxation if it is whole where it must be, else Cbc's branch and cut.
    private static func solveMILP(_ program: LinearProgram, relativeGap: Double, timeLimitSeconds: Double) throws -> (Double, [Double]) {
        if let relaxed = try? solveWithClp(program, timeLimitSeconds: timeLimitSeconds),
           zip(relaxed.1, program.isInteger).allSatisfy({ value, integer in !integer || abs(value - value.rounded()) <= integralityTolerance }) {
            return (relaxed.0, zip(relaxed.1, program.isInteger).map { value, integer in integer ? value.rounded() : value })
        }
        return try cbcLock.withLock { _ in try solveWithCbc(program, relativeGap: relativeGap, timeLimitSeconds: timeLimitSeconds) }
    }

    private static func finite(_ bounds: [Double]) -> [Double] {
        bounds.map { min(max($0, -infinity), infinity) }
    }

    private static func solveWithClp(_ program: LinearProgram, timeLimitSeconds: Double) throws -> (Double, [Double]) {
        guard let model = Clp_newModel() else { throw OptimizationError(.solverFailed, "Clp could not allocate a model") }
        defer { Clp_deleteModel(model) }
        Clp_setLogLevel(model, 0)
        Clp_setMaximumSeconds(model, timeLimitSeconds)
        let matrix = program.compressedColumns()
        let starts = matrix.start.map { CInt($0) }
        matrix.index.withUnsafeBufferPointer { index in
            Clp_loadProblem(model, CInt(program.variableCount), CInt(program.constraintCount), starts, index.baseAddress,
                            matrix.value, finite(program.columnLower), finite(program.columnUpper), program.objective,
                            finite(program.rowLower), finite(program.rowUpper))
        }
        // Small programs (an MPC window) go straight to the dual simplex; presolve pays off on large
        // ones (a year of dispatch), where Clp then picks its method.
        if program.variableCount < smallProgramColumns { Clp_dual(model, 0) } else { Clp_initialSolve(model) }
        if Clp_isProvenOptimal(model) != 0 {
            let values = Array(UnsafeBufferPointer(start: Clp_getColSolution(model), count: program.variableCount))
            return (Clp_objectiveValue(model), values)
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

    private static func solveWithCbc(_ program: LinearProgram, relativeGap: Double, timeLimitSeconds: Double) throws -> (Double, [Double]) {
        guard let model = Cbc_newModel() else { throw OptimizationError(.solverFailed, "Cbc could not allocate a model") }
        defer { Cbc_deleteModel(model) }
        Cbc_setLogLevel(model, 0)
        Cbc_setAllowableFractionGap(model, relativeGap)
        Cbc_setMaximumSeconds(model, timeLimitSeconds)
        // The MILPs here are small (a few hours of unit counts); cut generation and preprocessing cost
        // more than they save (an MPC year: 27 → 20 ms per Cbc solve, same plans within the gap).
        Cbc_setParameter(model, "cuts", "off")
        Cbc_setParameter(model, "preprocess", "off")
        let matrix = program.compressedColumns()
        matrix.index.withUnsafeBufferPointer { index in
            Cbc_loadProblem(model, CInt(program.variableCount), CInt(program.constraintCount), matrix.start.map { CInt($0) },
                            index.baseAddress, matrix.value, finite(program.columnLower), finite(program.columnUpper),
                            program.objective, finite(program.rowLower), finite(program.rowUpper))
        }
        for column in 0..<program.variableCount where program.isInteger[column] { Cbc_setInteger(model, CInt(column)) }
        Cbc_solve(model)
        if Cbc_isProvenInfeasible(model) != 0 {
            throw OptimizationError(.infeasible, "no dispatch satisfies every constraint (Cbc)")
        }
        if Cbc_isContinuousUnbounded(model) != 0 {
            throw OptimizationError(.unbounded, "the objective has no lower bound (Cbc)")
        }
        guard let solution = Cbc_getColSolution(model), Cbc_isProvenOptimal(model) != 0 || Cbc_getObjValue(model) < 1e50 else {
            throw OptimizationError(Cbc_isAbandoned(model) != 0 ? .solverFailed : .timeLimit,
                                    "Cbc found no solution (status \(Cbc_status(model)), secondary \(Cbc_secondaryStatus(model)))")
        }
        return (Cbc_getObjValue(model), Array(UnsafeBufferPointer(start: solution, count: program.variableCount)))
    }
}

import Synchronization
internal import CCbc
internal import CClp

/// Solves ``LinearProgram``s with the engines ``SolverOptions`` names: HiGHS 1.15 (https://highs.dev)
/// or COIN-OR Clp 1.17 for LPs, HiGHS or COIN-OR Cbc 2.10 for MILPs (J. Forrest et al.,
/// https://github.com/coin-or).
///
/// Solver handles are created, used and freed inside one call. Cbc 2.10 is not thread-safe
/// (parallel solves gave wrong answers when checked), so every Cbc call is serialised behind one
/// lock; HiGHS and Clp run in parallel with one model per solve.
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
    /// A MILP is first solved as its LP relaxation with the LP engine: if every integer column comes
    /// out whole, that solution is feasible for the MILP and no MILP solution can cost less than the
    /// relaxation's optimum, so it is the MILP's optimum and the MIP engine is not called. Otherwise
    /// the MIP engine solves it. With `warmStart` (a basis of the same size, from a related program)
    /// the dual simplex starts from it.
    ///
    /// Without `needsBasis` (a program solved once, whose solution's basis nobody starts from) the
    /// `ipm` method skips HiGHS's crossover: the solution is then optimal to the solver's tolerances
    /// (relative 1e-8) but may not be a vertex, and comes without a basis.
    public static func solve(_ program: LinearProgram, options: SolverOptions = .default, relativeGap: Double = 1e-6,
                             timeLimitSeconds: Double = 600, warmStart: Basis? = nil, needsBasis: Bool = true) throws -> Solution {
        try program.validate()
        guard program.variableCount > 0 else { return Solution(objective: 0, values: [], solveSeconds: 0) }
        let clock = ContinuousClock()
        let started = clock.now
        let solution = program.hasIntegers
            ? try solveMILP(program, options: options, relativeGap: relativeGap, timeLimitSeconds: timeLimitSeconds, warmStart: warmStart)
            : try model(program, options: options, timeLimitSeconds: timeLimitSeconds, warmStart: warmStart, needsBasis: needsBasis).solve()
        let elapsed = (clock.now - started).components
        return Solution(objective: solution.objective, values: solution.values,
                        solveSeconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18, basis: solution.basis,
                        relativeGap: solution.relativeGap)
    }

    /// The LP engine's model of `program`.
    private static func model(_ program: LinearProgram, options: SolverOptions, timeLimitSeconds: Double, warmStart: Basis?,
                              needsBasis: Bool = true) throws -> any LPModel {
        let method = options.coldMethod
        return switch options.engine(columns: program.variableCount) {
        case .highs, .auto:
            try HighsModel(program, options: options, method: method, crossover: needsBasis, timeLimitSeconds: timeLimitSeconds,
                           warmStart: warmStart)
        case .clp:
            try ClpModel(program, method: method, timeLimitSeconds: timeLimitSeconds, warmStart: warmStart)
        }
    }

    /// The relaxation if it is whole where it must be; with one integer column (its indicators
    /// aside), the best of its whole neighbours; else the MIP engine's branch and cut.
    ///
    /// With a single integer column x, the optimal cost φ(k) of the LP with x fixed at k is a convex
    /// function of k (the optimal cost of an LP is convex in its right-hand side: D. Bertsimas and
    /// J. N. Tsitsiklis, *Introduction to Linear Optimization*, 1997, Theorem 5.1), and the
    /// relaxation's x* minimises φ over the reals, so the integer optimum is at ⌊x*⌋ or ⌈x*⌉: two
    /// LPs, each re-solved by the dual simplex from the relaxation's basis in the same model, give
    /// the MILP's exact optimum (an MPC re-plan with integer commitment in its first step).
    /// Indicators of x (``LinearProgram/addIndicator(of:integer:)``) break that convexity at 0 but
    /// not above it: with them at 1, φ is convex on x ≥ 1, so the optimum is x = 0 (indicators 0),
    /// or a whole neighbour of the minimiser x** of the LP with x ≥ 1 and the indicators at 1.
    private static func solveMILP(_ program: LinearProgram, options: SolverOptions, relativeGap: Double, timeLimitSeconds: Double,
                                  warmStart: Basis?) throws -> Solution {
        let model = try model(program, options: options, timeLimitSeconds: timeLimitSeconds, warmStart: warmStart)
        let relaxed = try? model.solve()
        if let relaxed,
           zip(relaxed.values, program.isInteger).allSatisfy({ value, integer in !integer || abs(value - value.rounded()) <= integralityTolerance }) {
            return wholeWhereInteger(relaxed, program)
        }
        let integers = program.isInteger.indices.filter { program.isInteger[$0] && program.indicated[$0] == nil }
        if let relaxed, integers.count == 1 {
            var solution = try bestNeighbour(of: relaxed, column: integers[0], model: model, program: program)
            solution.basis = relaxed.basis
            return solution
        }
        // Branch and cut keeps no basis; the relaxation's optimal one is the start offered for a related program.
        let branched = switch options.mip {
        case .highs:
            try HighsModel(program, options: options, method: .simplex, crossover: true, timeLimitSeconds: timeLimitSeconds,
                           warmStart: nil, integer: true, relativeGap: relativeGap).solve()
        case .cbc:
            try cbcLock.withLock { _ in try solveWithCbc(program, relativeGap: relativeGap, timeLimitSeconds: timeLimitSeconds) }
        }
        // Branch and cut accepts integer columns within its integrality tolerance (1e-6); they are made whole.
        var solution = wholeWhereInteger(branched, program)
        solution.relativeGap = branched.relativeGap
        solution.basis = relaxed?.basis
        return solution
    }

    /// The cheapest LP with `column` at a whole value: its relaxed value's neighbours, or with
    /// indicators, 0 and the neighbours of the minimiser at 1 and above.
    private static func bestNeighbour(of relaxed: Solution, column: Int, model: any LPModel, program: LinearProgram) throws -> Solution {
        let (lower, upper) = (program.columnLower[column], program.columnUpper[column])
        let indicators = program.indicated.indices.filter { program.indicated[$0] == column }
        var best: Solution?
        func consider(_ whole: Double) {
            guard whole >= lower - integralityTolerance && whole <= upper + integralityTolerance else { return }
            model.fix(column: column, at: whole)
            for indicator in indicators { model.fix(column: indicator, at: whole >= 1 ? 1 : 0) }
            guard let candidate = try? model.solve() else { return }
            if best == nil || candidate.objective < best!.objective { best = candidate }
        }
        if indicators.isEmpty {
            let value = relaxed.values[column]
            consider(value.rounded(.down))
            consider(value.rounded(.up))
        } else {
            consider(0)
            if upper >= 1 {
                model.setBounds(column: column, lower: max(1, lower), upper: upper)
                for indicator in indicators { model.fix(column: indicator, at: 1) }
                if let running = try? model.solve() {
                    let value = running.values[column]
                    consider(max(1, value.rounded(.down)))
                    consider(value.rounded(.up))
                }
            }
        }
        guard let best else {
            throw OptimizationError(.infeasible, "no dispatch satisfies every constraint with a whole value of column \(column)")
        }
        return wholeWhereInteger(best, program)
    }

    /// `solution` with its integer columns rounded to the whole numbers they are within tolerance of,
    /// marked proven optimal (gap 0; branch and cut's result keeps its own gap).
    private static func wholeWhereInteger(_ solution: Solution, _ program: LinearProgram) -> Solution {
        Solution(objective: solution.objective,
                 values: zip(solution.values, program.isInteger).map { value, integer in integer ? value.rounded() : value },
                 solveSeconds: 0, basis: solution.basis, relativeGap: 0)
    }

    static func finite(_ bounds: [Double]) -> [Double] {
        bounds.map { min(max($0, -infinity), infinity) }
    }

    private static func solveWithCbc(_ program: LinearProgram, relativeGap: Double, timeLimitSeconds: Double) throws -> Solution {
        guard let model = Cbc_newModel() else { throw OptimizationError(.solverFailed, "Cbc could not allocate a model") }
        defer { Cbc_deleteModel(model) }
        Cbc_setLogLevel(model, 0)
        Cbc_setAllowableFractionGap(model, relativeGap)
        Cbc_setMaximumSeconds(model, timeLimitSeconds)
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
        let objective = Cbc_getObjValue(model)
        return Solution(objective: objective, values: Array(UnsafeBufferPointer(start: solution, count: program.variableCount)),
                        solveSeconds: 0, relativeGap: Solution.gap(objective: objective, bound: Cbc_getBestPossibleObjValue(model)))
    }
}

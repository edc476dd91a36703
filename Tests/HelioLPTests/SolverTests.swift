import Testing
@testable import HelioLP

/// Every engine combination a scenario can choose: each test below must give the same answers under each.
let engines: [SolverOptions] = [
    .default,
    SolverOptions(lp: .clp, mip: .cbc, method: .simplex, threads: 1),
    SolverOptions(lp: .highs, mip: .highs, method: .ipm, threads: 1),
    SolverOptions(lp: .clp, mip: .highs, method: .ipm, threads: 1),
    SolverOptions(lp: .highs, mip: .cbc, method: .auto, threads: 2),
]

@Suite struct SolverTests {
    /// max 3x + 2y s.t. x + y ≤ 4, x + 3y ≤ 6, x ≤ 3 → x = 3, y = 1, objective 11 (by hand: vertex
    /// of x ≤ 3 and x + y ≤ 4).
    @Test(arguments: engines) func solvesASmallLP(options: SolverOptions) throws {
        var lp = LinearProgram()
        let x = lp.addVariable(upper: 3, objective: -3)
        let y = lp.addVariable(objective: -2)
        lp.addConstraint([x: 1, y: 1], upper: 4)
        lp.addConstraint([x: 1, y: 3], upper: 6)
        let solution = try Solver.solve(lp, options: options)
        #expect(abs(solution[x] - 3) < 1e-9 && abs(solution[y] - 1) < 1e-9)
        #expect(abs(solution.objective + 11) < 1e-9)
    }

    /// Knapsack, weights 5, 4, 3 and values 10, 40, 30, by enumeration of the 8 subsets. Capacity 7:
    /// {2, 3} (value 70), which the LP relaxation finds whole (so Cbc is not needed). Capacity 6: the
    /// relaxation takes item 2 and two thirds of item 3 (60); branch and cut finds {2} (40).
    @Test(arguments: engines, [(7.0, 70.0, [0.0, 1, 1]), (6, 40, [0, 1, 0])])
    func solvesASmallMILPLikeEnumeration(options: SolverOptions, knapsack: (capacity: Double, value: Double, chosen: [Double])) throws {
        let (capacity, value, chosen) = knapsack
        var milp = LinearProgram()
        let weights = [5.0, 4, 3], values = [10.0, 40, 30]
        let items = values.map { milp.addVariable(upper: 1, objective: -$0, integer: true) }
        milp.addConstraint(variables: items, coefficients: weights, upper: capacity)
        let solution = try Solver.solve(milp, options: options)
        var best = 0.0
        for mask in 0..<8 {
            let subset = (0..<3).filter { mask & (1 << $0) != 0 }
            if subset.reduce(0, { $0 + weights[$1] }) <= capacity { best = max(best, subset.reduce(0) { $0 + values[$1] }) }
        }
        #expect(abs(-solution.objective - best) < 1e-9 && best == value)
        #expect(items.map { solution[$0] } == chosen)
    }

    @Test(arguments: engines) func infeasibleUnboundedAndInvalidAreClearErrors(options: SolverOptions) {
        var infeasible = LinearProgram()
        let a = infeasible.addVariable(upper: 1)
        infeasible.addConstraint([a: 1], lower: 2)
        #expect(throws: OptimizationError.self) { try Solver.solve(infeasible, options: options) }
        do { _ = try Solver.solve(infeasible, options: options) } catch let error as OptimizationError { #expect(error.kind == .infeasible) } catch {}

        var unbounded = LinearProgram()
        let b = unbounded.addVariable(objective: -1)
        unbounded.addConstraint([b: 1], lower: 0)
        do { _ = try Solver.solve(unbounded, options: options); Issue.record("unbounded accepted") } catch let error as OptimizationError {
            #expect(error.kind == .unbounded)
        } catch { Issue.record("\(error)") }

        var integerInfeasible = LinearProgram()
        let c = integerInfeasible.addVariable(upper: 1, integer: true)
        integerInfeasible.addConstraint([c: 1], lower: 0.2, upper: 0.8)
        do { _ = try Solver.solve(integerInfeasible, options: options); Issue.record("integer-infeasible accepted") } catch let error as OptimizationError {
            #expect(error.kind == .infeasible)
        } catch { Issue.record("\(error)") }

        var invalid = LinearProgram()
        invalid.addVariable(lower: 2, upper: 1)
        do { _ = try Solver.solve(invalid, options: options); Issue.record("invalid accepted") } catch let error as OptimizationError {
            #expect(error.kind == .invalidModel)
        } catch { Issue.record("\(error)") }
    }
}

/// One integer column: the better whole neighbour of the relaxation is the MILP's optimum, and a
/// warm start changes nothing but the work.
@Suite struct SingleIntegerAndWarmStartTests {
    /// n units of 100 kW (at least 40 kW each, 30 per unit-hour) serve `load` with shedding at 3 per
    /// kWh: the solver's answer equals the cheapest of the LPs with n fixed at 0…5 (enumeration).
    @Test(arguments: engines, [130.0, 250, 410, 35])
    func oneIntegerColumnMatchesEnumeration(options: SolverOptions, load: Double) throws {
        func program(fixedUnits: Double?) -> (LinearProgram, LinearProgram.Variable) {
            var lp = LinearProgram()
            let units = lp.addVariable(lower: fixedUnits ?? 0, upper: fixedUnits ?? 5, objective: 30, integer: fixedUnits == nil)
            let output = lp.addVariable(objective: 1)
            let shed = lp.addVariable(objective: 3)
            lp.addConstraint([output: 1, units: -100], upper: 0)
            lp.addConstraint([output: 1, units: -40], lower: 0)
            lp.addConstraint([output: 1, shed: 1], lower: load, upper: load)
            return (lp, units)
        }
        let (milp, units) = program(fixedUnits: nil)
        let solution = try Solver.solve(milp, options: options)
        let enumerated = (0...5).compactMap { try? Solver.solve(program(fixedUnits: Double($0)).0, options: options).objective }.min()!
        #expect(abs(solution.objective - enumerated) < 1e-9, "\(solution.objective) vs \(enumerated)")
        #expect(solution[units] == solution[units].rounded())
    }

    /// The LP of the first test, re-solved from its own basis and, with x + y ≤ 5 instead of 4,
    /// from the first one's: the same optimum as cold solves (by hand: x = 3 at its bound, y =
    /// min(5 − 3, (6 − 3) / 3) = 1, objective −11).
    @Test(arguments: engines) func warmStartGivesTheColdOptimum(options: SolverOptions) throws {
        func program(_ capacity: Double) -> LinearProgram {
            var lp = LinearProgram()
            let x = lp.addVariable(upper: 3, objective: -3)
            let y = lp.addVariable(objective: -2)
            lp.addConstraint([x: 1, y: 1], upper: capacity)
            lp.addConstraint([x: 1, y: 3], upper: 6)
            return lp
        }
        let first = try Solver.solve(program(4), options: options)
        let basis = try #require(first.basis)
        // x = 3 sits at its upper bound, y = 1 is basic, x + y ≤ 4 is tight, x + 3y ≤ 6 has slack.
        #expect(basis.columns == [2, Basis.basic] && basis.rows.filter { $0 == Basis.basic }.count == 1)
        #expect(try Solver.solve(program(4), options: options, warmStart: basis).values == first.values)
        let warm = try Solver.solve(program(5), options: options, warmStart: basis), cold = try Solver.solve(program(5), options: options)
        #expect(abs(warm.objective - cold.objective) < 1e-9 && abs(cold.objective + 11) < 1e-9)
    }
}

/// A unit count with an indicator ("a unit runs"): the solver's neighbour shortcut fixes the
/// indicator with the count and must equal enumeration and the MIP engines' branch and cut.
@Suite struct IndicatorTests {
    /// n units of 100 kW (40 kW minimum each, 30 per unit-hour, fuel 1 per kWh) and a 50 kW battery
    /// (0.1 per kWh) serve `load`, shed at 3 per kWh. While a unit runs (y) the battery keeps spare
    /// r ≥ g − 100 n + 50 y for its loss, with d + r ≤ 50. Enumerated over n = 0…5 with y = 0 and 1.
    /// At 120 kW the relaxation runs a fraction of a unit, but one whole unit cannot run alone
    /// (g + d ≤ 100: 20 kW shed, cost 145) and the optimum is two (144): neighbours of the
    /// relaxation's count would miss it.
    @Test(arguments: engines, [35.0, 95, 120, 130, 250, 480])
    func indicatorFollowsItsCount(options: SolverOptions, load: Double) throws {
        /// With `fixed` and `running` the LP of one enumerated point; without, the MILP, its indicator
        /// marked as one (`marked`) or a plain binary the MIP engine branches on.
        func program(units fixed: Double? = nil, running: Double? = nil, marked: Bool = true)
            -> (LinearProgram, LinearProgram.Variable, LinearProgram.Variable) {
            var lp = LinearProgram()
            let units = lp.addVariable(lower: fixed ?? 0, upper: fixed ?? 5, objective: 30, integer: fixed == nil)
            let output = lp.addVariable(objective: 1), shed = lp.addVariable(objective: 3)
            let discharge = lp.addVariable(upper: 50, objective: 0.1), spare = lp.addVariable()
            let runs: LinearProgram.Variable
            if fixed == nil && marked {
                runs = lp.addIndicator(of: units, integer: true)
            } else {
                runs = lp.addVariable(lower: running ?? 0, upper: running ?? 1, integer: fixed == nil)
                lp.addConstraint([runs: 5, units: -1], lower: 0)
            }
            lp.addConstraint([output: 1, units: -100], upper: 0)
            lp.addConstraint([output: 1, units: -40], lower: 0)
            lp.addConstraint([output: 1, discharge: 1, shed: 1], lower: load, upper: load)
            lp.addConstraint([spare: 1, output: -1, units: 100, runs: -50], lower: 0)
            lp.addConstraint([discharge: 1, spare: 1], upper: 50)
            return (lp, units, runs)
        }
        let (milp, units, runs) = program()
        let solution = try Solver.solve(milp, options: options)
        let enumerated = (0...5).flatMap { n in [0.0, 1].compactMap { y in
            try? Solver.solve(program(units: Double(n), running: y).0, options: options).objective
        } }.min()!
        #expect(abs(solution.objective - enumerated) < 1e-6, "\(solution.objective) vs \(enumerated)")
        #expect(solution[runs] == (solution[units] >= 1 ? 1 : 0))
        if load == 120 { #expect(solution[units] == 2 && abs(solution.objective - 144) < 1e-6) }
        let branched = try Solver.solve(program(marked: false).0, options: options, relativeGap: 1e-9)
        #expect(abs(branched.objective - enumerated) < 1e-6, "branch and cut \(branched.objective) vs \(enumerated)")
    }

    /// HiGHS keeps a task scheduler per calling thread sized by its first solve; solves asking for
    /// other thread counts one after another on one thread must all succeed.
    @Test func threadCountsMayChangeBetweenSolves() throws {
        var milp = LinearProgram()
        let items = [10.0, 40, 30].map { milp.addVariable(upper: 1, objective: -$0, integer: true) }
        milp.addConstraint(variables: items, coefficients: [5, 4, 3], upper: 6)
        for threads in [1, 2, 1, 2] {
            let options = SolverOptions(lp: .highs, mip: .highs, method: .simplex, threads: threads)
            #expect(try Solver.solve(milp, options: options).objective == -40)
        }
    }
}

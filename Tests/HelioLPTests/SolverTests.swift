import Testing
@testable import HelioLP

@Suite struct SolverTests {
    /// max 3x + 2y s.t. x + y ≤ 4, x + 3y ≤ 6, x ≤ 3 → x = 3, y = 1, objective 11 (by hand: vertex
    /// of x ≤ 3 and x + y ≤ 4).
    @Test func solvesASmallLP() throws {
        var lp = LinearProgram()
        let x = lp.addVariable(upper: 3, objective: -3)
        let y = lp.addVariable(objective: -2)
        lp.addConstraint([x: 1, y: 1], upper: 4)
        lp.addConstraint([x: 1, y: 3], upper: 6)
        let solution = try Solver.solve(lp)
        #expect(abs(solution[x] - 3) < 1e-9 && abs(solution[y] - 1) < 1e-9)
        #expect(abs(solution.objective + 11) < 1e-9)
    }

    /// Knapsack, weights 5, 4, 3 and values 10, 40, 30, by enumeration of the 8 subsets. Capacity 7:
    /// {2, 3} (value 70), which the LP relaxation finds whole (so Cbc is not needed). Capacity 6: the
    /// relaxation takes item 2 and two thirds of item 3 (60); branch and cut finds {2} (40).
    @Test(arguments: [(7.0, 70.0, [0.0, 1, 1]), (6, 40, [0, 1, 0])])
    func solvesASmallMILPLikeEnumeration(capacity: Double, value: Double, chosen: [Double]) throws {
        var milp = LinearProgram()
        let weights = [5.0, 4, 3], values = [10.0, 40, 30]
        let items = values.map { milp.addVariable(upper: 1, objective: -$0, integer: true) }
        milp.addConstraint(variables: items, coefficients: weights, upper: capacity)
        let solution = try Solver.solve(milp)
        var best = 0.0
        for mask in 0..<8 {
            let subset = (0..<3).filter { mask & (1 << $0) != 0 }
            if subset.reduce(0, { $0 + weights[$1] }) <= capacity { best = max(best, subset.reduce(0) { $0 + values[$1] }) }
        }
        #expect(abs(-solution.objective - best) < 1e-9 && best == value)
        #expect(items.map { solution[$0] } == chosen)
    }

    @Test func infeasibleUnboundedAndInvalidAreClearErrors() {
        var infeasible = LinearProgram()
        let a = infeasible.addVariable(upper: 1)
        infeasible.addConstraint([a: 1], lower: 2)
        #expect(throws: OptimizationError.self) { try Solver.solve(infeasible) }
        do { _ = try Solver.solve(infeasible) } catch let error as OptimizationError { #expect(error.kind == .infeasible) } catch {}

        var unbounded = LinearProgram()
        let b = unbounded.addVariable(objective: -1)
        unbounded.addConstraint([b: 1], lower: 0)
        do { _ = try Solver.solve(unbounded); Issue.record("unbounded accepted") } catch let error as OptimizationError {
            #expect(error.kind == .unbounded)
        } catch { Issue.record("\(error)") }

        var integerInfeasible = LinearProgram()
        let c = integerInfeasible.addVariable(upper: 1, integer: true)
        integerInfeasible.addConstraint([c: 1], lower: 0.2, upper: 0.8)
        do { _ = try Solver.solve(integerInfeasible); Issue.record("integer-infeasible accepted") } catch let error as OptimizationError {
            #expect(error.kind == .infeasible)
        } catch { Issue.record("\(error)") }

        var invalid = LinearProgram()
        invalid.addVariable(lower: 2, upper: 1)
        do { _ = try Solver.solve(invalid); Issue.record("invalid accepted") } catch let error as OptimizationError {
            #expect(error.kind == .invalidModel)
        } catch { Issue.record("\(error)") }
    }
}

/// One integer column: the better whole neighbour of the relaxation is the MILP's optimum, and a
/// warm start changes nothing but the work.
@Suite struct SingleIntegerAndWarmStartTests {
    /// n units of 100 kW (at least 40 kW each, 30 per unit-hour) serve `load` with shedding at 3 per
    /// kWh: the solver's answer equals the cheapest of the LPs with n fixed at 0…5 (enumeration).
    @Test(arguments: [130.0, 250, 410, 35])
    func oneIntegerColumnMatchesEnumeration(load: Double) throws {
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
        let solution = try Solver.solve(milp)
        let enumerated = (0...5).compactMap { try? Solver.solve(program(fixedUnits: Double($0)).0).objective }.min()!
        #expect(abs(solution.objective - enumerated) < 1e-9, "\(solution.objective) vs \(enumerated)")
        #expect(solution[units] == solution[units].rounded())
    }

    /// The LP of the first test, re-solved from its own basis and, with x + y ≤ 5 instead of 4,
    /// from the first one's: the same optimum as cold solves (by hand: x = 3 at its bound, y =
    /// min(5 − 3, (6 − 3) / 3) = 1, objective −11).
    @Test func warmStartGivesTheColdOptimum() throws {
        func program(_ capacity: Double) -> LinearProgram {
            var lp = LinearProgram()
            let x = lp.addVariable(upper: 3, objective: -3)
            let y = lp.addVariable(objective: -2)
            lp.addConstraint([x: 1, y: 1], upper: capacity)
            lp.addConstraint([x: 1, y: 3], upper: 6)
            return lp
        }
        let first = try Solver.solve(program(4))
        let basis = try #require(first.basis)
        // x = 3 sits at its upper bound, y = 1 is basic, x + y ≤ 4 is tight, x + 3y ≤ 6 has slack.
        #expect(basis.columns == [2, Basis.basic] && basis.rows.filter { $0 == Basis.basic }.count == 1)
        #expect(try Solver.solve(program(4), warmStart: basis).values == first.values)
        let warm = try Solver.solve(program(5), warmStart: basis), cold = try Solver.solve(program(5))
        #expect(abs(warm.objective - cold.objective) < 1e-9 && abs(cold.objective + 11) < 1e-9)
    }
}

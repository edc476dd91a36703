import Foundation
import HelioGrid
import HelioLP

/// The microgrid dispatch over a horizon as an LP or MILP.
///
/// Per step t (length h): PV used pv ≤ PV available (the rest curtailed); battery charge c and
/// discharge d at the bus with stored energy e_t = r·e_{t−1} + (η_c c − d/η_d) h (r: self-discharge
/// retention), within SOC limits; genset output g with n units committed (integer, or relaxed),
/// m·U·n ≤ g ≤ U·n, start-ups s ≥ n_t − n_{t−1}, and minimum run time n_t ≥ Σ s over the last
/// ⌈min_run_hours / h⌉ steps (the aggregated min-up-time form of M. Carrión and J. M. Arroyo,
/// IEEE Trans. Power Syst. 21(3), 2006); grid import/export within limits, at each step's import and
/// export price, with monthly demand charges on the peak import (``DemandCharges``); unserved demand.
/// Balance: pv + d − c + g + import − export + unserved = load.
/// Objective (year-1 prices): fuel and its carbon, F₀·U·n + F₁·g litres (plus the start fuel of each
/// start) at the fuel price plus CO₂e × (carbon price − origin price); genset O&M per unit-hour and
/// wear per start; battery wear per kWh charged and
/// discharged; grid energy and its Scope 2 carbon; unserved penalty.
/// Flexible GPU work (``DispatchHorizon/compute``, docs/compute.md): the load becomes
/// fixed facility + k_t (p_t + b_t), with training power F·T_t ≤ p_t ≤ T_t (cap floor F), batch work
/// 0 ≤ b_t ≤ spare GPU capacity, the backlog q_t = q_{t−1} + (a_t − b_t) h held at most to the work
/// that arrived by t and is due after t (on one aggregated resource run earliest deadline first,
/// that cumulative condition is what meeting every deadline needs), and the work lost to caps, w_t ≥ T_t(1 − θ_k + s_k c_k) − s_k p_t
/// for each segment k of the throughput curve between the floor and 1 (the lines through its points:
/// exact where the curve is concave), priced at the throughput cost. A curtailment event holds
/// fixed IT + p_t + b_t to its limit, any excess at the unserved penalty.
/// Contingency reserve (`contingency_reserve`, N − 1 on the running gensets): the battery keeps spare
/// discharge power r_t for the loss of a running unit, d − c + r ≤ P (P: its power less the forecast
/// reserve, never below 0), with r ≥ g − U·ρ·n + min(U·ρ, P)·y and y ≥ n / N the "a unit runs"
/// indicator (binary under integer commitment, where the row is exact; relaxed in the LP): the output
/// of the lost unit that the other running units cannot take up, up to the battery's power. The
/// spare r is eliminated, one row d − c + g − U·ρ·n + min(U·ρ, P)·y ≤ P per step: where the right
/// side of r's bound is negative both forms leave d − c ≤ P, which the battery's power (and the
/// forecast-reserve row) already keep, and g ≤ U·ρ·n keeps r ≤ P. By the
/// balance the row reads P + (n − 1)·U·ρ ≥ d − c + g when a unit runs: the battery and the units left
/// carry the load the gensets and battery carried. No unit running, no row; net discharge is never
/// bounded below 0, so a battery weaker than one unit still cycles (the summary warns that it cannot
/// cover the loss). Losing the grid import leaves PV, the battery's full power and the running units
/// whatever the battery did before, so no power row can lessen what it sheds; it asks for energy: the
/// battery keeps enough above `soc_min` to carry the whole load for twice `start_seconds` (a genset
/// start plus an equal margin), on an island or a grid campus with gensets.
/// Forecast reserve (``DispatchHorizon/forecastReserveKW``): on every plan step the battery also
/// keeps that much spare discharge power and the energy to deliver it for the step.
/// Genset duty (``GensetRating``, ISO 8528-1): prime-rated units average at most 70 % of their
/// rating over each 24 hours (the present calendar day counted with what it has had so far,
/// ``DispatchHorizon/primeDay``), standby-rated units run at most 200 h a year each (``dutyPenaltyShare``).
/// Reserve band: in normal operation stored energy stays at or above `reserve_soc`, as the rule-based
/// EMS keeps it, so strategies are compared on the same usable window. The band between `soc_min`
/// and `reserve_soc` is for contingencies only: energy below the reserve is allowed (a start from a
/// low state, a shortfall nothing else can cover) but costs ``reserveBandPenaltyShare`` of the
/// unserved-energy penalty per kWh and step-hour, far above any fuel or carbon saving and below
/// shedding load.
public struct DispatchProblem: Sendable {
    /// The scenario whose prices and dispatch settings are used.
    public let scenario: Scenario
    /// The plant dispatched (the scenario's ``PlantModel``).
    public let plant: PlantModel
    /// Whether unit commitment is integer (MILP) or relaxed (LP).
    public let integerCommitment: Bool
    /// With integer commitment, how many leading steps keep integer unit counts (the rest relaxed);
    /// `nil` for all of them.
    public let integerSteps: Int?

    /// Longest a solve may take, seconds; a MILP then returns its best solution found.
    public let timeLimitSeconds: Double
    /// Relative gap at which branch and cut stops (MILP only).
    public let relativeGap: Double

    /// Cost of holding a kWh below `reserve_soc` for an hour, as a share of the unserved-energy penalty.
    public static let reserveBandPenaltyShare = 0.1
    /// Cost of a kWh (or a unit-hour, per kW of a unit) beyond the gensets' duty, as a share of the
    /// unserved-energy penalty: above any fuel saving, below shedding load.
    public static let dutyPenaltyShare = 0.1

    /// Creates a formulation for a scenario.
    public init(scenario: Scenario, integerCommitment: Bool, integerSteps: Int? = nil, timeLimitSeconds: Double = 600,
                relativeGap: Double = 1e-4) {
        self.scenario = scenario
        self.relativeGap = relativeGap
        plant = PlantModel(scenario: scenario)
        self.integerCommitment = integerCommitment
        self.integerSteps = integerSteps
        self.timeLimitSeconds = timeLimitSeconds
    }

    /// Builds and solves the program for `horizon`; `warmStart` (an earlier plan's basis and layout,
    /// and the plan steps since it started) starts the simplex near its optimum.
    public func solve(_ horizon: DispatchHorizon, warmStart: (basis: Basis, layout: PlanLayout, shift: Int)? = nil) throws -> DispatchPlan {
        var builder = Builder(problem: self, horizon: horizon)
        builder.build()
        let layout = builder.layout
        let basis = warmStart.map { layout.shifted($0.basis, from: $0.layout, by: $0.shift) }
        let solution = try Solver.solve(builder.program, options: scenario.solver.options, relativeGap: relativeGap,
                                        timeLimitSeconds: timeLimitSeconds, warmStart: basis)
        var plan = builder.plan(from: solution)
        plan.warmStart = solution.basis.map { ($0, layout) }
        plan.relativeGap = solution.relativeGap
        return plan
    }

    /// Builds and solves the two-stage scenario program of equally likely `members` (horizons that
    /// differ in their forecast load and PV, the same plant state): one copy of the program per
    /// member, each member's costs weighed by its probability, and the first step's decisions common
    /// to all (non-anticipativity: the decision carried out cannot depend on which member comes
    /// true), so storage and commitment hedge across the members (J. R. Birge and F. Louveaux,
    /// "Introduction to Stochastic Programming", 2nd ed., Springer 2011, ch. 2; in microgrid MPC,
    /// A. Parisio, E. Rikos and L. Glielmo, "Stochastic model predictive control for
    /// economic/environmental operation management of microgrids: an experimental case study",
    /// J. Process Control 43, 2016). The plan returned is the members' mean step by step (the first
    /// step is every member's); its cost is the expected cost. One member is ``solve(_:warmStart:)``;
    /// `warmStart` is as there, from an earlier scenario plan.
    public func solve(members: [DispatchHorizon], warmStart: (basis: Basis, layout: PlanLayout, shift: Int)? = nil) throws -> DispatchPlan {
        guard members.count > 1 else {
            guard let only = members.first else { throw OptimizationError(.invalidModel, "a scenario program needs at least one member") }
            return try solve(only, warmStart: warmStart)
        }
        var program = LinearProgram(), builders: [Builder] = []
        let weight = 1 / Double(members.count)
        for member in members {
            var builder = Builder(problem: self, horizon: member, program: program)
            builder.integerAllowed = builders.isEmpty
            program = LinearProgram()
            let first = builder.program.variableCount
            builder.build()
            builder.program.scaleObjective(from: first, by: weight)
            swap(&program, &builder.program)
            builders.append(builder)
        }
        for builder in builders.dropFirst() {
            for (common, own) in zip(builders[0].firstStepDecisions, builder.firstStepDecisions) {
                program.addTerm(common, 1)
                program.addTerm(own, -1)
                program.endRow(lower: 0, upper: 0)
            }
        }
        let layout = PlanLayout(members: builders.map(\.layout), columns: program.variableCount, rows: program.constraintCount)
        let basis = warmStart.map { layout.shifted($0.basis, from: $0.layout, by: $0.shift) }
        let solution = try Solver.solve(program, options: scenario.solver.options, relativeGap: relativeGap,
                                        timeLimitSeconds: timeLimitSeconds, warmStart: basis)
        var plan = DispatchPlan(mean: builders.map { $0.plan(from: solution) })
        plan.warmStart = solution.basis.map { ($0, layout) }
        plan.cost = solution.objective
        plan.solveSeconds = solution.solveSeconds
        plan.relativeGap = solution.relativeGap
        return plan
    }

    /// Fuel plus its carbon cost per litre, currency.
    var costPerLitre: Double {
        guard plant.diesel != nil else { return 0 }
        return scenario.economics.fuelPricePerL + plant.fuelKgCO2ePerL / 1000 * carbonPricePerT
    }

    /// Carbon price charged, net of any price paid at origin, currency per tCO₂e.
    var carbonPricePerT: Double { max(0, scenario.carbon.pricePerT - scenario.carbon.originPricePerT) }

    /// Lays out the variables and rows step by step.
    private struct Builder {
        let problem: DispatchProblem
        let horizon: DispatchHorizon
        var program = LinearProgram()
        var pv: [LinearProgram.Variable] = [], charge: [LinearProgram.Variable] = [], discharge: [LinearProgram.Variable] = []
        var energy: [LinearProgram.Variable] = [], diesel: [LinearProgram.Variable] = [], units: [LinearProgram.Variable] = []
        var starts: [LinearProgram.Variable] = [], imports: [LinearProgram.Variable] = [], exports: [LinearProgram.Variable] = []
        var unserved: [LinearProgram.Variable] = []
        /// Each billing period's peak import variable (before the steps' columns, so every step's
        /// columns keep one layout for warm starts).
        var peaks: [LinearProgram.Variable] = []
        var batch: [LinearProgram.Variable] = [], training: [LinearProgram.Variable] = [], backlog: [LinearProgram.Variable] = []
        var layout = PlanLayout(columnStarts: [], rowStarts: [], planSteps: 0)
        /// The throughput curve's segments below full power, for flexible compute.
        let segments: [(c: Double, theta: Double, slope: Double)]
        /// Whether this copy's commitment columns may be integer (a scenario program's later members
        /// are held to the first member's whole units by its tying rows, so only that one branches).
        var integerAllowed = true

        init(problem: DispatchProblem, horizon: DispatchHorizon, program: LinearProgram = LinearProgram()) {
            self.problem = problem
            self.horizon = horizon
            self.program = program
            segments = horizon.compute.map { Self.throughputSegments(floor: $0.lowestCapFloor) } ?? []
        }

        /// Columns, rows and coefficients per step, about: the storage reserved up front.
        private static let perStep = (columns: 14, rows: 12, nonzeros: 40)

        mutating func build() {
            let steps = horizon.count
            program.reserve(columns: steps * Self.perStep.columns, rows: steps * Self.perStep.rows, nonzeros: steps * Self.perStep.nonzeros)
            for variables in [\Builder.pv, \.charge, \.discharge, \.energy, \.diesel, \.units, \.starts, \.imports, \.exports, \.unserved] {
                self[keyPath: variables].reserveCapacity(steps)
            }
            layout.columnStarts.reserveCapacity(steps + 2)
            layout.rowStarts.reserveCapacity(steps + 3)
            if problem.plant.grid != nil, let demand = horizon.demandCharges {
                peaks = demand.floorKW.map { program.addVariable(lower: $0, objective: demand.chargePerKW) }
            }
            for t in 0..<horizon.count {
                layout.columnStarts.append(program.variableCount)
                layout.rowStarts.append(program.constraintCount)
                addStep(t)
            }
            layout.rowStarts.append(program.constraintCount)
            layout.planSteps = horizon.planSteps
            addMinimumRunTime()
            addDutyLimits()
            if horizon.endAtLeastStart, let last = energy.last {
                program.addConstraint([last: 1], lower: horizon.initialEnergyKWh)
            }
            if let floor = horizon.energyFloor, energy.indices.contains(floor.step) {
                program.addConstraint([energy[floor.step]: 1], lower: floor.kWh)
            }
            // The duty rows' excess columns count with the last step's, so every column lies in a step.
            layout.columnStarts.append(program.variableCount)
            layout.rowStarts.append(program.constraintCount)
        }

        private mutating func addStep(_ t: Int) {
            let scenario = problem.scenario, h = horizon.hours(at: t)
            let load = horizon.loadKW[t]
            var demand = load
            pv.append(program.addVariable(upper: horizon.pvAvailableKW[t]))
            unserved.append(program.addVariable(upper: load, objective: scenario.economics.unservedPenaltyPerKWh * h))
            if let battery = problem.plant.battery {
                addBattery(t, battery)
            }
            if let fleet = problem.plant.diesel {
                addGensets(t, fleet)
            }
            if let grid = problem.plant.grid {
                let carbon = horizon.gridCarbonGPerKWh.isEmpty ? grid.carbonGPerKWh : horizon.gridCarbonGPerKWh[t]
                let price = horizon.gridPricePerKWh.isEmpty ? grid.pricePerKWh : horizon.gridPricePerKWh[t]
                let exportPrice = horizon.gridExportPricePerKWh.isEmpty ? grid.exportPricePerKWh : horizon.gridExportPricePerKWh[t]
                imports.append(program.addVariable(upper: grid.importKW, objective: (price + carbon / 1e6 * problem.carbonPricePerT) * h))
                exports.append(program.addVariable(upper: grid.exportKW, objective: -exportPrice * h))
                if let demand = horizon.demandCharges { addDemandCharge(t, demand) }
            }
            if problem.scenario.dispatch.contingencyReserve, let battery = problem.plant.battery {
                addContingencyReserve(t, battery)
            }
            if let compute = horizon.compute {
                addCompute(t, compute)
                demand = compute.fixedFacilityKW[t]
            }
            addBalance(t, demandKW: demand)
        }

        /// pv + d − c + g + import − export + unserved − k_t (p_t + b_t) = demand at step `t`, term by
        /// term from the step's columns (no per-step arrays).
        private mutating func addBalance(_ t: Int, demandKW: Double) {
            program.addTerm(pv[t], 1)
            program.addTerm(unserved[t], 1)
            if t < discharge.count {
                program.addTerm(discharge[t], 1)
                program.addTerm(charge[t], -1)
            }
            if t < diesel.count { program.addTerm(diesel[t], 1) }
            if t < imports.count {
                program.addTerm(imports[t], 1)
                program.addTerm(exports[t], -1)
            }
            if let compute = horizon.compute {
                program.addTerm(training[t], -compute.facilityPerITKW[t])
                program.addTerm(batch[t], -compute.facilityPerITKW[t])
            }
            program.endRow(lower: demandKW, upper: demandKW)
        }

        /// import_t ≤ P_p for step `t`'s billing period p.
        private mutating func addDemandCharge(_ t: Int, _ demand: DemandCharges) {
            program.addTerm(imports[t], 1)
            program.addTerm(peaks[demand.periodOfStep[t]], -1)
            program.endRow(upper: 0)
        }

        /// Training power, batch work, backlog, work lost to caps and event rows of step `t`; the
        /// load's flexible part joins the balance row with −k_t.
        private mutating func addCompute(_ t: Int, _ compute: ComputeHorizon) {
            let h = horizon.hours(at: t), work = compute.trainingKW[t], perIT = compute.facilityPerITKW[t]
            training.append(program.addVariable(lower: min(compute.trainingFloorKW[t], work), upper: work))
            batch.append(program.addVariable(upper: compute.batchSpareKW[t]))
            backlog.append(program.addVariable(upper: compute.backlogLimitKWh[t]))
            // q_t − q_{t−1} + h b_t = h a_t (q_{−1}: the backlog at the start).
            let arrivingKWh = compute.batchArrivalKW[t] * h + (t == 0 ? compute.initialBacklogKWh : 0)
            program.addTerm(backlog[t], 1)
            if t > 0 { program.addTerm(backlog[t - 1], -1) }
            program.addTerm(batch[t], h)
            program.endRow(lower: arrivingKWh, upper: arrivingKWh)
            if work > 0 && compute.trainingFloorKW[t] < work {
                let lost = program.addVariable(objective: compute.throughputPerKWh * h)
                for segment in segments {
                    program.addTerm(lost, 1)
                    program.addTerm(training[t], segment.slope)
                    program.endRow(lower: work * (1 - segment.theta + segment.slope * segment.c))
                }
            }
            if compute.itLimitKW[t].isFinite {
                let excess = program.addVariable(objective: problem.scenario.economics.unservedPenaltyPerKWh * perIT * h)
                program.addTerm(training[t], 1)
                program.addTerm(batch[t], 1)
                program.addTerm(excess, -1)
                program.endRow(upper: max(0, compute.itLimitKW[t] - compute.fixedITKW[t]))
            }
        }

        /// The throughput curve's segments from `floor` to 1: each segment's start (cap c, throughput
        /// θ) and slope.
        static func throughputSegments(floor: Double) -> [(c: Double, theta: Double, slope: Double)] {
            let curve = ThroughputCurve.zeus
            let caps = [floor] + curve.powerFractions.filter { $0 > floor }
            return zip(caps, caps.dropFirst()).map { low, high in
                let low = (low, curve.throughput(atPowerFraction: low)), high = (high, curve.throughput(atPowerFraction: high))
                return (low.0, low.1, (high.1 - low.1) / (high.0 - low.0))
            }
        }

        private mutating func addBattery(_ t: Int, _ battery: BatteryConfig) {
            let scenario = problem.scenario, h = horizon.hours(at: t)
            let wear = battery.wearCostPerKWh * h
            charge.append(program.addVariable(upper: battery.powerKW, objective: wear))
            discharge.append(program.addVariable(upper: battery.powerKW, objective: wear))
            let spareKW = t < horizon.planSteps ? horizon.forecastReserveKW : 0
            var floor = battery.socMin * horizon.capacityKWh + spareKW * h / battery.dischargeEfficiency
            if scenario.dispatch.contingencyReserve, let fleet = problem.plant.diesel {
                floor += horizon.loadKW[t] * 2 * fleet.startSeconds / 3600 / battery.dischargeEfficiency
            }
            let ceiling = battery.socMax * horizon.capacityKWh
            energy.append(program.addVariable(lower: min(floor, ceiling), upper: ceiling))
            addReserveBand(t, battery)
            let retention = pow(1 - battery.selfDischargePerDay, h / 24)
            // e_t − r·e_{t−1} − η_c h c + h/η_d d = 0 (e_{−1} is the initial energy, moved to the right-hand side).
            let start = t == 0 ? retention * horizon.initialEnergyKWh : 0
            program.addTerm(energy[t], 1)
            program.addTerm(charge[t], -battery.chargeEfficiency * h)
            program.addTerm(discharge[t], h / battery.dischargeEfficiency)
            if t > 0 { program.addTerm(energy[t - 1], -retention) }
            program.endRow(lower: start, upper: start)
            if spareKW > 0 {
                program.addTerm(discharge[t], 1)
                program.addTerm(charge[t], -1)
                program.endRow(upper: max(0, battery.powerKW - spareKW))
            }
        }

        private mutating func addGensets(_ t: Int, _ fleet: DieselConfig) {
            let h = horizon.hours(at: t)
            let perLitre = problem.costPerLitre
            let mustRun = t < horizon.initialMustRun.count ? Double(horizon.initialMustRun[t]) : 0
            diesel.append(program.addVariable(upper: fleet.fleetKW, objective: fleet.fuelSlopeLPerKWh * h * perLitre))
            let unitCost = (fleet.fuelInterceptLPerKWhRated * fleet.unitKW * perLitre + problem.scenario.economics.dieselOMPerHour) * h
            let integer = integerAllowed && problem.integerCommitment && t < (problem.integerSteps ?? Int.max)
            units.append(program.addVariable(lower: mustRun, upper: Double(fleet.units), objective: unitCost, integer: integer))
            starts.append(program.addVariable(upper: Double(fleet.units), objective: fleet.startFuelL * perLitre + fleet.startCost))
            program.addTerm(diesel[t], 1)
            program.addTerm(units[t], -fleet.minLoadRatio * fleet.unitKW)
            program.endRow(lower: 0)
            let rating = horizon.dieselRatingFactor.isEmpty ? 1 : horizon.dieselRatingFactor[t]
            program.addTerm(diesel[t], 1)
            program.addTerm(units[t], -fleet.unitKW * rating)
            program.endRow(upper: 0)
            // s_t − n_t + n_{t−1} ≥ 0 (n_{−1}: the units running at the start, on the right-hand side).
            program.addTerm(starts[t], 1)
            program.addTerm(units[t], -1)
            if t > 0 { program.addTerm(units[t - 1], 1) }
            program.endRow(lower: t == 0 ? -Double(horizon.initialUnits) : 0)
        }

        /// d_t − c_t + g_t − U·ρ·n_t + min(U·ρ, P)·y_t ≤ P at step `t`: the spare discharge losing a
        /// running unit asks for, eliminated (see the type's comment); no rows without gensets.
        private mutating func addContingencyReserve(_ t: Int, _ battery: BatteryConfig) {
            let spareKW = t < horizon.planSteps ? horizon.forecastReserveKW : 0
            let powerKW = max(0, battery.powerKW - spareKW)
            guard let fleet = problem.plant.diesel, powerKW > 0 else { return }
            let unitKW = fleet.unitKW * (horizon.dieselRatingFactor.isEmpty ? 1 : horizon.dieselRatingFactor[t])
            let integer = integerAllowed && problem.integerCommitment && t < (problem.integerSteps ?? Int.max)
            let running = program.addIndicator(of: units[t], integer: integer)
            program.addTerm(discharge[t], 1)
            program.addTerm(charge[t], -1)
            program.addTerm(diesel[t], 1)
            program.addTerm(units[t], -unitKW)
            program.addTerm(running, min(unitKW, powerKW))
            program.endRow(upper: powerKW)
        }

        /// e_t + b_t ≥ reserve_soc · capacity, with b_t ≥ 0 the energy held in the contingency band at a cost.
        private mutating func addReserveBand(_ t: Int, _ battery: BatteryConfig) {
            let reserveKWh = battery.reserveSOC * horizon.capacityKWh
            guard battery.reserveSOC > battery.socMin else { return }
            let penalty = problem.scenario.economics.unservedPenaltyPerKWh * DispatchProblem.reserveBandPenaltyShare * horizon.hours(at: t)
            let belowReserve = program.addVariable(upper: reserveKWh, objective: penalty)
            program.addTerm(energy[t], 1)
            program.addTerm(belowReserve, 1)
            program.endRow(lower: reserveKWh)
        }

        /// The gensets' rating as constraints (ISO 8528-1:2018 §13.3), soft at ``dutyPenaltyShare`` of
        /// the unserved penalty per kWh or unit-hour beyond them, so a fleet too small for its duty is
        /// still dispatched: prime-rated, the rest of the present day (with what it has had so far)
        /// and then each 24 hours of the horizon (the last part counted alone) keep
        /// Σ g_t h ≤ 0.7 Σ U ρ_t n_t h; standby-rated, Σ n_t h ≤ 200 h × N per year, prorated to the
        /// horizon's hours.
        private mutating func addDutyLimits() {
            guard let fleet = problem.plant.diesel, !units.isEmpty else { return }
            let penalty = problem.scenario.economics.unservedPenaltyPerKWh * DispatchProblem.dutyPenaltyShare
            switch fleet.rating {
            case .prime:
                var start = 0, hours = 0.0
                if let day = horizon.primeDay, day.stepsLeft > 0 {
                    let end = min(day.stepsLeft, units.count) - 1
                    addPrimeDay(0...end, fleet, penalty: penalty, sofar: (day.dieselKWh, day.ratedKWh))
                    start = end + 1
                }
                for t in units.indices.dropFirst(start) {
                    hours += horizon.hours(at: t)
                    guard hours >= 24 - 1e-9 || t == units.count - 1 else { continue }
                    addPrimeDay(start...t, fleet, penalty: penalty)
                    (start, hours) = (t + 1, 0)
                }
            case .standby:
                let hours = (0..<units.count).map { horizon.hours(at: $0) }
                let allowed = GensetRating.standbyHoursPerYear * Double(fleet.units) * hours.reduce(0, +) / 8760
                let excess = program.addVariable(objective: penalty * fleet.unitKW)
                program.addConstraint(variables: units + [excess], coefficients: hours + [-1], upper: allowed)
            case .continuous:
                return
            }
        }

        /// Σ g_t h − 0.7 Σ U ρ_t n_t h − excess ≤ 0.7 R₀ − G₀ over `steps`, with G₀ and R₀ the genset and
        /// rated energy the day had before the horizon (`sofar`).
        private mutating func addPrimeDay(_ steps: ClosedRange<Int>, _ fleet: DieselConfig, penalty: Double,
                                          sofar: (dieselKWh: Double, ratedKWh: Double) = (0, 0)) {
            let excess = program.addVariable(objective: penalty)
            program.addTerm(excess, -1)
            for t in steps {
                let h = horizon.hours(at: t), rating = horizon.dieselRatingFactor.isEmpty ? 1 : horizon.dieselRatingFactor[t]
                program.addTerm(diesel[t], h)
                program.addTerm(units[t], -GensetRating.primeAverageLoading * fleet.unitKW * rating * h)
            }
            program.endRow(upper: GensetRating.primeAverageLoading * sofar.ratedKWh - sofar.dieselKWh)
        }

        /// n_t ≥ Σ s_τ over the last ⌈min_run_hours / h⌉ plan steps (a look-ahead block is at least
        /// as long as a minimum run).
        private mutating func addMinimumRunTime() {
            guard let fleet = problem.plant.diesel, fleet.minRunHours > 0 else { return }
            let window = max(1, Int((fleet.minRunHours / horizon.stepHours).rounded(.up)))
            guard window > 1 else { return }
            for t in units.indices.prefix(horizon.planSteps) {
                program.addTerm(units[t], 1)
                for start in starts[max(0, t - window + 1)...t] { program.addTerm(start, -1) }
                program.endRow(lower: 0)
            }
        }

        /// The columns of the first step's decisions (those a scenario program holds common).
        var firstStepDecisions: [LinearProgram.Variable] {
            [pv, charge, discharge, diesel, units, imports, exports, batch, training].compactMap(\.first)
        }

        func plan(from solution: Solution) -> DispatchPlan {
            let count = horizon.count
            func values(_ variables: [LinearProgram.Variable]) -> [Double] {
                variables.isEmpty ? Array(repeating: 0, count: count) : variables.map { max(0, solution[$0]) }
            }
            return DispatchPlan(
                pvKW: values(pv), chargeKW: values(charge), dischargeKW: values(discharge), energyKWh: values(energy),
                dieselKW: values(diesel), dieselUnits: values(units), importKW: values(imports), exportKW: values(exports),
                unservedKW: values(unserved), batchKW: batch.map { max(0, solution[$0]) }, trainingKW: training.map { max(0, solution[$0]) },
                cost: solution.objective, solveSeconds: solution.solveSeconds, warmStart: nil)
        }
    }
}

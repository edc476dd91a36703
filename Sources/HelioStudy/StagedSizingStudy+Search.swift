import Foundation
import Synchronization
import HelioGrid
import HelioOptimize

extension StagedSizingStudy {
    /// The lists a staged design takes its sizes from, and the choices held through a design.
    private struct Space {
        /// PV, battery energy, battery power (empty with `battery_hours`) and genset lists.
        var axes: [[Double]]
        /// Battery durations (`battery_hours`), or `[0]` with a `battery_kw` list.
        var hours: [Double]
        var unitKW: [Double]
        var augmentation: [BatteryAugmentation]

        init(_ config: SizeConfig) {
            axes = [config.pvKW, config.batteryKWh, config.batteryKW ?? [], config.dieselUnits.map(Double.init)]
            hours = config.batteryHours ?? [0]
            unitKW = config.dieselUnitKW
            augmentation = config.augmentation
        }
    }

    /// Index of each axis's value at each stage.
    private typealias State = [[Int]]

    /// The designs simulated, each once, and the order the search met them in.
    private struct Simulated {
        private(set) var outcomes: [StagedDesign: StagedOutcome] = [:]
        private(set) var order: [StagedDesign] = []

        subscript(design: StagedDesign) -> StagedOutcome? { outcomes[design] }

        mutating func add(_ design: StagedDesign, _ outcome: StagedOutcome) {
            if outcomes.updateValue(outcome, forKey: design) == nil { order.append(design) }
        }

        /// Every outcome, in the order met.
        var inOrder: [StagedOutcome] { order.map { outcomes[$0]! } }
    }

    /// Searches staged designs from the LP bound's sizes (the scenario's own plant without a bound),
    /// and for later duration, rating and policy choices from the best so far too, climbing to
    /// the best neighbour until none is better, for every duration, rating and policy; then judges the
    /// scenario's own plant, the best's last stage built on day one and its first stage never expanded.
    /// Each round's designs are simulated on all cores by GCD's threads (``evaluateAll(_:)``), so the
    /// search may be called from any thread and blocks it.
    public func search() throws -> StagedSizingResult {
        let started = ContinuousClock.now
        let space = Space(config)
        let bound = try self.bound()
        var simulated = Simulated()
        var best: (state: State, outcome: StagedOutcome)?
        for hours in space.hours {
            for unitKW in space.unitKW {
                for augmentation in space.augmentation {
                    func design(_ state: State) -> StagedDesign { self.design(state, space: space, hours: hours, unitKW: unitKW, augmentation: augmentation) }
                    let starts = [startState(bound: bound, space: space), best?.state].compactMap { $0 }
                    for start in starts {
                        let climbed = try climb(from: start, space: space, design: design, simulated: &simulated)
                        if best == nil || climbed.outcome.ranks(before: best!.outcome, objective: \.outcome.objective) { best = climbed }
                    }
                }
            }
        }
        let reference = try evaluate(referenceDesign)
        var found = best.flatMap { $0.outcome.feasible ? $0.outcome : nil }
        var comparisons: [StagedOutcome?] = [nil, nil]
        if let climbed = found {
            let last = climbed.design.stageYears.count - 1
            comparisons = try [climbed.design.builtOnDayOne(stage: last), climbed.design.builtOnDayOne(stage: 0)].map { try cached($0, in: &simulated) }
            // A comparison the climb never met may still beat it: the best is the best simulated.
            found = ([climbed] + comparisons.compactMap { $0 }).filter(\.feasible).min { $0.ranks(before: $1, objective: \.outcome.objective) }
        }
        return StagedSizingResult(bound: bound, outcomes: simulated.inOrder, best: found, reference: reference, dayOne: comparisons[0],
                                  firstStageOnly: comparisons[1], seconds: (ContinuousClock.now - started).milliseconds / 1000)
    }

    /// The scenario's own plant and expansions as a staged design (its stages at its expansions' years).
    public var referenceDesign: StagedDesign {
        let stages = PlantStages(scenario: scenarioWithOwnExpansions)
        let years = [1] + stages.purchases.dropFirst().map { $0.firstYearIndex + 1 }
        let installed = years.map { stages.installed(yearIndex: $0 - 1) }
        return StagedDesign(stageYears: years, pvKW: installed.map(\.pvKW), batteryKWh: installed.map(\.batteryKWh),
                            batteryKW: installed.map(\.batteryKW), dieselUnits: installed.map(\.dieselUnits),
                            dieselUnitKW: scenario.diesel?.unitKW ?? config.dieselUnitKW[0], augmentation: scenario.battery?.augmentation ?? .replace)
    }

    /// `design`'s outcome: simulated before, or now (and recorded).
    private func cached(_ design: StagedDesign, in simulated: inout Simulated) throws -> StagedOutcome {
        if let known = simulated[design] { return known }
        let outcome = try evaluate(design)
        simulated.add(design, outcome)
        return outcome
    }

    /// Hill-climbs from `start`: each round simulates the neighbours not yet simulated (on all cores)
    /// and moves to the best if it ranks before the present design.
    private func climb(from start: State, space: Space, design: (State) -> StagedDesign,
                       simulated: inout Simulated) throws -> (state: State, outcome: StagedOutcome) {
        var current = start
        var currentOutcome = try cached(design(current), in: &simulated)
        for _ in 0..<200 {
            let neighbours = Self.moves(from: current, space: space).filter { design($0).isBuildable }
            var fresh: [StagedDesign] = []
            for candidate in neighbours.map(design) where simulated[candidate] == nil && !fresh.contains(candidate) { fresh.append(candidate) }
            for (candidate, outcome) in zip(fresh, try evaluateAll(fresh)) { simulated.add(candidate, outcome) }
            let ranked = simulated
            guard let next = neighbours.min(by: { ranked[design($0)]!.ranks(before: ranked[design($1)]!, objective: \.outcome.objective) }),
                  ranked[design(next)]!.ranks(before: currentOutcome, objective: \.outcome.objective) else { break }
            current = next
            currentOutcome = ranked[design(next)]!
        }
        return (current, currentOutcome)
    }

    /// `designs` simulated on all cores (GCD's threads, not the cooperative pool), in their order.
    private func evaluateAll(_ designs: [StagedDesign]) throws -> [StagedOutcome] {
        let results = Mutex<[Result<StagedOutcome, any Error>?]>(Array(repeating: nil, count: designs.count))
        DispatchQueue.concurrentPerform(iterations: designs.count) { index in
            let outcome = Result { try evaluate(designs[index]) }
            results.withLock { $0[index] = outcome }
        }
        return try results.withLock { $0 }.map { try $0!.get() }
    }

    /// One list step up or down at one stage of one axis: that stage alone (later stages raised or
    /// earlier ones lowered to keep the plant from falling), or that stage with every later one; and
    /// the latter on two axes at once (PV with battery, say, which neither may pay for alone).
    private static func moves(from state: State, space: Space) -> [State] {
        var moves = singleMoves(from: state, space: space)
        for first in state.indices where !space.axes[first].isEmpty {
            for second in state.indices where second > first && !space.axes[second].isEmpty {
                for stage in state[first].indices {
                    for (a, b) in [(-1, -1), (-1, 1), (1, -1), (1, 1)] {
                        var move = state
                        for other in stage..<state[first].count {
                            move[first][other] = min(space.axes[first].count - 1, max(0, state[first][other] + a))
                            move[second][other] = min(space.axes[second].count - 1, max(0, state[second][other] + b))
                        }
                        if move != state && !moves.contains(move) { moves.append(move) }
                    }
                }
            }
        }
        return moves
    }

    /// The one-axis moves of ``moves(from:space:)``.
    private static func singleMoves(from state: State, space: Space) -> [State] {
        var moves: [State] = []
        for axis in state.indices where !space.axes[axis].isEmpty {
            let top = space.axes[axis].count - 1
            for stage in state[axis].indices {
                for step in [-1, 1] {
                    var alone = state, tail = state
                    alone[axis][stage] = min(top, max(0, state[axis][stage] + step))
                    for other in state[axis].indices {
                        if other > stage { alone[axis][other] = max(alone[axis][other], alone[axis][stage]) }
                        if other < stage { alone[axis][other] = min(alone[axis][other], alone[axis][stage]) }
                        if other >= stage { tail[axis][other] = min(top, max(0, state[axis][other] + step)) }
                    }
                    for move in [alone, tail] where move != state && !moves.contains(move) { moves.append(move) }
                }
            }
        }
        return moves
    }

    /// The LP bound's sizes at each stage, each raised to the next list value (the scenario's own plant
    /// at each stage without a bound).
    private func startState(bound: StagedCapacityBound?, space: Space) -> State {
        let stages = PlantStages(scenario: scenarioWithOwnExpansions)
        let own = config.stages.map { stages.installed(yearIndex: $0 - 1) }
        let values: [[Double]] = [bound?.pvKW ?? own.map(\.pvKW), bound?.batteryKWh ?? own.map(\.batteryKWh),
                                  bound?.batteryKW ?? own.map(\.batteryKW), bound?.dieselUnits ?? own.map { Double($0.dieselUnits) }]
        return space.axes.indices.map { axis in
            let list = space.axes[axis]
            guard !list.isEmpty else { return Array(repeating: 0, count: config.stages.count) }
            return values[axis].map { value in list.firstIndex { $0 >= value - 1e-6 } ?? list.count - 1 }
        }
    }

    private func design(_ state: State, space: Space, hours: Double, unitKW: Double, augmentation: BatteryAugmentation) -> StagedDesign {
        let energy = state[1].map { space.axes[1][$0] }
        let power = space.axes[2].isEmpty ? energy.map { $0 / hours } : state[2].map { space.axes[2][$0] }
        return StagedDesign(stageYears: config.stages, pvKW: state[0].map { space.axes[0][$0] }, batteryKWh: energy, batteryKW: power,
                            dieselUnits: state[3].map { Int(space.axes[3][$0]) }, dieselUnitKW: unitKW, augmentation: augmentation)
    }
}

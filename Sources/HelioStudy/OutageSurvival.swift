import Foundation
import HelioGrid

/// Survival of grid outages, as NREL REopt's Energy Resilience Performance tool defines it: for each
/// outage length H, the probability that the campus serves its full load through an outage of H
/// hours, averaged over outages starting at every hour of the year.
///
/// Each outage starts from the normal dispatch's state of charge at that hour, with every genset
/// off (cold) and the grid gone. Each genset start fails with `genset_fail_to_start`; each unit,
/// battery string and PV block fails after an exponential time of mean MTTF and is not repaired
/// during the outage; strings and blocks are online at the start with their steady-state
/// availability. The campus is dispatched by its rule-based EMS. A unit serves a step only if it
/// lasts to the step's end, so surviving H hours needs the units that carry the last hour to last
/// all H.
///
/// The interval: each outage drawn is a Bernoulli trial, and p(1 − p) / M over the M outages bounds
/// the variance of the average from above (the start hours are the whole year, not a sample of it).
public struct OutageSurvival: Sendable {
    /// The study whose plant, inputs and parameters are used; its grid is the one that fails.
    public let study: ReliabilityStudy
    /// State of charge at the start of each step of the normal dispatch (empty without a battery).
    let startSOC: [Double]
    /// The plant, for a fresh genset fleet at each outage.
    let plant: PlantModel

    /// Survival for `study`'s campus, which must be grid-connected.
    public init(study: ReliabilityStudy) throws {
        guard study.scenario.connectedGrid != nil else {
            throw HelioError(.scenario, "outage survival needs a grid-connected campus ([grid] enabled = true)", file: study.scenario.source,
                             key: "grid.enabled")
        }
        self.study = study
        plant = PlantModel(scenario: study.scenario)
        var strategy = study.makeStrategy()
        let normal = SimulationEngine.run(study.scenario, inputs: study.inputs, strategy: &strategy, recordSeries: true)
        let endSOC = normal.series?.soc ?? []
        let initial = study.scenario.battery?.socInitial ?? 0
        startSOC = study.scenario.battery == nil ? [] : [initial] + endSOC.dropLast()
    }

    /// Steps in an hour of the study's clock.
    var stepsPerHour: Int { max(1, Int((1 / study.inputs.axis.stepHours).rounded())) }

    /// The outages' start hours: every hour of the year.
    public var startHours: Int { study.inputs.axis.stepsPerYear / stepsPerHour }

    /// The survival curve over the configured durations, from `seed`; `progress` counts start hours.
    public func run(seed: UInt64, progress: StudyProgress? = nil) async throws -> [OutageSurvivalPoint] {
        let stepsPerHour = stepsPerHour
        let starts = (0..<startHours).map { $0 * stepsPerHour }
        let durations = study.config.outageDurationsHours
        let longestSteps = (durations.max() ?? 0) * stepsPerHour
        let perStart = try await StudyWorkers.map(starts.count, progress: progress) { slot in
            (0..<study.config.outageSamplesPerHour).map { sample in
                survivedSteps(from: starts[slot], longest: longestSteps,
                              seed: ReliabilityStudy.sampleSeed(seed, index: slot * study.config.outageSamplesPerHour + sample))
            }
        }
        let survived = perStart.flatMap { $0 }
        let trials = Double(survived.count)
        return durations.map { hours in
            let p = Double(survived.filter { $0 >= hours * stepsPerHour }.count) / trials
            return OutageSurvivalPoint(hours: hours, probability: p, ci95: 1.96 * (p * (1 - p) / trials).squareRoot())
        }
    }

    /// Steps served in full from step `start` of the year (wrapping at its end), at most `longest`.
    func survivedSteps(from start: Int, longest: Int, seed: UInt64) -> Int {
        let scenario = study.scenario, config = study.config, inputs = study.inputs
        let hours = inputs.axis.stepHours, year = inputs.axis.stepsPerYear
        var random = SplitMix64(seed: seed)
        var context = DispatchContext(step: 0, stepHours: hours, loadKW: 0, pvAvailableKW: 0,
                                      battery: scenario.battery.map { Battery(config: $0, soc: startSOC[start]) },
                                      fleet: plant.makeFleet(), grid: nil)
        let unitEnds = Self.lifetimes(scenario.diesel?.units ?? 0, mttf: config.gensetMTTFHours, availability: 1, random: &random)
        let stringEnds = Self.lifetimes(scenario.battery == nil ? 0 : config.batteryStrings, mttf: config.batteryMTTFHours,
                                        availability: ReliabilityConfig.availability(mttfHours: config.batteryMTTFHours, mttrHours: config.batteryMTTRHours),
                                        random: &random)
        let blockEnds = Self.lifetimes(scenario.pv == nil ? 0 : config.pvBlocks, mttf: config.pvMTTFHours,
                                       availability: ReliabilityConfig.availability(mttfHours: config.pvMTTFHours, mttrHours: config.pvMTTRHours),
                                       random: &random)
        var strategy = study.makeStrategy()
        for step in 0..<longest {
            let index = (start + step) % year
            let endHours = Double(step + 1) * hours
            for unit in unitEnds.indices where unitEnds[unit] < endHours { context.fleet?.setInService(unit, false) }
            if !stringEnds.isEmpty { context.battery?.setOnlineFraction(Self.share(stringEnds, lastingTo: endHours)) }
            let pvShare = blockEnds.isEmpty ? 1 : Self.share(blockEnds, lastingTo: endHours)
            let load = inputs.load.facilityKW[index]
            context.advance(to: step, loadKW: load, pvAvailableKW: inputs.pvAvailableKW[index] * pvShare)
            context.fleet?.derate(to: inputs.gensetRatingFactor(at: index))
            let decision = strategy.decideStartingUnits(&context, step: step) { _ in
                Double.random(in: 0..<1, using: &random) < config.gensetFailToStart
            }.decision
            if decision.unservedKW > 1e-9 * max(load, 1) { return step }
            context.battery?.apply(powerKW: decision.batteryKW, hours: hours)
            context.fleet?.commit(units: decision.dieselUnits, step: step, stepHours: hours)
        }
        return longest
    }

    /// When each of `count` components stops during the outage, hours from its start: −∞ for one
    /// already down (probability 1 − `availability`), else an exponential time of mean `mttf`.
    static func lifetimes(_ count: Int, mttf: Double, availability: Double, random: inout SplitMix64) -> [Double] {
        (0..<count).map { _ in
            Double.random(in: 0..<1, using: &random) < availability ? RepairableComponent.exponential(mean: mttf, random: &random) : -.infinity
        }
    }

    /// The share of components lasting to `hours`.
    static func share(_ ends: [Double], lastingTo hours: Double) -> Double {
        Double(ends.filter { $0 >= hours }.count) / Double(ends.count)
    }
}

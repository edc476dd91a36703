import Foundation
import HelioGrid

/// `heliogrid ensemble` (docs/weather.md): the scenario simulated once per weather year of its
/// ensemble (``WeatherEnsemble``), each member from the same new plant over the project's years with
/// that year's weather, as `simulate` would run it with that year's file; the members' figures then
/// summarised as P10/P50/P90/P99 (``EnsembleResult``).
public struct EnsembleStudy: Sendable {
    /// The scenario every member runs.
    public let scenario: Scenario
    /// The weather years.
    public let ensemble: WeatherEnsemble

    /// Prepares the study; an ensemble of fewer than two years has no spread to report.
    public init(scenario: Scenario, ensemble: WeatherEnsemble) throws {
        try scenario.requireFixedCampus(for: "the weather-year ensemble")
        guard ensemble.count >= 2 else {
            throw HelioError(.scenario, "an ensemble needs at least two weather years, found \(ensemble.count)", file: scenario.source,
                             key: "weather.synthetic.years")
        }
        self.scenario = scenario
        self.ensemble = ensemble
    }

    /// Simulates member `index`.
    public func member(_ index: Int) throws -> EnsembleMember {
        let weather = try ensemble.weather(index)
        let tankL = scenario.reliability?.fuelTankL
        var worstWeek: WorstWeek?
        let result = try CampusRun.run(scenario, weather: weather, recordSeries: false) { year, series, axis in
            if year == 0 { worstWeek = WorstWeek(series: series, stepHours: axis.stepHours, tankL: tankL) }
        }
        let first = result.yearly[0]
        let economics = LifetimeEconomics(result: result)
        return EnsembleMember(
            index: index, label: ensemble.label(index), ghiKWhM2: weather.ghiWM2.reduce(0, +) * Double(weather.stepMinutes) / 60 / 1000,
            firstYear: first, pvYieldKWhPerKWp: scenario.pv.map { first.pvAvailableKWh / $0.dcKW } ?? 0,
            npc: economics.npc, lcoePerKWh: economics.lcoePerKWh, worstWeek: worstWeek!)
    }

    /// The members at `indices`, on all cores, in that order; `progress` is told of each one done.
    public func run(_ indices: [Int], progress: StudyProgress? = nil) async throws -> [EnsembleMember] {
        try await StudyWorkers.map(indices.count, progress: progress) { try member(indices[$0]) }
    }

    /// The slice of members shard `index` of `shards` simulates (``SizingStudy/shard(_:of:count:)``).
    public func shard(_ index: Int, of shards: Int) -> Range<Int> {
        SizingStudy.shard(index, of: shards, count: ensemble.count)
    }
}

import Foundation
import HelioGrid
import HelioStudy

/// The steps of `heliogrid size` after the designs are evaluated, shared by the whole run and by
/// `size merge` so both write the same files: the LP bound, the scenario's own design for reference,
/// the ranking, the files and the terminal summary.
public enum SizingRun {
    /// Evaluates every design of `study` on all cores, then finishes.
    public static func whole(_ study: SizingStudy, weather: WeatherData, out: String?) async throws {
        let progress = SizingProgress(total: study.designs.count)
        let outcomes = try await reporting(progress) { try await study.evaluate(Array(study.designs.indices), progress: progress) }
        try finish(study, outcomes: outcomes, seconds: progress.elapsedSeconds, shards: 1, out: out)
    }

    /// Runs `body`, printing `progress` with its ETA on stderr every two seconds and when done.
    public static func reporting<T: Sendable>(_ progress: SizingProgress, _ body: () async throws -> T) async rethrows -> T {
        let reporter = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(2))
                if !Task.isCancelled { FileHandle.standardError.write(Data((progress.line + "\n").utf8)) }
            }
        }
        defer {
            reporter.cancel()
            FileHandle.standardError.write(Data((progress.line + "\n").utf8))
        }
        return try await body()
    }

    /// Ranks `outcomes` (every design of `study`, in order), bounds them with the LP, and writes.
    public static func finish(_ study: SizingStudy, outcomes: [SizingOutcome], seconds: Double, shards: Int, out: String?) throws {
        let bound = try CapacityExpansion.solve(study, pvPerKW: study.pvPerKWYear, loadKW: study.loadKWYear, ratingFactor: study.ratingFactorYear)
        let reference = try study.evaluate(study.referenceDesign)
        let result = SizingResult(outcomes: outcomes, caseCount: study.cases.count, lowerBound: bound)
        if let out {
            let folder = try OutputFolder(out)
            try folder.write(Array(SizingFiles.designsCSV(outcomes, caseCount: study.cases.count).utf8), name: "designs.csv")
            try folder.write(Array(SizingFiles.designsCSV(result.pareto.map { outcomes[$0] }, caseCount: study.cases.count).utf8), name: "pareto.csv")
            try folder.write(Array(try SizingFiles.summaryJSON(study: study, result: result, reference: reference, seconds: seconds, shards: shards).utf8),
                             name: "size.json")
            try folder.write(Array(SizingHTML(study: study, result: result, reference: reference).render().utf8), name: "size.html")
            if let best = result.best {
                let d = outcomes[best].design
                let text = try ScenarioDesignText.text(of: study.scenario, pvKW: d.pvKW, batteryKWh: d.batteryKWh, batteryKW: d.batteryKW,
                                                       dieselUnits: d.dieselUnits, dieselUnitKW: d.dieselUnitKW)
                try folder.write(Array(text.utf8), name: "best.toml")
            }
            try folder.commit()
        }
        print(SizingHTML.terminal(study: study, result: result, reference: reference, seconds: seconds), terminator: "")
        if let out { print("\nwrote \(out)/designs.csv, pareto.csv, size.json, size.html\(result.best == nil ? "" : " and best.toml")") }
    }

    /// `size merge`: reads every shard's partial result, checks they are one study's shards each once,
    /// and finishes as the whole run does.
    public static func merge(_ folders: [String], out: String) async throws {
        guard !folders.isEmpty else { throw HelioError(.usage, "size merge needs the shards' folders") }
        var shards: [(index: Int, count: Int, total: Int, seconds: Double, outcomes: [SizingOutcome], scenario: String)] = []
        for folder in folders {
            let shardPath = folder + "/shard.json"
            let data = Data(try TextFile.read(path: shardPath, kind: .usage, what: "shard file").utf8)
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let index = object["shard"] as? Int,
                  let count = object["shards"] as? Int, let total = object["designs_total"] as? Int, let seconds = object["seconds"] as? Double
            else { throw HelioError(.usage, "not a size shard's shard.json", file: shardPath) }
            let designsPath = folder + "/designs.csv"
            let outcomes = try SizingFiles.readDesigns(try TextFile.read(path: designsPath, kind: .usage, what: "designs file"), file: designsPath)
            let scenario = try TextFile.read(path: folder + "/scenario.toml", kind: .scenario, what: "scenario file")
            shards.append((index, count, total, seconds, outcomes, scenario))
        }
        shards.sort { $0.index < $1.index }
        let count = shards[0].count
        guard shards.map(\.index) == Array(0..<count), shards.allSatisfy({ $0.count == count && $0.total == shards[0].total }) else {
            throw HelioError(.usage, "the folders hold shards \(shards.map { "\($0.index)/\($0.count)" }.joined(separator: ", ")); merge needs each of one study's shards exactly once")
        }
        guard shards.allSatisfy({ $0.scenario == shards[0].scenario }) else {
            throw HelioError(.usage, "the shards come from different scenarios (their scenario.toml differ)")
        }
        let scenario = try ScenarioLoader.load(path: folders[shards[0].index] + "/scenario.toml")
        let study = try SizingStudy(scenario: scenario, weather: try WeatherLoader.load(path: scenario.site.weatherPath))
        let outcomes = shards.flatMap(\.outcomes)
        guard outcomes.map(\.design) == study.designs else {
            throw HelioError(.usage, "the shards' designs are not the study's \(study.designs.count) designs in order")
        }
        try finish(study, outcomes: outcomes, seconds: shards.reduce(0) { $0 + $1.seconds }, shards: count, out: out)
    }
}

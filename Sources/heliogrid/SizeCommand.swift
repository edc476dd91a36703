import ArgumentParser
import Foundation
import HelioGrid
import HelioReport
import HelioStudy
import HelioTransients

/// `heliogrid size [SCENARIO] [--out DIR] [--shard I/N]` and `heliogrid size merge DIR... --out DIR`.
struct SizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "size", abstract: "Size PV, battery and gensets for the least cost under the [size] limits (docs/sizing.md).",
        subcommands: [SizeRunCommand.self, SizeMergeCommand.self], defaultSubcommand: SizeRunCommand.self)
}

/// Runs a sizing study, whole or one shard of it.
struct SizeRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Search the [size] designs (the default).")

    @OptionGroup var scenarioArguments: ScenarioArguments
    @Option(help: "Write designs.csv, pareto.csv, best.toml, size.json and size.html (or a shard's partial result) into this folder.")
    var out: String?
    @Option(help: "Evaluate shard I of N (0-based) and write a partial result for `size merge`; defaults from SLURM_ARRAY_TASK_ID / SLURM_ARRAY_TASK_COUNT or JOB_COMPLETION_INDEX / HELIOGRID_SHARDS.")
    var shard: String?
    @Flag(help: "Print size.json's content on stdout instead of the summary.")
    var json = false
    @OptionGroup var quietOption: QuietOption
    @Flag(help: "Run the transient study ([transients], docs/transients.md) on the scenario first and require every design's battery power to cover what its smoothing needs.")
    var transients = false

    func run() async throws {
        do {
            quietOption.apply()
            var scenario = try scenarioArguments.load()
            if transients {
                let required: Double
                (scenario, required) = try await TransientsRun.requiringBatteryPower(scenario)
                FileHandle.standardError.write(Data("size: the transient study needs \(Int(required)) kW of battery power; designs below it are infeasible\n".utf8))
            }
            let weather = try WeatherLoader.load(path: scenario.site.weatherPath)
            if (scenario.size?.stages.count ?? 1) > 1 || scenario.isStaged { return try await runStaged(scenario, weather: weather) }
            let study = try SizingStudy(scenario: scenario, weather: weather)
            if let (index, count) = try ShardSpec.resolve(shard, environment: ProcessInfo.processInfo.environment) {
                try await runShard(study, index: index, count: count)
            } else {
                let progress = StudyProgress(total: study.designs.count)
                let outcomes = try await progress.reporting { try await study.evaluate(Array(study.designs.indices), progress: progress) }
                let designSeconds = progress.elapsedSeconds
                let (result, reference) = try await study.concluding(outcomes)
                try SizingRun.write(study, result: result, reference: reference, seconds: designSeconds, shards: 1, out: out, json: json)
            }
        } catch let error as HelioError {
            throw HelioGridCommand.fail(error)
        }
    }

    /// The staged search (docs/sizing.md, "Stages"): one process, no shards.
    private func runStaged(_ scenario: Scenario, weather: WeatherData) async throws {
        guard try ShardSpec.resolve(shard, environment: [:]) == nil else {
            throw HelioError(.usage, "a staged search (stages, or a campus that grows) runs in one process: --shard does not apply")
        }
        guard !transients else { throw HelioError(.usage, "--transients studies one year's campus; a staged search cannot take it") }
        let study = try StagedSizingStudy(scenario: scenario, weather: weather)
        let result = try await StudyProgress(of: "the staged search", command: "size").reporting { try study.search() }
        try StagedSizingRun.write(study, result: result, out: out, json: json)
    }

    private func runShard(_ study: SizingStudy, index: Int, count: Int) async throws {
        guard let out else { throw HelioError(.usage, "a shard needs --out for its partial result") }
        let slice = SizingStudy.shard(index, of: count, count: study.designs.count)
        let progress = StudyProgress(total: slice.count)
        let outcomes = try await progress.reporting { try await study.evaluate(Array(slice), progress: progress) }
        try SizingRun.writeShard(study, index: index, count: count, slice: slice, outcomes: outcomes, seconds: progress.elapsedSeconds, out: out)
        print("size: shard \(index)/\(count), designs \(slice.lowerBound)..<\(slice.upperBound) of \(study.designs.count), wrote \(out)")
    }
}

/// Combines shards' partial results into what the whole run writes.
struct SizeMergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge", abstract: "Merge the partial results of `size --shard` runs.")

    @Argument(help: "The shards' output folders, every shard of one study exactly once.")
    var folders: [String]
    @Option(help: "Folder for the merged result.")
    var out: String

    func run() async throws {
        do {
            guard !folders.isEmpty else { throw HelioError(.usage, "size merge needs the shards' folders") }
            let shards = try SizingRun.readShards(folders)
            let scenario = try ScenarioLoader.load(path: shards.scenarioPath)
            let study = try SizingStudy(scenario: scenario, weather: try WeatherLoader.load(path: scenario.site.weatherPath))
            guard shards.outcomes.map(\.design) == study.designs else {
                throw HelioError(.usage, "the shards' designs are not the study's \(study.designs.count) designs in order")
            }
            let (result, reference) = try await study.concluding(shards.outcomes)
            try SizingRun.write(study, result: result, reference: reference, seconds: shards.seconds, shards: shards.shards, out: out)
        } catch let error as HelioError {
            throw HelioGridCommand.fail(error)
        }
    }
}

import ArgumentParser
import Foundation
import HelioGrid
import HelioReport
import HelioStudy

/// `heliogrid ensemble [SCENARIO] [--years N] [--seed S] [--out DIR] [--shard I/N]` and
/// `heliogrid ensemble merge DIR... --out DIR`.
struct EnsembleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ensemble",
        abstract: "Run the campus over many weather years: P10/P50/P90/P99 of yield, fuel, intensity, unserved energy, NPC and LCOE, and the darkest week (docs/weather.md).",
        subcommands: [EnsembleRunCommand.self, EnsembleMergeCommand.self], defaultSubcommand: EnsembleRunCommand.self)
}

/// Runs an ensemble, whole or one shard of it.
struct EnsembleRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Simulate every weather year (the default).")

    @Argument(help: "Scenario TOML file; the embedded desert-10k scenario when omitted.")
    var scenario: String?
    @Option(help: "Synthetic weather years to generate from the scenario's typical year, 2 to 100,000 (overrides [weather.synthetic] years; without that section, its defaults).")
    var years: Int?
    @Option(help: "Seed of the synthetic years (overrides [weather.synthetic] seed).")
    var seed: Int?
    @Option(help: "Write ensemble.csv, ensemble.json and ensemble.html (or a shard's partial result) into this folder.")
    var out: String?
    @Option(help: "Simulate shard I of N (0-based) and write a partial result for `ensemble merge`; defaults from SLURM_ARRAY_TASK_ID / SLURM_ARRAY_TASK_COUNT or JOB_COMPLETION_INDEX / HELIOGRID_SHARDS.")
    var shard: String?
    @Flag(help: "Print ensemble.json's content on stdout instead of the summary.")
    var json = false
    @OptionGroup var quietOption: QuietOption

    func run() async throws {
        do {
            quietOption.apply()
            if let seed, seed < 0 { throw HelioError(.usage, "--seed must be 0 or more, found \(seed)") }
            let scenario = try ScenarioArguments.load(self.scenario)
            let study = try EnsembleStudy(scenario: scenario, ensemble: try WeatherEnsemble(scenario: scenario, years: years, seed: seed))
            let slice: Range<Int>, shardSpec = try ShardSpec.resolve(shard, environment: ProcessInfo.processInfo.environment)
            if let (index, count) = shardSpec {
                guard out != nil else { throw HelioError(.usage, "a shard needs --out for its partial result") }
                slice = study.shard(index, of: count)
            } else {
                slice = 0..<study.ensemble.count
            }
            let progress = StudyProgress(total: slice.count, command: "ensemble", items: "weather years")
            let members = try await progress.reporting { try await study.run(Array(slice), progress: progress) }
            if let (index, count) = shardSpec, let out {
                try EnsembleRun.writeShard(study, index: index, count: count, members: members, seconds: progress.elapsedSeconds,
                                           years: years, seed: seed, out: out)
                print("ensemble: shard \(index)/\(count), weather years \(slice.lowerBound)..<\(slice.upperBound) of \(study.ensemble.count), wrote \(out)")
            } else {
                try EnsembleRun.write(study, members: members, seconds: progress.elapsedSeconds, out: out, json: json)
            }
        } catch let error as HelioError {
            throw HelioGridCommand.fail(error)
        }
    }
}

/// Combines shards' partial results into what the whole run writes.
struct EnsembleMergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge", abstract: "Merge the partial results of `ensemble --shard` runs.")

    @Argument(help: "The shards' output folders, every shard of one ensemble exactly once.")
    var folders: [String]
    @Option(help: "Folder for the merged result.")
    var out: String
    @Flag(help: "Print ensemble.json's content on stdout instead of the summary.")
    var json = false

    func run() async throws {
        do {
            guard !folders.isEmpty else { throw HelioError(.usage, "ensemble merge needs the shards' folders") }
            let shards = try EnsembleRun.readShards(folders)
            let scenario = try ScenarioLoader.load(path: shards.scenarioPath)
            let study = try EnsembleStudy(scenario: scenario, ensemble: try WeatherEnsemble(scenario: scenario, years: shards.years, seed: shards.seed))
            try EnsembleRun.write(study, members: shards.members, seconds: shards.seconds, out: out, json: json)
        } catch let error as HelioError {
            throw HelioGridCommand.fail(error)
        }
    }
}

import ArgumentParser
import Foundation
import HelioGrid
import HelioReport
import HelioStudy

/// `heliogrid reliability [SCENARIO] [--samples N] [--seed S] [--out DIR]`.
struct ReliabilityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reliability",
        abstract: "Monte Carlo of failures, repairs and fuel logistics: LOLP, LOLE, EENS with 95 % intervals (docs/reliability.md).")

    @OptionGroup var scenarioArguments: ScenarioArguments
    @Option(help: "Sample-years to draw, 2 to 1,000,000.")
    var samples = 1_000
    @Option(help: "Seed of the run; the same seed gives the same result.")
    var seed: UInt64 = 1
    @Option(help: "Write reliability.json and samples.csv into this folder.")
    var out: String?
    @Flag(help: "Print reliability.json's content on stdout instead of the summary.")
    var json = false
    @OptionGroup var quietOption: QuietOption

    func run() async throws {
        do {
            quietOption.apply()
            guard (2...1_000_000).contains(samples) else {
                throw HelioError(.usage, "--samples must be 2 to 1,000,000 (a confidence interval needs two), found \(samples)")
            }
            let scenario = try scenarioArguments.load()
            let study = try ReliabilityStudy(scenario: scenario, weather: try WeatherLoader.load(path: scenario.site.weatherPath))
            let assessment = try await ReliabilityAssessment.run(study, samples: samples, seed: seed)
            if let out {
                let folder = try OutputFolder(out)
                try folder.write(Array(try ReliabilityFiles.summaryJSON(assessment).utf8), name: "reliability.json")
                try folder.write(Array(ReliabilityFiles.samplesCSV(assessment.result).utf8), name: "samples.csv")
                try folder.commit()
            }
            try CommandOutput.show(asJSON: json, json: { try ReliabilityFiles.summaryJSON(assessment) }, text: { ReliabilityFiles.terminal(assessment) },
                                   written: out.map { "wrote \(ReliabilityFiles.fileNames.joined(separator: ", ")) into \($0)" })
        } catch let error as HelioError {
            throw HelioGridCommand.fail(error)
        }
    }
}

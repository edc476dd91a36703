import ArgumentParser
import Foundation
import HelioGrid
import HelioReport
import HelioStudy
import HelioTransients

/// `heliogrid transients [SCENARIO] [--window S] [--step-ms MS] [--out DIR]`.
struct TransientsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transients",
        abstract: "Sub-second GPU power swings, genset frequency and ISO 8528-5 class, storage and GPU smoothing, and the sizing rule (docs/transients.md).")

    @OptionGroup var scenarioArguments: ScenarioArguments
    @Option(help: "Window in seconds (overrides [transients] window_s).")
    var window: Double?
    @Option(name: .customLong("step-ms"), help: "Step in milliseconds (overrides [transients] step_ms).")
    var stepMS: Double?
    @Option(help: "Write transients.csv, transients.json and transients.html into this folder.")
    var out: String?
    @Flag(help: "Print transients.json's content on stdout instead of the summary.")
    var json = false
    @OptionGroup var quietOption: QuietOption

    func run() async throws {
        do {
            if let window, !(window > 0 && window <= 3_600) { throw HelioError(.usage, "--window must be above 0 and at most 3,600 s, found \(window)") }
            if let stepMS, !(stepMS > 0 && stepMS <= 1_000) { throw HelioError(.usage, "--step-ms must be above 0 and at most 1,000 ms, found \(stepMS)") }
            quietOption.apply()
            let study = try await TransientsRun.study(of: try scenarioArguments.load(), windowS: window, stepMS: stepMS)
            if let out {
                let folder = try OutputFolder(out)
                try folder.write(TransientsFiles.csv(study), name: "transients.csv")
                try folder.write(Array(try TransientsFiles.json(study).utf8), name: "transients.json")
                try folder.write(Array(TransientsFiles.html(study).utf8), name: "transients.html")
                try folder.commit()
            }
            try CommandOutput.show(asJSON: json, json: { try TransientsFiles.json(study) }, text: { TransientsFiles.terminal(study) },
                                   written: out.map { "wrote \(TransientsFiles.fileNames.joined(separator: ", ")) into \($0)" })
        } catch let error as HelioError {
            throw HelioGridCommand.fail(error)
        }
    }
}

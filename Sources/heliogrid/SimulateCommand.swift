import ArgumentParser
import Foundation
import HelioGrid
import HelioOptimize
import HelioReport
import HelioStudy

/// `heliogrid simulate [SCENARIO] [--dispatch …] [--timestep MIN] [--years N] [--out DIR]`.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "Simulate a campus and print its summary (default: the embedded desert-10k campus).")

    @OptionGroup var scenarioArguments: ScenarioArguments
    @OptionGroup var dispatchOption: DispatchOption
    @OptionGroup var unservedOption: UnservedOption
    @Flag(help: "Print summary.json's content on stdout instead of the summary.")
    var json = false
    @OptionGroup var quietOption: QuietOption
    @Option(help: "Write summary.json and steps.csv into this folder (replaced whole; created if missing).")
    var out: String?

    /// `steps.csv` is written year by year as the run goes, into a staging folder that replaces
    /// `--out` whole once `summary.json` is written too; memory holds one year of steps.
    func run() async throws {
        do {
            quietOption.apply()
            var scenario = try scenarioArguments.load()
            try dispatchOption.apply(to: &scenario, allowed: StrategyFactory.simulationStrategies)
            let keepSeries = scenario.grid.needsStepSeries
            if keepSeries { try MemoryBudget.check(scenario, bytesPerStep: MemoryBudget.seriesBytesPerStep, what: "a run with contractual instruments") }
            let folder = try out.map(OutputFolder.init)
            let steps = try folder.map { try CSVFileWriter(path: $0.path(StepsCSV.fileName), header: StepsCSV.header) }
            let firstYear = scenario.carbon.firstYear
            let onYear: SimulationEngine.YearSink? = steps.map { file in
                { year, series, axis in StepsCSV.write(series, axis: axis, firstStep: year * axis.stepsPerYear, firstYear: firstYear, to: file) }
            }
            // A long run (MPC re-planning every hour, one-minute steps, many years) shows a bar on a terminal.
            let progress = StudyProgress(runs: 1, of: scenario, command: "simulate")
            let result = try await progress.reporting(finalLine: false) {
                try CampusRun.run(scenario, recordSeries: keepSeries, onYear: onYear)
            }
            let report = SummaryReport(result: result)
            if let folder, let steps {
                try steps.close()
                try folder.write(Array(try report.json().utf8), name: "summary.json")
                try folder.commit()
            }
            try CommandOutput.show(asJSON: json, json: { try report.json() }, text: { TerminalSummary.render(report, result: result) },
                                   written: out.map { "wrote \($0)/summary.json and \($0)/steps.csv" })
            if let failure = unservedOption.check(result) { throw failure }
        } catch {
            throw HelioGridCommand.reported(error)
        }
    }
}

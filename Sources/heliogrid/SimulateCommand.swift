import ArgumentParser
import HelioGrid
import HelioOptimize
import HelioReport
import HelioStudy

/// `heliogrid simulate [SCENARIO] [--dispatch …] [--timestep MIN] [--years N] [--out DIR]`.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "Simulate a campus and print its summary (default: the embedded desert-10k campus).")

    @OptionGroup var scenarioArguments: ScenarioArguments
    @OptionGroup var dispatchOption: DispatchOption
    @Option(help: "Write summary.json and hourly.csv into this folder.")
    var out: String?

    func run() throws {
        try HelioGridCommand.guarded {
            var scenario = try scenarioArguments.load()
            try dispatchOption.apply(to: &scenario, allowed: StrategyFactory.simulationStrategies)
            let result = try CampusRun.run(scenario, recordSeries: out != nil || scenario.grid.needsStepSeries)
            let report = SummaryReport(result: result)
            if let out, let series = result.series {
                let json = try report.json()
                let csv = HourlyCSV.render(series, axis: result.axis)
                try OutputFiles.makeDirectory(out)
                try OutputFiles.write(json, to: out + "/summary.json")
                try OutputFiles.write(csv, to: out + "/hourly.csv")
            }
            print(TerminalSummary.render(report, result: result), terminator: "")
            if let out { print("\nwrote \(out)/summary.json and \(out)/hourly.csv") }
        }
    }
}

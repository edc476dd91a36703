import ArgumentParser
import HelioGrid
import HelioReport

/// `heliogrid simulate [SCENARIO] [--dispatch …] [--timestep MIN] [--years N] [--out DIR]`.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "Simulate a campus and print its summary (default: the embedded desert-10k campus).")

    @Argument(help: "Scenario TOML file; the embedded desert-10k scenario when omitted.")
    var scenario: String?
    @Option(help: "Dispatch strategy: rule, optimal or mpc (overrides [dispatch] strategy).")
    var dispatch: String?
    @Option(help: "Step in minutes: 60, 30, 15, 5 or 1 (overrides [site] timestep_minutes).")
    var timestep: Int?
    @Option(help: "Years to simulate (overrides [site] years).")
    var years: Int?
    @Option(help: "Write summary.json and hourly.csv into this folder.")
    var out: String?

    func run() throws {
        try HelioGridCommand.guarded {
            let loaded = try ScenarioOptions.load(scenario, dispatch: dispatch, timestep: timestep, years: years)
            let result = try Simulation.run(loaded, recordSeries: out != nil)
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

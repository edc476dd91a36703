import ArgumentParser
import HelioGrid
import HelioReport

/// `heliogrid compare [SCENARIO]`: diesel-only, PV + diesel and PV + battery + diesel side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "Compare diesel-only, PV + diesel and PV + battery + diesel for the same campus.")

    @Argument(help: "Scenario TOML file; the embedded desert-10k scenario when omitted.")
    var scenario: String?
    @Option(help: "Step in minutes: 60, 30, 15, 5 or 1.")
    var timestep: Int?
    @Option(help: "Years to simulate.")
    var years: Int?

    func run() throws {
        try HelioGridCommand.guarded {
            let loaded = try ScenarioOptions.load(scenario, dispatch: nil, timestep: timestep, years: years)
            let table = try ComparisonTable(scenario: loaded)
            print(loaded.site.name)
            print("rule-based dispatch, \(loaded.site.timestepMinutes)-minute steps, \(loaded.site.years) year(s)\n")
            print(table.render(), terminator: "")
        }
    }
}

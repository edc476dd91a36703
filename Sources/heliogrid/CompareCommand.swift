import ArgumentParser
import HelioGrid
import HelioReport

/// `heliogrid compare [SCENARIO] [--timestep MIN] [--years N]`: diesel-only, PV + diesel and
/// PV + battery + diesel side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "Compare diesel-only, PV + diesel and PV + battery + diesel for the same campus.")

    @OptionGroup var scenarioArguments: ScenarioArguments

    func run() throws {
        try HelioGridCommand.guarded {
            let scenario = try scenarioArguments.load()
            let table = try ComparisonTable(scenario: scenario)
            print(scenario.site.name)
            print("rule-based dispatch, \(scenario.site.timestepMinutes)-minute steps, \(scenario.site.years) year(s)\n")
            print(table.render(), terminator: "")
        }
    }
}

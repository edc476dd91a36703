import ArgumentParser
import HelioGrid
import HelioOptimize
import HelioReport
import HelioStudy

/// `heliogrid compare [SCENARIO] [--dispatch] [--timestep MIN] [--years N]`: diesel-only, PV + diesel
/// and PV + battery + diesel side by side, or with `--dispatch` the rule, MPC and optimal EMS on the
/// same campus.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare diesel-only, PV + diesel and PV + battery + diesel, or (--dispatch) the rule, mpc and optimal EMS.")

    @OptionGroup var scenarioArguments: ScenarioArguments
    @Flag(help: "Compare dispatch strategies (rule, mpc, optimal) instead of plants.")
    var dispatch = false

    func run() throws {
        try HelioGridCommand.guarded {
            let scenario = try scenarioArguments.load()
            print(scenario.site.name)
            print("\(scenario.site.timestepMinutes)-minute steps, \(scenario.site.years) year(s)\n")
            if dispatch {
                print(try strategyTable(scenario).render(), terminator: "")
            } else {
                let table = ComparisonTable(rows: try PlantComparison.run(scenario))
                print(table.render() + "\n" + table.missionCheck())
            }
        }
    }

    private func strategyTable(_ scenario: Scenario) throws -> ComparisonTable {
        ComparisonTable(rows: try StrategyComparison.run(scenario).map { run in
            LabeledResult(label: "\(run.label) (cost \(NumberFormat.grouped(OperatingCost.of(run.result))))", result: run.result)
        })
    }
}

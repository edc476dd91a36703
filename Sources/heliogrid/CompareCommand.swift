import ArgumentParser
import HelioGrid
import HelioOptimize
import HelioReport
import HelioStudy

/// `heliogrid compare [SCENARIO] [--dispatch | --compute] [--timestep MIN] [--years N]`: diesel-only,
/// PV + diesel and PV + battery + diesel side by side; with `--dispatch` the rule, MPC and optimal EMS
/// on the same campus; with `--compute` rigid against flexible GPU work under each rule-based EMS.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare diesel-only, PV + diesel and PV + battery + diesel, (--dispatch) the rule, mpc and optimal EMS, or (--compute) rigid and flexible GPU work.")

    @OptionGroup var scenarioArguments: ScenarioArguments
    @Flag(help: "Compare dispatch strategies (rule, mpc, optimal) instead of plants.")
    var dispatch = false
    @Flag(help: "Compare rigid and flexible GPU work ([load.flexibility], docs/compute.md) under each rule-based EMS and optimal.")
    var compute = false
    @Flag(help: "Print every row's summary.json content on stdout as JSON instead of the table.")
    var json = false
    @OptionGroup var quietOption: QuietOption
    @Option(name: .customLong("target-intensity"), help: "A carbon-intensity target, gCO2e/kWh served: each row is checked against it.")
    var targetIntensity: Double?

    func run() async throws {
        do {
            quietOption.apply()
            guard !(dispatch && compute) else { throw HelioError(.usage, "--dispatch and --compute compare different things; give one") }
            if let targetIntensity, !(targetIntensity >= 0 && targetIntensity <= 5000) {
                throw HelioError(.usage, "--target-intensity must be 0 to 5,000 gCO2e/kWh, found \(targetIntensity)")
            }
            let scenario = try scenarioArguments.load()
            let table = try await self.table(scenario)
            if json {
                print(try table.json(kind: dispatch ? "dispatch" : compute ? "compute" : "plants"), terminator: "")
                return
            }
            print(scenario.site.name)
            print("\(scenario.site.timestepMinutes)-minute steps, \(NumberFormat.counted(scenario.site.years, "year"))\n")
            print(table.render() + (compute ? "\n" + table.renderCompute() : ""), terminator: "")
            if let targetIntensity { print("\n" + table.targetCheck(targetIntensity), terminator: "") }
        } catch {
            throw HelioGridCommand.reported(error)
        }
    }

    /// A strategy row's costs: operating cost, perfect foresight's plan cost (the LP bound when relaxed,
    /// with its gap when whole) and the savings captured.
    private static func costs(_ result: SimulationResult) -> String {
        var parts = ["cost \(NumberFormat.grouped(OperatingCost.of(result)))"]
        if let plan = result.planning?.planCost {
            let gap = result.planning?.relativeGap.map { ", gap \(NumberFormat.fixed($0 * 100, decimals: 2)) %" } ?? ""
            parts.append("\(result.scenario.dispatch.commitment == .relaxed ? "LP bound" : "plan") \(NumberFormat.grouped(plan))\(gap)")
        }
        if let captured = result.planning?.savingsCaptured { parts.append("captures \(NumberFormat.fixed(captured * 100, decimals: 1)) %") }
        return parts.joined(separator: ", ")
    }

    /// The comparison's rows, with a progress bar over every run's steps: a year of MPC takes seconds.
    private func table(_ scenario: Scenario) async throws -> ComparisonTable {
        let runs = dispatch ? StrategyComparison.runs : compute ? ComputeComparison.runs : PlantVariants.count
        let progress = StudyProgress(runs: runs, of: scenario, command: "compare")
        return try await progress.reporting(finalLine: false) {
            guard dispatch else { return ComparisonTable(rows: compute ? try ComputeComparison.run(scenario) : try PlantComparison.run(scenario)) }
            return ComparisonTable(rows: try StrategyComparison.run(scenario).map { run in
                LabeledResult(label: "\(run.label) (\(Self.costs(run.result)))", result: run.result)
            })
        }
    }
}

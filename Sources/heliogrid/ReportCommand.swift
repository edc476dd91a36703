import ArgumentParser
import HelioGrid
import HelioOptimize
import HelioReport
import HelioStudy

/// `heliogrid report [SCENARIO] --out DIR [--dispatch …]`: the carbon ledger, GHG inventory, KPIs,
/// CBAM figures and lifetime economics against diesel-only, as report.html, ledger.csv and JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the carbon, compliance and economics report (report.html, ledger.csv, inventory/cbam/kpi/economics.json).")

    @OptionGroup var scenarioArguments: ScenarioArguments
    @OptionGroup var dispatchOption: DispatchOption
    @Option(help: "Folder to write the report into (created if missing; files replaced whole).")
    var out: String

    func run() throws {
        try HelioGridCommand.guarded {
            var scenario = try scenarioArguments.load()
            try dispatchOption.apply(to: &scenario, allowed: StrategyFactory.simulationStrategies)
            let folder = try OutputFolder(out)
            let run = ReportRun(scenario: scenario, ledgerFile: try CSVFileWriter(path: folder.path("ledger.csv"), header: LedgerCSV.header))
            let study = try ReportStudy(scenario) { year, series, axis in run.add(year: year, series: series, axis: axis) }
            try run.finish()
            let report = CarbonReport(plant: study.plant, run: run, baseline: study.baseline, sensitivity: study.sensitivity,
                                      resilience: study.resilience)
            try report.write(into: folder)
            try folder.commit()
            print(Self.summary(report), terminator: "")
            print("wrote \(CarbonReport.fileNames.joined(separator: ", ")) into \(out)")
        }
    }

    /// A few headline lines for the terminal.
    static func summary(_ report: CarbonReport) -> String {
        let i = report.inventory, e = report.economics, k = report.kpi
        let irr = e.comparison.irr.map { NumberFormat.fixed($0 * 100, decimals: 1) + " %" } ?? "n/a"
        let payback = e.comparison.discountedPaybackYears.map { NumberFormat.fixed($0, decimals: 1) + " years" } ?? "never"
        return """
            \(report.plant.scenario.site.name) — \(report.plantLabel), dispatch \(report.plant.dispatchName)
            Scope 1 \(NumberFormat.grouped(i.scope1CO2eT)) tCO2e, Scope 2 market \(NumberFormat.grouped(i.scope2MarketT)) tCO2e, \
            \(NumberFormat.fixed(k.intensityGPerKWh, decimals: 1)) g/kWh, CFE \(NumberFormat.fixed(k.carbonFreeScore * 100, decimals: 1)) %
            PUE \(NumberFormat.fixed(k.kpi.pue, decimals: 3)), REF \(NumberFormat.fixed(k.kpi.ref * 100, decimals: 1)) %, \
            CUE \(NumberFormat.fixed(k.kpi.cueKgPerKWh, decimals: 4)) kg/kWh, CBAM factor \(NumberFormat.fixed(report.cbam.years.first?.emissionFactorTPerMWh ?? 0, decimals: 4)) t/MWh
            LCOE \(NumberFormat.fixed(e.plant.lcoePerKWh, decimals: 4)) vs diesel only \(NumberFormat.fixed(e.baseline.lcoePerKWh, decimals: 4)) \(e.currency)/kWh; \
            NPC savings \(NumberFormat.grouped(e.comparison.npcSavings)) \(e.currency), IRR \(irr), discounted payback \(payback)

            """
    }
}

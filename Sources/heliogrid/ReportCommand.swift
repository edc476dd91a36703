import Foundation
import ArgumentParser
import HelioGrid
import HelioOptimize
import HelioReport
import HelioStudy
import HelioTransients

/// `heliogrid report [SCENARIO] --out DIR [--dispatch …]`: the carbon ledger, GHG inventory, KPIs,
/// CBAM figures, lifetime economics against diesel-only and the reliability Monte Carlo, as
/// report.html, ledger.csv and JSON.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the carbon, compliance, economics and reliability report (report.html, ledger.csv, inventory/cbam/kpi/economics/reliability.json).")

    @OptionGroup var scenarioArguments: ScenarioArguments
    @OptionGroup var dispatchOption: DispatchOption
    @OptionGroup var unservedOption: UnservedOption
    @OptionGroup var quietOption: QuietOption
    @Option(help: "Folder to write the report into (created if missing; files replaced whole).")
    var out: String

    @Option(help: "Sample-years of the reliability Monte Carlo (docs/reliability.md), 2 to 1,000,000; 0 leaves the section out.")
    var reliabilitySamples = 1_000
    @Option(help: "Seed of the reliability Monte Carlo; the same seed gives the same section.")
    var reliabilitySeed: UInt64 = 1

    func run() async throws {
        do {
            guard reliabilitySamples == 0 || (2...1_000_000).contains(reliabilitySamples) else {
                throw HelioError(.usage, "--reliability-samples must be 0 (no reliability section) or 2 to 1,000,000, found \(reliabilitySamples)")
            }
            quietOption.apply()
            var scenario = try scenarioArguments.load()
            try dispatchOption.apply(to: &scenario, allowed: StrategyFactory.simulationStrategies)
            if scenario.isStaged {
                FileHandle.standardError.write(Data(("note: the campus grows ([[load.phases]] or [[expansions]]): the report has no reliability "
                    + "or transient section, which study one year's campus (docs/lifetime.md)\n").utf8))
            }
            let folder = try OutputFolder(out)
            let ledgerFile = try CSVFileWriter(path: folder.path("ledger.csv"), header: LedgerCSV.header)
            let study = try await ReportStudy.run(scenario, reliabilitySamples: reliabilitySamples, reliabilitySeed: reliabilitySeed) { year in
                LedgerCSV.write(year, to: ledgerFile)
            }
            try ledgerFile.close()
            let report = CarbonReport(study: study)
            try report.write(into: folder)
            try folder.commit()
            print(Self.summary(report), terminator: "")
            print("wrote \(report.fileNames.joined(separator: ", ")) into \(out)")
            if let failure = unservedOption.check(study.plant) { throw failure }
        } catch {
            throw HelioGridCommand.reported(error)
        }
    }

    /// A few headline lines for the terminal.
    static func summary(_ report: CarbonReport) -> String {
        let i = report.inventory, e = report.economics, k = report.kpi
        let irr = e.comparison.irr.map { NumberFormat.fixed($0 * 100, decimals: 1) + " %" } ?? "n/a"
        let payback = e.comparison.discountedPaybackYears.map { NumberFormat.fixed($0, decimals: 1) + " years" } ?? "never"
        return """
            \(report.plant.scenario.site.name) — \(report.plantLabel), dispatch \(report.plant.dispatch.rawValue)
            Scope 1 \(NumberFormat.grouped(i.scope1CO2eT)) tCO2e, Scope 2 market \(NumberFormat.grouped(i.scope2MarketT)) tCO2e, \
            \(NumberFormat.fixed(k.intensityGPerKWh, decimals: 1)) g/kWh, CFE \(NumberFormat.fixed(k.carbonFreeScore * 100, decimals: 1)) %
            PUE \(NumberFormat.fixed(k.kpi.pue, decimals: 3)), REF \(NumberFormat.fixed(k.kpi.ref * 100, decimals: 1)) %, \
            CUE \(NumberFormat.fixed(k.kpi.cueKgPerKWh, decimals: 4)) kg/kWh, CBAM factor \(NumberFormat.fixed(report.cbam.years.first?.emissionFactorTPerMWh ?? 0, decimals: 4)) t/MWh
            LCOE \(NumberFormat.fixed(e.plant.lcoePerKWh, decimals: 4)) vs diesel only \(NumberFormat.fixed(e.baseline.lcoePerKWh, decimals: 4)) \(e.currency)/kWh; \
            NPC savings \(NumberFormat.grouped(e.comparison.npcSavings)) \(e.currency), IRR \(irr), discounted payback \(payback)

            """ + (report.reliability.map { ReliabilityFiles.terminal($0) + "\n" } ?? "")
    }
}

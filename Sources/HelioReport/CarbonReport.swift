import Foundation
import HelioGrid

/// Everything `heliogrid report` writes for one run and its diesel-only baseline: the JSON documents,
/// the per-step ledger and the self-contained HTML page that shows them.
public struct CarbonReport: Sendable {
    /// The plant's run (with its step series) and the diesel-only baseline's.
    public var plant, baseline: SimulationResult
    /// Label of the plant (`PV + battery + diesel`, `+ grid` when connected).
    public var plantLabel: String
    /// The per-step carbon ledger.
    public var ledger: CarbonLedger
    /// Market-based Scope 2 per step (empty without a grid).
    public var marketKg: [Double]
    /// `inventory.json`.
    public var inventory: InventoryDocument
    /// `cbam.json`.
    public var cbam: CBAMDocument
    /// `kpi.json`.
    public var kpi: KPIDocument
    /// `economics.json`.
    public var economics: EconomicsDocument

    /// The file names written, in order.
    public static let fileNames = ["report.html", "ledger.csv", "inventory.json", "cbam.json", "kpi.json", "economics.json"]

    /// Builds the report from a study's runs and cases: the plant (with its step series), the
    /// diesel-only baseline, the ±20 % sensitivity cases and the carbon-tariff resilience table.
    public init(plant: SimulationResult, baseline: SimulationResult, sensitivity: [SensitivityCase], resilience: [CarbonTariffPoint]) {
        guard let series = plant.series else { preconditionFailure("the report needs the plant's step series") }
        let scenario = plant.scenario
        self.plant = plant
        self.baseline = baseline
        plantLabel = [scenario.pv.map { _ in "PV" }, scenario.battery.map { _ in "battery" }, scenario.diesel.map { _ in "diesel" },
                      scenario.connectedGrid.map { _ in "grid" }].compactMap { $0 }.joined(separator: " + ")
        ledger = CarbonLedger(series: series, scenario: scenario, stepHours: plant.axis.stepHours)
        marketKg = scenario.connectedGrid == nil ? [] : MarketBasedScope2(series: series, scenario: scenario, stepMinutes: plant.axis.stepMinutes).stepKg
        let ghg = GHGInventory(result: plant)
        inventory = InventoryDocument(result: plant, inventory: ghg, ledger: ledger)
        cbam = CBAMDocument(plant: plant, resilience: resilience)
        kpi = KPIDocument(result: plant, inventory: ghg, ledger: ledger)
        economics = EconomicsDocument(plant: plant, baseline: baseline, plantLabel: plantLabel, sensitivity: sensitivity)
    }

    /// Pretty-printed JSON with sorted keys.
    public static func json(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            return Array(try encoder.encode(value)) + [UInt8(ascii: "\n")]
        } catch {
            throw HelioError(.io, "cannot encode report JSON: \(error)")
        }
    }

    /// Writes every file into `folder`'s staging folder, `ledger.csv` in pieces.
    public func write(into folder: OutputFolder) throws {
        let ledgerFile = try CSVFileWriter(path: folder.path("ledger.csv"), header: LedgerCSV.header)
        LedgerCSV.write(series: plant.series!, ledger: ledger, marketKg: marketKg, axis: plant.axis,
                        firstYear: plant.scenario.carbon.firstYear, to: ledgerFile)
        try ledgerFile.close()
        try folder.write(Array(ReportHTML(report: self).render().utf8), name: "report.html")
        for (name, document) in [("inventory.json", try Self.json(inventory)), ("cbam.json", try Self.json(cbam)),
                                 ("kpi.json", try Self.json(kpi)), ("economics.json", try Self.json(economics))] {
            try folder.write(document, name: name)
        }
    }
}

import Foundation
import HelioGrid
import HelioTransients
import HelioStudy

/// Everything `heliogrid report` writes for one run and its diesel-only baseline: the JSON documents
/// and the self-contained HTML page that shows them (the per-step `ledger.csv` is written by the
/// ``ReportRun`` as the run goes).
public struct CarbonReport: Sendable {
    /// The plant's run and the diesel-only baseline's.
    public var plant, baseline: SimulationResult
    /// Label of the plant (`PV + battery + diesel`, `+ grid` when connected).
    public var plantLabel: String
    /// The plant's first simulated year, step by step (dispatch charts).
    public var firstYear: StepSeries
    /// Intensity of the power used at every step of the run, gCO₂e/kWh (duration curve).
    public var intensities: [Float]
    /// `inventory.json`.
    public var inventory: InventoryDocument
    /// `cbam.json`.
    public var cbam: CBAMDocument
    /// `kpi.json`.
    public var kpi: KPIDocument
    /// `economics.json`.
    public var economics: EconomicsDocument
    /// The reliability Monte Carlo (`reliability.json`, `reliability-samples.csv`; `nil`: not run).
    public var reliability: ReliabilityAssessment?
    /// The transient study (`transients.json`; `nil`: the scenario has no `[transients]` section).
    public var transients: TransientsStudy?

    /// The file names every report writes, in order.
    public static let fileNames = ["report.html", "ledger.csv", "inventory.json", "cbam.json", "kpi.json", "economics.json"]
    /// The files of the reliability section, written when it was run.
    public static let reliabilityFileNames = ["reliability.json", "reliability-samples.csv"]

    /// The file names this report writes, in order.
    public var fileNames: [String] {
        Self.fileNames + (reliability == nil ? [] : Self.reliabilityFileNames) + (transients == nil ? [] : ["transients.json"])
    }

    /// Builds the report from a study's runs and cases: the plant with what its ``ReportRun``
    /// gathered, the diesel-only baseline, the ±20 % sensitivity cases and the carbon-tariff
    /// resilience table, and the reliability Monte Carlo when it was run.
    public init(plant: SimulationResult, run: ReportRun, baseline: SimulationResult, sensitivity: [SensitivityCase],
                resilience: [CarbonTariffPoint], reliability: ReliabilityAssessment? = nil,
                transients: TransientsStudy? = nil) {
        guard let firstYear = run.firstYear else { preconditionFailure("the report's run has not added a year") }
        let scenario = plant.scenario
        self.plant = plant
        self.baseline = baseline
        self.firstYear = firstYear
        intensities = run.intensities
        plantLabel = [scenario.pv.map { _ in "PV" }, scenario.battery.map { _ in "battery" }, scenario.diesel.map { _ in "diesel" },
                      scenario.connectedGrid.map { _ in "grid" }].compactMap { $0 }.joined(separator: " + ")
        let ghg = GHGInventory(result: plant, market: run.market)
        inventory = InventoryDocument(result: plant, inventory: ghg, ledger: run.ledgerTotals)
        cbam = CBAMDocument(plant: plant, report: run.cbam, resilience: resilience)
        kpi = KPIDocument(result: plant, inventory: ghg, ledger: run.ledgerTotals, months: run.months)
        economics = EconomicsDocument(plant: plant, baseline: baseline, plantLabel: plantLabel, sensitivity: sensitivity)
        self.reliability = reliability
        self.transients = transients
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

    /// Writes the page and the JSON documents into `folder`'s staging folder (beside the `ledger.csv`
    /// the run wrote there).
    public func write(into folder: OutputFolder) throws {
        try folder.write(Array(ReportHTML(report: self).render().utf8), name: "report.html")
        for (name, document) in [("inventory.json", try Self.json(inventory)), ("cbam.json", try Self.json(cbam)),
                                 ("kpi.json", try Self.json(kpi)), ("economics.json", try Self.json(economics))] {
            try folder.write(document, name: name)
        }
        if let transients {
            try folder.write(Array(try TransientsFiles.json(transients).utf8), name: "transients.json")
        }
        guard let reliability else { return }
        try folder.write(Array(try ReliabilityFiles.summaryJSON(reliability).utf8), name: "reliability.json")
        try folder.write(Array(ReliabilityFiles.samplesCSV(reliability.result).utf8), name: "reliability-samples.csv")
    }
}

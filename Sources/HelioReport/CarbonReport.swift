import Foundation
import HelioGrid
import HelioTransients
import HelioStudy

/// Everything `heliogrid report` writes for one run and its diesel-only baseline: the JSON documents
/// and the self-contained HTML page that shows them, rendered from a finished ``ReportStudy`` (the
/// per-step `ledger.csv` is written from the study's ``LedgerYear``s as the run goes, ``LedgerCSV``).
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

    /// The report of `study`: the plant with what its ``RunLedger`` gathered, the diesel-only
    /// baseline, the ±20 % sensitivity cases and the carbon-tariff resilience table, the reliability
    /// Monte Carlo and the transient study when they were run.
    public init(study: ReportStudy) {
        let run = study.ledger, plant = study.plant, baseline = study.baseline
        guard let firstYear = run.firstYear else { preconditionFailure("the report's run has not added a year") }
        let scenario = plant.scenario
        self.plant = plant
        self.baseline = baseline
        self.firstYear = firstYear
        intensities = run.intensities
        plantLabel = [scenario.pv.map { _ in "PV" }, scenario.battery.map { _ in "battery" }, scenario.diesel.map { _ in "diesel" },
                      scenario.connectedGrid.map { _ in "grid" }].compactMap { $0 }.joined(separator: " + ")
        let ghg = GHGInventory(result: plant, market: run.market)
        inventory = InventoryDocument(result: plant, inventory: ghg, ledger: run.totals)
        cbam = CBAMDocument(plant: plant, report: run.cbam, resilience: study.resilience)
        kpi = KPIDocument(result: plant, inventory: ghg, ledger: run.totals, months: run.months)
        economics = EconomicsDocument(plant: plant, baseline: baseline, plantLabel: plantLabel, sensitivity: study.sensitivity)
        reliability = study.reliability
        transients = study.transients
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

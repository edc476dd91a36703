import Foundation
import HelioStudy
import HelioTestSupport
import Testing
@testable import HelioGrid
@testable import HelioReport

/// The report's files: the HTML shows exactly the JSON's numbers and the ledger file balances.
@Suite struct ReportTests {
    /// The report of the default campus as `report` builds it: the run's years booked in a ``RunLedger``
    /// (here replayed from the recorded run), a short reliability Monte Carlo, the files written into
    /// an output folder, committed and read back.
    static let built = Task { () -> (report: CarbonReport, files: [String: [UInt8]]) in
        let plant = TestData.hybrid, baseline = TestData.dieselOnly
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let folder = try! OutputFolder(directory)
        let ledgerFile = try! CSVFileWriter(path: folder.path("ledger.csv"), header: LedgerCSV.header)
        let reliability = try! await ReliabilityAssessment.run(try! ReliabilityStudy(scenario: plant.scenario, weather: TestData.phoenix),
                                                               samples: 6, seed: 3)
        let study = ReportStudy(plant: plant, baseline: baseline, reliability: reliability) { LedgerCSV.write($0, to: ledgerFile) }
        try! ledgerFile.close()
        let report = CarbonReport(study: study)
        try! report.write(into: folder)
        try! folder.commit()
        return (report, Dictionary(uniqueKeysWithValues: report.fileNames.map { name in
            (name, [UInt8](FileManager.default.contents(atPath: directory + "/" + name)!))
        }))
    }

    static func html() async throws -> String { String(decoding: try #require(await built.value.files["report.html"]), as: UTF8.self) }

    /// Every table cell of report.html names a JSON value and shows it exactly as formatted from the
    /// file (decimals and scale as the cell says); a cell without a source fails.
    @Test func everyNumberInTheHTMLIsTheJSONs() async throws {
        let files = await Self.built.value.files
        var documents: [String: Any] = [:]
        for name in ["inventory.json", "cbam.json", "kpi.json", "economics.json", "reliability.json"] {
            documents[name] = try JSONSerialization.jsonObject(with: Data(try #require(files[name])))
        }
        let (cells, problems) = ReportCells.check(html: try await Self.html(), documents: documents, format: NumberFormat.groupedFixed)
        #expect(cells > 700)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    /// The reliability section: its figures recompute from reliability-samples.csv (LOLE = mean
    /// loss-of-load hours, EENS = mean unserved MWh), the HTML shows them, and the exceedance chart
    /// starts at the share of sample-years that lost load at all.
    @Test func reliabilitySectionRecomputesFromSamples() async throws {
        let files = await Self.built.value.files
        let rows = String(decoding: try #require(files["reliability-samples.csv"]), as: UTF8.self).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 6)
        let document = try #require(files["reliability.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(document)) as? [String: Any])
        let lole = rows.map { Double($0[1])! }.reduce(0, +) / 6, eens = rows.map { Double($0[3])! }.reduce(0, +) / 6000
        #expect(abs(lole - (json["lole_h_per_year"] as? Double ?? -1)) < 1e-9)
        #expect(abs(eens - (json["eens_mwh_per_year"] as? Double ?? -1)) < 1e-9)
        let html = try await Self.html()
        #expect(html.contains("<td data-json=\"reliability.json:lole_h_per_year\" data-dp=\"2\" data-scale=\"1.0\">"
                              + NumberFormat.groupedFixed(lole, decimals: 2) + "</td>"))
        let samples = await Self.built.value.report.reliability!.result.samples
        // Seed 3 draws sample-years that lose load, so the page carries the exceedance chart.
        #expect(samples.contains { $0.lossOfLoadHours > 0 })
        #expect(html.contains(ReliabilityCharts.lossOfLoadExceedance(samples)))
    }

    /// The exceedance curve by hand: of four sample-years losing 0, 0, 2 and 5 hours, 50 % lose more
    /// than x for x below 2 h, 25 % for x from 2 h to below 5 h, none from 5 h.
    @Test func lossOfLoadExceedanceByHand() {
        let points = ReliabilityCharts.exceedancePoints([5, 0, 2, 0])
        #expect(points.map(\.0) == [0, 2, 2, 5, 5])
        #expect(points.map(\.1) == [50, 50, 25, 25, 0])
        #expect(ReliabilityCharts.exceedancePoints([0, 0]).map(\.1) == [0])
    }

    /// ledger.csv: a row per step; emitted = to load + to export + Δ pool in every row; energy by
    /// source adds up to the energy served; the column sums match inventory.json.
    @Test func ledgerFileBalancesEveryRow() async throws {
        let text = String(decoding: try #require(await Self.built.value.files["ledger.csv"]), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 8761 && lines[0] == LedgerCSV.header)
        #expect(lines[1].hasPrefix("2026-01-01T00:00:00-07:00"))
        let header = lines[0].split(separator: ",").map(String.init)
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        let (served, emitted, load, export, pool) = (column("served_kwh"), column("emitted_kg"), column("load_kg"), column("export_kg"), column("pool_kg"))
        let toLoad = ["pv_to_load_kwh", "diesel_to_load_kwh", "grid_to_load_kwh", "battery_to_load_kwh"].map(column)
        var previousPool = 0.0, emittedSum = 0.0
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",").dropFirst().map { Double($0)! }
            let row = [0.0] + fields
            // Each field is rounded to the gram: allow the rounding of the four figures.
            #expect(abs(row[emitted] - row[load] - row[export] - (row[pool] - previousPool)) < 0.003)
            #expect(abs(toLoad.reduce(0) { $0 + row[$1] } - row[served]) < 0.003)
            previousPool = row[pool]
            emittedSum += row[emitted]
        }
        let report = await Self.built.value.report
        #expect(abs(emittedSum / 1000 - report.inventory.balance.emittedT) < 0.01)
        #expect(abs(report.inventory.balance.emittedT - report.inventory.scope1CO2eT) < 1e-6 * report.inventory.scope1CO2eT)
    }

    /// The page is self-contained: no scripts, no external resources, every chart inline.
    @Test func pageIsSelfContained() async throws {
        let html = try await Self.html()
        #expect(!html.contains("<script") && !html.contains("http://www.w3.org/1999") && !html.contains("src="))
        let lostLoad = await Self.built.value.report.reliability!.result.samples.contains { $0.lossOfLoadHours > 0 }
        // Monthly energy, two dispatch weeks each with its SOC axis, the SOC heat map, the intensity
        // duration curve, the cash flows, the carbon-price chart and the sensitivity tornado.
        #expect(html.components(separatedBy: "<svg").count - 1 == 10 + (lostLoad ? 1 : 0))
        #expect(html.contains("<p>No sample-year lost load.</p>") == !lostLoad)
        for section in ["plant", "key-figures", "kpi", "inventory", "cbam", "economics", "reliability", "methodology"] {
            #expect(html.contains("id=\"\(section)\""))
        }
        // An islanded campus's charts have no grid or export keys; PV is curtailed in July.
        #expect(!html.contains(">grid import</text>") && !html.contains(">export</text>") && html.contains(">PV curtailed</text>"))
        #expect(html.contains("reporting year 2026 ·") && ReportHTML.reportingYears(first: 2026, last: 2028) == "reporting years 2026–2028")
    }

    /// The tornado puts the widest swing on top; the week's axis reads dates and noons from day 195,
    /// 15 July.
    @Test func tornadoOrderAndWeekDates() {
        let cases = [("fuel_price", 90.0, 110.0), ("pv_capex", 98.0, 102.0), ("discount_rate", 95.0, 104.0)].map { name, low, high in
            SensitivityCase(parameter: name, change: 0.2, npcLow: low * 1e6, npcHigh: high * 1e6, lcoeLow: 0, lcoeHigh: 0, savingsLow: 0, savingsHigh: 0)
        }
        let svg = ReportCharts.tornado(cases, baseNPC: 100e6, currency: "USD")
        let order = ["fuel price", "discount rate", "pv capex"].map { svg.range(of: ">\($0)<")!.lowerBound }
        #expect(order == order.sorted())
        let ticks = ReportCharts.dayTicks(firstDay: 195)
        #expect(ticks.first! == (0, "15 Jul") && ticks[1] == (12, "12:00") && ticks.last! == (6 * 24 + 12, "12:00") && ticks[12] == (144, "21 Jul"))
    }
}

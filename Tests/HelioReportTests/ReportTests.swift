import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid
@testable import HelioReport

/// The report's files: the HTML shows exactly the JSON's numbers and the ledger file balances.
@Suite struct ReportTests {
    /// The report of the default campus as `report` builds it: the run's years fed to a ``ReportRun``
    /// (here replayed from the recorded run), the files written into an output folder, committed and
    /// read back.
    static let built: (report: CarbonReport, files: [String: [UInt8]]) = {
        let plant = TestData.hybrid, baseline = TestData.dieselOnly
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let folder = try! OutputFolder(directory)
        let run = ReportRun(scenario: plant.scenario, ledgerFile: try! CSVFileWriter(path: folder.path("ledger.csv"), header: LedgerCSV.header))
        run.replay(plant)
        try! run.finish()
        let report = CarbonReport(plant: plant, run: run, baseline: baseline, sensitivity: SensitivityCase.table(plant: plant, baseline: baseline),
                                  resilience: CarbonTariffPoint.table(plant: plant, baseline: baseline))
        try! report.write(into: folder)
        try! folder.commit()
        return (report, Dictionary(uniqueKeysWithValues: CarbonReport.fileNames.map { name in
            (name, [UInt8](FileManager.default.contents(atPath: directory + "/" + name)!))
        }))
    }()
    static var report: CarbonReport { built.report }
    static var files: [String: [UInt8]] { built.files }

    /// Follows `a.b.0.c` through decoded JSON.
    static func value(_ path: Substring, in document: Any) -> Any? {
        path.split(separator: ".").reduce(Optional(document)) { node, key in
            if let array = node as? [Any], let index = Int(key) { return index < array.count ? array[index] : nil }
            return (node as? [String: Any])?[String(key)]
        }
    }

    /// Every table cell of report.html names a JSON value and shows it exactly as formatted from the
    /// file (decimals and scale as the cell says); a cell without a source fails.
    @Test func everyNumberInTheHTMLIsTheJSONs() throws {
        let html = String(decoding: try #require(Self.files["report.html"]), as: UTF8.self)
        var documents: [String: Any] = [:]
        for name in ["inventory.json", "cbam.json", "kpi.json", "economics.json"] {
            documents[name] = try JSONSerialization.jsonObject(with: Data(try #require(Self.files[name])))
        }
        let cell = try NSRegularExpression(pattern: "<td([^>]*)>([^<]*)</td>")
        let attribute = try NSRegularExpression(pattern: "data-([a-z]+)=\"([^\"]*)\"")
        let matches = cell.matches(in: html, range: NSRange(html.startIndex..., in: html))
        #expect(matches.count > 700)
        for match in matches {
            let attributes = String(html[Range(match.range(at: 1), in: html)!]), text = String(html[Range(match.range(at: 2), in: html)!])
            var fields: [String: String] = [:]
            for pair in attribute.matches(in: attributes, range: NSRange(attributes.startIndex..., in: attributes)) {
                fields[String(attributes[Range(pair.range(at: 1), in: attributes)!])] = String(attributes[Range(pair.range(at: 2), in: attributes)!])
            }
            let source = try #require(fields["json"], "cell '\(text)' names no JSON value")
            let parts = source.split(separator: ":", maxSplits: 1)
            let document = try #require(documents[String(parts[0])], "\(source)")
            let value = Self.value(parts[1], in: document)
            if fields["null"] == "true" {
                #expect(value is NSNull, "\(source)")
                continue
            }
            let number = try #require((value as? NSNumber)?.doubleValue, "\(source) is not a number in the JSON")
            if fields["format"] == "integer" {
                #expect(String(Int(exactly: number) ?? -1) == text, "\(source): HTML \(text), JSON \(number)")
                continue
            }
            let decimals = try #require(fields["dp"].flatMap { Int($0) }), scale = try #require(fields["scale"].flatMap { Double($0) })
            #expect(NumberFormat.groupedFixed(number * scale, decimals: decimals) == text, "\(source): HTML \(text), JSON \(number)")
        }
    }

    /// ledger.csv: a row per step; emitted = to load + to export + Δ pool in every row; energy by
    /// source adds up to the energy served; the column sums match inventory.json.
    @Test func ledgerFileBalancesEveryRow() throws {
        let text = String(decoding: try #require(Self.files["ledger.csv"]), as: UTF8.self)
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
        #expect(abs(emittedSum / 1000 - Self.report.inventory.balance.emittedT) < 0.01)
        #expect(abs(Self.report.inventory.balance.emittedT - Self.report.inventory.scope1CO2eT) < 1e-6 * Self.report.inventory.scope1CO2eT)
    }

    /// The page is self-contained: no scripts, no external resources, every chart inline.
    @Test func pageIsSelfContained() throws {
        let html = String(decoding: try #require(Self.files["report.html"]), as: UTF8.self)
        #expect(!html.contains("<script") && !html.contains("http://www.w3.org/1999") && !html.contains("src="))
        #expect(html.components(separatedBy: "<svg").count - 1 == 7)
        for section in ["key-figures", "kpi", "inventory", "cbam", "economics", "methodology"] {
            #expect(html.contains("id=\"\(section)\""))
        }
    }
}

import Foundation
import HelioTestSupport
import Testing
@testable import HelioServer

/// Headless Chromium, where installed.
let chromiumPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// `report.html` and the live dashboard as a user sees them: rendered by headless Chromium (Debian's
/// `chromium`, which CI installs), the rendered DOM checked for the key elements and a screenshot
/// taken of each. Skipped where no Chromium is installed.
@Suite(.enabled(if: chromiumPath != nil, "needs Debian's chromium"))
struct BrowserRenderTests {
    static let chromium = chromiumPath

    /// Runs headless Chromium on `url`: the DOM after `budgetMS` of virtual time, and a screenshot at
    /// `png`; with `profile`, in that browser profile (its local storage kept from run to run).
    static func render(_ url: String, png: URL, budgetMS: Int, profile: URL? = nil) throws -> String {
        func run(_ arguments: [String]) throws -> Data {
            let process = Process(), out = Pipe()
            // Bounded: a page that never settles fails the test rather than hanging it.
            process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
            process.arguments = ["120", chromium!, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--virtual-time-budget=\(budgetMS)"]
                + (profile.map { ["--user-data-dir=\($0.path)"] } ?? []) + arguments + [url]
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return data
        }
        _ = try run(["--window-size=1280,2400", "--screenshot=\(png.path)"])
        return String(decoding: try run(["--dump-dom"]), as: UTF8.self)
    }

    /// A PNG's width and height from its IHDR chunk.
    static func pngSize(_ url: URL) throws -> (Int, Int) {
        let bytes = [UInt8](try Data(contentsOf: url))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let int = { (at: Int) in bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    @Test func reportRendersWithItsSectionsAndCharts() throws {
        let folder = CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try CommandLineTests.run(["report", "--reliability-samples", "0", "--quiet", "--out", folder.appendingPathComponent("report").path])
        #expect(report.status == 0, "\(report.stderr)")
        let png = folder.appendingPathComponent("report.png")
        let dom = try Self.render("file://" + folder.appendingPathComponent("report/report.html").path, png: png, budgetMS: 1000)
        for id in ["plant", "key-figures", "kpi", "economics", "methodology"] { #expect(dom.contains("id=\"\(id)\"")) }
        #expect(dom.components(separatedBy: "<svg").count - 1 == 10 && dom.contains("Sensitivity of the plant's NPC (tornado)"))
        #expect(dom.contains("15 Jul") && dom.contains("PV curtailed") && dom.contains("<dt>Gensets</dt>"))
        let (width, height) = try Self.pngSize(png)
        let bytes = try Data(contentsOf: png).count
        #expect(width == 1280 && height == 2400 && bytes > 50_000)
    }

    /// A campus that grows (`init --template growing`): the report's "Year by year" section renders
    /// its two charts and its table, the plant section names the phases and expansions, and no
    /// reliability section is written (it studies one year's campus).
    @Test func growingCampusReportRendersYearByYear() throws {
        let folder = CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let campus = folder.appendingPathComponent("campus")
        #expect(try CommandLineTests.run(["init", campus.path, "--template", "growing"]).status == 0)
        let report = try CommandLineTests.run(["report", campus.appendingPathComponent("scenario.toml").path, "--quiet", "--out",
                                               folder.appendingPathComponent("report").path])
        #expect(report.status == 0 && report.stderr.contains("no reliability or transient section"), "\(report.stderr)")
        let png = folder.appendingPathComponent("report.png")
        let dom = try Self.render("file://" + folder.appendingPathComponent("report/report.html").path, png: png, budgetMS: 1000)
        #expect(dom.contains("id=\"years\"") && !dom.contains("id=\"reliability\""))
        #expect(dom.contains("Energy served by origin, year by year") && dom.contains("Carbon intensity and capital spent, year by year"))
        #expect(dom.contains("<dt>Load phases</dt>") && dom.contains("<dt>Expansions</dt>") && dom.contains("from year 6: 10,000 GPUs (b200"))
        #expect(dom.contains("data-json=\"economics.json:years.19.installed_pv_kw\""))
        let (width, height) = try Self.pngSize(png)
        #expect(width == 1280 && height == 2400)
    }

    /// A new database with a read token for the dashboard, in `folder` (created).
    static func dashboardDatabase(in folder: URL) throws -> (database: String, token: String) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("ems.sqlite").path
        return (database, try EMSStore(path: database).createToken(scope: .read, label: "browser", nowMS: 0))
    }

    @Test func dashboardShowsPlantTimeMWAndCharts() async throws {
        let folder = CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (database, token) = try Self.dashboardDatabase(in: folder)
        let port = RawSocket.freePort()
        // The plant clock starts at noon on a clear June day: 12:00 is the time axis's first tick,
        // and the battery charges from the PV surplus, below zero on the chart.
        let server = try ServeProcessTests.start(database: database, port: port, extra: ["--start", "2026-06-15T12:00:00-07:00"])
        defer { ServeProcessTests.kill(server) }
        // Each interval is 30 plant seconds; 60 rows span three of the chart's 10-minute buckets.
        _ = try await ServeProcessTests.waitForLedger(database, atLeast: 60)
        let png = folder.appendingPathComponent("dashboard.png")
        let dom = try Self.render("http://127.0.0.1:\(port)/#token=\(token)", png: png, budgetMS: 5000)
        #expect(dom.range(of: #"id="clock">\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC−07:00"#, options: .regularExpression) != nil, "clock in plant time")
        #expect(dom.range(of: #">\d{2}:00</text>"#, options: .regularExpression) != nil, "a local-time axis")
        #expect(dom.contains("<polygon") && dom.contains(" %</text>"), "the power stack and the SOC scale")
        #expect(dom.contains(">12:00</text>") && dom.contains("<line class=\"zero\""), "noon on the axis, the zero line")
        #expect(dom.range(of: #">-\d+(\.\d)?</text>"#, options: .regularExpression) != nil && dom.contains("fill=\"#2a9d8f\""), "charging below zero")
        let reason = try #require(dom.range(of: #"id="reason" class="sub">[^<]*"#, options: .regularExpression).map { String(dom[$0]) })
        #expect(reason.range(of: #"\d{4,} kW"#, options: .regularExpression) == nil && reason.contains("MW"), "\(reason)")
        let (width, _) = try Self.pngSize(png)
        #expect(width == 1280)
    }

    /// A token handed over in the URL is kept (the dashboard opens without it next time) and a token
    /// the service refuses is forgotten (the next visit asks for one rather than failing again).
    @Test func dashboardKeepsAURLTokenAndForgetsARefusedOne() async throws {
        let folder = CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (database, token) = try Self.dashboardDatabase(in: folder)
        let port = RawSocket.freePort()
        let server = try ServeProcessTests.start(database: database, port: port)
        defer { ServeProcessTests.kill(server) }
        _ = try await ServeProcessTests.waitForLedger(database, atLeast: 3)
        let profile = folder.appendingPathComponent("profile"), png = folder.appendingPathComponent("d.png")
        let clock = #"id="clock">\d{4}-\d{2}-\d{2} \d{2}:\d{2}"#
        let url = "http://127.0.0.1:\(port)/"
        #expect(try Self.render(url + "#token=\(token)", png: png, budgetMS: 3000, profile: profile).range(of: clock, options: .regularExpression) != nil)
        #expect(try Self.render(url, png: png, budgetMS: 3000, profile: profile).range(of: clock, options: .regularExpression) != nil,
                "the token from the URL was kept")
        #expect(try Self.render(url + "#token=hg_refused", png: png, budgetMS: 3000, profile: profile)
            .contains(#"<p id="loginError" style="color:#d62828">token refused (401)</p>"#))
        let after = try Self.render(url, png: png, budgetMS: 3000, profile: profile)
        #expect(after.contains(#"<p id="loginError" style="color:#d62828"></p>"#), "the refused token was forgotten")
    }
}

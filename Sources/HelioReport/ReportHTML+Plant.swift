import Foundation
import HelioGrid

extension ReportHTML {
    /// "Plant and inputs", first on the page: the site, the load, every component's size and kind,
    /// the dispatch and the prices the figures below come from, as the scenario gives them.
    mutating func plantAndInputs() {
        let scenario = report.plant.scenario, axis = report.plant.axis, e = scenario.economics
        section("Plant and inputs", id: "plant")
        var rows: [(String, String)] = [
            ("Site", scenario.site.name + " · weather " + URL(fileURLWithPath: scenario.site.weatherPath).lastPathComponent
                + " · UTC" + Self.offset(axis.utcOffsetMinutes)),
            ("Load", Self.load(scenario.load) + " · peak facility demand " + Self.mw(report.firstYear.loadKW.max() ?? 0)),
        ]
        if let pv = scenario.pv {
            rows.append(("PV", Self.mw(pv.dcKW) + "dc, " + pv.tracking.rawValue + (pv.tracking == .fixed ? " at \(Self.number(pv.tiltDeg, 0))° tilt" : "")
                + ", azimuth \(Self.number(pv.azimuthDeg, 0))°, DC/AC \(Self.number(pv.dcACRatio, 2)), losses \(Self.number(pv.lossesPercent, 2)) %"))
        }
        if let battery = scenario.battery {
            rows.append(("Battery", Self.mwh(battery.energyKWh) + " / " + Self.mw(battery.powerKW) + " (\(Self.number(battery.energyKWh / battery.powerKW, 1)) h), "
                + "round trip \(Self.number(battery.roundTripEfficiency * 100, 0)) %, SOC \(Self.number(battery.socMin * 100, 0))–\(Self.number(battery.socMax * 100, 0)) %"))
        }
        if let diesel = scenario.diesel {
            rows.append(("Gensets", "\(diesel.units) × " + Self.mw(diesel.unitKW) + " (" + Self.mw(diesel.fleetKW) + "), \(diesel.rating.rawValue) rating, "
                + "minimum load \(Self.number(diesel.minLoadRatio * 100, 0)) %"))
        }
        rows += Self.stages(scenario)
        if let grid = scenario.connectedGrid {
            rows.append(("Grid", "import up to " + Self.mw(grid.importKW) + ", export up to " + Self.mw(grid.exportKW)))
        }
        rows += [
            ("Dispatch", report.plant.dispatch.rawValue + ", \(axis.stepMinutes)-minute steps, \(NumberFormat.counted(scenario.site.years, "simulated year")) from \(scenario.carbon.firstYear)"),
            ("Prices", "fuel \(Self.number(e.fuelPricePerL, 2)) \(e.currency)/L (+\(Self.number(e.fuelPriceEscalation * 100, 1)) %/yr), carbon "
                + "\(Self.number(scenario.carbon.pricePerT, 0)) \(e.currency)/t (+\(Self.number(scenario.carbon.priceEscalation * 100, 1)) %/yr), discount rate "
                + "\(Self.number(e.discountRate * 100, 1)) %, \(e.projectYears) years"
                + (scenario.omittedSections.contains("economics") ? " (no [economics] section: the defaults of docs/scenario.md)" : "")),
        ]
        html += "<dl class=\"plant\">" + rows.map { "<dt>" + escape($0.0) + "</dt><dd>" + escape($0.1) + "</dd>" }.joined() + "</dl>"
    }

    private static func load(_ load: LoadConfig) -> String {
        switch load.kind {
        case .csv: "measured (CSV " + URL(fileURLWithPath: load.csvPath ?? "").lastPathComponent + ")"
        case .jobs: "\(NumberFormat.grouped(Double(load.gpus))) GPUs running a job mix"
        case .gpuCluster: "\(NumberFormat.grouped(Double(load.gpus))) GPUs (\(load.nodes) nodes), \(load.profile.rawValue), mean utilisation \(number(load.meanUtilization * 100, 0)) %"
        }
    }

    /// A campus that grows: its load phases and its expansions (none for a fixed campus).
    private static func stages(_ scenario: Scenario) -> [(String, String)] {
        var rows: [(String, String)] = []
        if !scenario.load.phases.isEmpty {
            rows.append(("Load phases", scenario.load.phases.map { phase in
                let fleet = phase.load.fleets[phase.changedFleet - 1]
                return "from year \(phase.year): \(NumberFormat.grouped(Double(phase.load.totalGPUs))) GPUs" + (phase.generation.map { " (\($0))" } ?? "")
                    + (phase.adds ? ", \(NumberFormat.grouped(Double(fleet.gpus))) added beside" : "")
                    + (!phase.adds && phase.load.cohorts.count > 0 ? ", fleet \(phase.changedFleet) changed" : "")
                    + ", nodes of \(fleet.gpusPerNode) at " + number(fleet.nodeRatedKW, 1) + " kW nameplate"
            }.joined(separator: "; ")))
        }
        if !scenario.expansions.isEmpty {
            rows.append(("Expansions", scenario.expansions.map { expansion in
                "year \(expansion.year): +" + mw(expansion.pvKW) + "dc PV, +" + mwh(expansion.batteryKWh) + " / " + mw(expansion.batteryKW)
                    + " battery, +\(expansion.dieselUnits) gensets"
            }.joined(separator: "; ")))
        }
        return rows
    }

    private static func mw(_ kw: Double) -> String { number(kw / 1000, 2) + " MW" }
    private static func mwh(_ kwh: Double) -> String { number(kwh / 1000, 1) + " MWh" }
    private static func number(_ value: Double, _ decimals: Int) -> String { NumberFormat.groupedFixed(value, decimals: decimals) }

    private static func offset(_ minutes: Int) -> String {
        (minutes < 0 ? "−" : "+") + String(format: "%02d:%02d", abs(minutes) / 60, abs(minutes) % 60)
    }
}

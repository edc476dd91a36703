import Foundation
import HelioGrid

/// The readable summary `heliogrid simulate` prints.
public enum TerminalSummary {
    /// Renders a run's report as aligned text.
    public static func render(_ report: SummaryReport, result: SimulationResult) -> String {
        let e = report.energyKWh, c = report.carbon, d = report.diesel, money = report.economics
        func mwh(_ kwh: Double) -> String { NumberFormat.grouped(kwh / 1000) + " MWh" }
        func percent(_ fraction: Double) -> String { NumberFormat.fixed(fraction * 100, decimals: 1) + " %" }
        let years = result.yearly.count
        var lines = [
            "\(report.scenario)",
            "dispatch \(report.dispatch), \(report.timestepMinutes)-minute steps, \(years) year\(years == 1 ? "" : "s"), \(report.steps) steps, \(NumberFormat.fixed(report.runtimeMS, decimals: 1)) ms",
            "",
            "Energy",
            row("load", mwh(e.load)), row("served", mwh(e.served)),
            row("unserved", mwh(e.unserved) + " (\(NumberFormat.fixed(report.reliability.lossOfLoadHours, decimals: 1)) h, max \(NumberFormat.grouped(report.reliability.maxUnservedKW)) kW)"),
            row("PV available", mwh(e.pvAvailable)), row("PV used", mwh(e.pvUsed)),
            row("PV curtailed", mwh(e.pvCurtailed) + " (\(percent(e.pvAvailable > 0 ? e.pvCurtailed / e.pvAvailable : 0)))"),
            row("battery in / out", mwh(e.batteryCharge) + " / " + mwh(e.batteryDischarge)),
            row("diesel", mwh(e.diesel)),
        ]
        if e.gridImport > 0 || e.gridExport > 0 {
            lines.append(row("grid import / export", mwh(e.gridImport) + " / " + mwh(e.gridExport)))
        }
        lines += [
            "",
            "Gensets",
            row("fuel", NumberFormat.grouped(d.fuelL) + " L"),
            row("run hours (fleet / units)", NumberFormat.grouped(d.runHours) + " / " + NumberFormat.grouped(d.unitRunHours)),
            row("starts", "\(d.starts)"), row("mean loading", percent(d.meanLoading)),
            row("per unit: hours / starts", unitSpread(result.gensetUnits)),
        ]
        if let basis = report.designBasis, result.scenario.diesel != nil {
            lines.append(row("N + 1 on the design day", NumberFormat.grouped(basis.firmKW) + " kW firm / " + NumberFormat.grouped(basis.facilityKW)
                             + " kW at \(NumberFormat.fixed(basis.tempC, decimals: 1)) °C" + (basis.year.map { " (year \($0))" } ?? "")
                             + (basis.firmAtNPlusOne ? "" : " (short)")))
        }
        lines += [
            "",
            "Battery",
            row("equivalent full cycles", NumberFormat.fixed(report.battery.equivalentFullCycles, decimals: 1)),
            row("minimum SOC", percent(report.battery.minSOC)),
            row("capacity fade", percent(report.battery.capacityFadeFraction)),
            "",
            "Carbon",
            row("Scope 1", NumberFormat.grouped(c.scope1) + " tCO2e"),
            row("Scope 2 (location)", NumberFormat.grouped(c.scope2Location) + " tCO2e"),
            row("intensity", NumberFormat.fixed(c.intensity, decimals: 1) + " gCO2e/kWh"),
            row("renewable fraction", percent(c.renewableFraction)),
            row("PUE / REF / CUE", NumberFormat.fixed(report.kpi.pue, decimals: 3) + " / " + NumberFormat.fixed(report.kpi.ref, decimals: 3)
                + " / " + NumberFormat.fixed(report.kpi.cue, decimals: 3) + " kg/kWh"),
            "",
            "Economics (\(money.currency), \(result.scenario.economics.projectYears) years)",
            row(result.scenario.isStaged ? "capex, day 1 / later stages" : "capex", NumberFormat.grouped(money.capex)
                + (result.scenario.isStaged ? " / " + NumberFormat.grouped(report.years.reduce(0) { $0 + ($1.capex ?? 0) }) : "")),
            row("NPC", NumberFormat.grouped(money.npc)),
            row("LCOE", NumberFormat.fixed(money.lcoe, decimals: 4) + " per kWh"),
            row("fuel / carbon cost, year 1", NumberFormat.grouped(money.fuelCostYear1) + " / " + NumberFormat.grouped(money.carbonCostYear1)),
        ]
        if result.scenario.connectedGrid != nil {
            let g = report.grid
            lines += [row("grid bill, year 1", NumberFormat.grouped(g.cost) + " (imports " + NumberFormat.grouped(g.importCost) + ", exports −"
                          + NumberFormat.grouped(g.exportRevenue) + ", demand " + NumberFormat.grouped(g.demandCharge) + ", fixed "
                          + NumberFormat.grouped(g.fixedCharge) + ")"),
                      row("monthly peak import", NumberFormat.grouped(g.monthlyPeakImportKW.min() ?? 0) + "–"
                          + NumberFormat.grouped(g.monthlyPeakImportKW.max() ?? 0) + " kW")]
        }
        if report.compute.mode == DispatchConfig.Compute.flexible.rawValue {
            let w = report.compute
            lines += ["", "GPU work (flexible)",
                      row("batch deferred", NumberFormat.grouped(w.gpuHoursDeferred) + " GPU-h, mean " + NumberFormat.fixed(w.meanDelayHours, decimals: 1)
                          + " h, max " + NumberFormat.fixed(w.maxDelayHours, decimals: 1) + " h"),
                      row("deadline misses", "\(w.deadlineMisses)"),
                      row("moved into PV hours", mwh(w.energyShiftedIntoPVKWh)),
                      row("training capped", NumberFormat.grouped(w.cappedHours) + " h, " + NumberFormat.grouped(w.throughputLostGPUHours)
                          + " GPU-h lost, cost " + NumberFormat.grouped(w.throughputCost))]
        }
        if let planning = report.planning {
            lines += ["", "Dispatch objective (\(money.currency), year-1 prices)"] + planningRows(planning, result: result)
        }
        if let lead = report.forecastSkill.first?.leadHours {
            lines += ["", "Forecasts (next \(NumberFormat.fixed(lead, decimals: 0)) h; skill against the reference: 1 − RMSE / RMSE_ref)"]
                + report.forecastSkill.map { f in
                    row(f.quantity, "MAE " + NumberFormat.grouped(f.maeKW) + " kW, RMSE " + NumberFormat.grouped(f.rmseKW) + " kW, skill "
                        + NumberFormat.fixed(f.skillScore, decimals: 3) + " (" + f.forecaster + " vs " + f.reference + ")"
                        + (f.members > 1 ? "; CRPS of \(f.members) members " + NumberFormat.grouped(f.crpsKW) + " kW" : ""))
                }
        }
        if result.scenario.isStaged { lines += [""] + yearByYear(report.years, currency: money.currency) }
        if !report.warnings.isEmpty {
            lines += ["", "Warnings"] + report.warnings.map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A campus that grows, year by year: GPUs, load, plant installed, intensity and capital spent.
    private static func yearByYear(_ years: [SummaryReport.Year], currency: String) -> [String] {
        var lines = ["Year by year (a campus that grows)",
                     "  year    GPUs  load GWh  PV MWdc  battery MWh / MW  gensets  g/kWh  capex M \(currency)"]
        for year in years {
            let fields = [pad("\(year.year)", 6), pad(NumberFormat.grouped(Double(year.gpus ?? 0)), 8),
                          pad(NumberFormat.fixed(year.loadKWh / 1e6, decimals: 1), 10),
                          pad(NumberFormat.fixed((year.installedPVKW ?? 0) / 1000, decimals: 1), 9),
                          pad(NumberFormat.fixed((year.installedBatteryKWh ?? 0) / 1000, decimals: 0) + " / "
                              + NumberFormat.fixed((year.installedBatteryKW ?? 0) / 1000, decimals: 0), 18),
                          pad("\(year.installedDieselUnits ?? 0)", 9), pad(NumberFormat.fixed(year.intensity, decimals: 1), 7),
                          pad(NumberFormat.fixed((year.capex ?? 0) / 1e6, decimals: 1), 14)]
            lines.append(fields.joined())
        }
        return lines
    }

    /// `text` right-aligned in `width` characters.
    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// The run's operating cost and what its planner reports: perfect foresight's LP bound (relaxed
    /// commitment) or whole-unit plan and gap, the MPC's forecast members, steps the rules decided.
    private static func planningRows(_ planning: SummaryReport.Planning, result: SimulationResult) -> [String] {
        var rows = [row("operating cost", NumberFormat.grouped(planning.operatingCost))]
        if let plan = planning.planCost {
            let whole = result.scenario.dispatch.commitment == .whole
            let gap = planning.relativeGap.map { ", gap " + NumberFormat.fixed($0 * 100, decimals: 2) + " %" } ?? ""
            rows.append(row(whole ? "whole-unit plan" : "LP bound (relaxed units)", NumberFormat.grouped(plan) + gap))
        }
        if planning.forecastMembers > 0 { rows.append(row("forecast members", "\(planning.forecastMembers)")) }
        if planning.fallbackSteps > 0 { rows.append(row("steps decided by the rules", "\(planning.fallbackSteps) (no plan solved)")) }
        return rows
    }

    /// `min–max h / min–max starts` over the units, or `none` without gensets.
    private static func unitSpread(_ units: [GensetUnit]) -> String {
        let hours = units.map(\.runHours), starts = units.map(\.starts)
        guard let fewestHours = hours.min(), let mostHours = hours.max(), let fewestStarts = starts.min(), let mostStarts = starts.max()
        else { return "none" }
        return NumberFormat.grouped(fewestHours) + "–" + NumberFormat.grouped(mostHours) + " h / \(fewestStarts)–\(mostStarts)"
    }

    private static func row(_ label: String, _ value: String) -> String {
        "  " + label.padding(toLength: 28, withPad: " ", startingAt: 0) + value
    }
}

import Foundation
import HelioGrid
import HelioOptimize
import HelioStudy

/// `size.html` and the terminal summary of a staged sizing study: the limits and the stages, the
/// best design stage by stage against the scenario's own plant, its last stage built on day one and
/// its first stage never expanded, the LP bound, and each one's intensity year by year.
struct StagedSizingHTML {
    let study: StagedSizingStudy
    let result: StagedSizingResult

    /// The designs compared, labelled: the best, the scenario's own, day one, first stage only.
    var compared: [(label: String, outcome: StagedOutcome)] {
        [("best staged design", result.best), ("the scenario's plant", result.reference),
         ("best's last stage on day one", result.dayOne), ("best's first stage, never expanded", result.firstStageOnly)]
            .compactMap { label, outcome in outcome.map { (label, $0) } }
    }

    /// The page.
    func render() -> String {
        var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>HelioGrid staged sizing — "
            + escape(study.scenario.site.name) + "</title><style>" + ReportHTML.style + "</style></head><body>"
        html += "<h1>Staged sizing</h1><p class=\"lead\">" + escape(study.scenario.site.name) + " · stages in years "
            + study.config.stages.map(String.init).joined(separator: ", ") + " · " + escape(limitsText) + " · "
            + "\(result.outcomes.count) staged designs simulated over \(study.scenario.site.years) years</p>"
        html += "<h2 id=\"compared\">Designs compared</h2><table><thead><tr><th>design</th><th>stages (year: PV kWdc, battery kWh / kW, gensets)</th>"
            + "<th>NPC</th><th>capital, all stages</th><th>worst-year g/kWh</th><th>years failing</th><th>first limit broken</th></tr></thead><tbody>"
        for (label, staged) in compared {
            html += "<tr><th scope=\"row\">" + escape(label) + "</th><td style=\"text-align:left\">" + escape(Self.stages(staged.design)) + "</td><td>"
                + NumberFormat.grouped(staged.outcome.npc) + "</td><td>" + NumberFormat.grouped(StagedSizingFiles.capexTotal(staged)) + "</td><td>"
                + NumberFormat.fixed(staged.outcome.worstYearIntensityGPerKWh, decimals: 1) + "</td><td>"
                + escape(staged.failingYears.isEmpty ? "none" : staged.failingYears.map(String.init).joined(separator: ", ")) + "</td><td style=\"text-align:left\">"
                + escape(staged.outcome.feasible ? "—" : staged.outcome.violation) + "</td></tr>"
        }
        html += "</tbody></table>"
        if let bound = result.bound {
            html += "<p>LP bound (multi-period, relaxed units): NPC " + NumberFormat.grouped(bound.objective)
                + (result.best.map { ", gap " + NumberFormat.fixed(($0.outcome.npc - bound.objective) / $0.outcome.npc * 100, decimals: 1) + " %" } ?? "")
                + "; by stage PV " + bound.pvKW.map(NumberFormat.grouped).joined(separator: " → ") + " kWdc, battery "
                + bound.batteryKWh.map(NumberFormat.grouped).joined(separator: " → ") + " kWh, gensets "
                + bound.dieselUnits.map { NumberFormat.fixed($0, decimals: 2) }.joined(separator: " → ") + ".</p>"
        }
        html += "<h2 id=\"years\">Carbon intensity year by year</h2>" + intensityChart()
        html += "</body></html>\n"
        return html
    }

    /// The limits in words.
    var limitsText: String {
        let config = study.config
        var parts = ["limits in every year: unserved ≤ \(config.maxUnservedFraction)"]
        if let limit = config.maxIntensityGPerKWh { parts.append("intensity ≤ \(NumberFormat.fixed(limit, decimals: 1)) g/kWh") }
        if let floor = config.minRenewableFraction { parts.append("renewable ≥ \(floor)") }
        if config.nPlusOne { parts.append("N + 1 on each year's design day") }
        if config.gensetDuty { parts.append("genset duty") }
        return parts.joined(separator: ", ")
    }

    private func intensityChart() -> String {
        let years = study.scenario.site.years
        let top = max(compared.flatMap(\.outcome.yearIntensityGPerKWh).max() ?? 1, study.config.maxIntensityGPerKWh ?? 0) * 1.1
        var plot = SVGPlot(x: 0.5...(Double(years) + 0.5), y: 0...top)
        plot.axes(xTitle: "project year", yTitle: "gCO2e/kWh", xTicks: (1...years).map { (Double($0), "\($0)") })
        let colors = [ReportCharts.plantColor, ReportCharts.gridColor, ReportCharts.dieselColor, ReportCharts.pvColor]
        for (index, (_, staged)) in compared.enumerated() {
            plot.line(staged.yearIntensityGPerKWh.enumerated().map { (Double($0.offset + 1), $0.element) }, color: colors[index % colors.count], width: 2)
        }
        if let limit = study.config.maxIntensityGPerKWh {
            plot.line([(0.5, limit), (Double(years) + 0.5, limit)], color: ReportCharts.loadColor, dashed: true)
        }
        plot.legend(compared.enumerated().map { ($0.element.label, colors[$0.offset % colors.count]) }
                    + (study.config.maxIntensityGPerKWh == nil ? [] : [("limit", ReportCharts.loadColor)]))
        return plot.svg(title: "Carbon intensity of each project year")
    }

    /// A design's stages: `y1: 60,000 kWdc, 200,000 kWh / 50,000 kW, 10 gensets; y5: …`.
    static func stages(_ design: StagedDesign) -> String {
        design.stageYears.indices.map { index in
            "y\(design.stageYears[index]): " + NumberFormat.grouped(design.pvKW[index]) + " kWdc, " + NumberFormat.grouped(design.batteryKWh[index])
                + " kWh / " + NumberFormat.grouped(design.batteryKW[index]) + " kW, \(design.dieselUnits[index]) gensets"
        }.joined(separator: "; ")
    }

    /// The terminal summary.
    func terminal() -> String {
        var text = "Staged sizing: \(study.scenario.site.name)\n"
        text += "  stages in years \(study.config.stages.map(String.init).joined(separator: ", ")); \(limitsText)\n"
        text += "  \(result.outcomes.count) staged designs simulated over \(study.scenario.site.years) years "
            + "(\(result.outcomes.filter(\.feasible).count) meet the limits) in " + NumberFormat.fixed(result.seconds, decimals: 1) + " s\n"
        for (label, staged) in compared {
            text += "  \(label): NPC \(NumberFormat.grouped(staged.outcome.npc)), worst year "
                + NumberFormat.fixed(staged.outcome.worstYearIntensityGPerKWh, decimals: 1) + " g/kWh"
                + (staged.failingYears.isEmpty ? "" : ", fails in year(s) " + staged.failingYears.map(String.init).joined(separator: ", "))
                + (staged.outcome.feasible ? "" : " (" + staged.outcome.violation + ")")
                + "\n      " + Self.stages(staged.design) + "\n"
        }
        if result.best == nil { text += "  no staged design found meets the limits: widen the [size] lists\n" }
        if let bound = result.bound {
            text += "  LP bound: NPC \(NumberFormat.grouped(bound.objective))"
                + (result.best.map { ", gap " + NumberFormat.fixed(($0.outcome.npc - bound.objective) / $0.outcome.npc * 100, decimals: 1) + " %" } ?? "") + "\n"
        }
        return text
    }
}

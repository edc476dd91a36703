import Foundation
import HelioGrid
import HelioOptimize
import HelioStudy

/// The sizing study's page (`size.html`: the cost–carbon chart with the Pareto front and the best
/// design marked, the ranked designs, the front, the sensitivity cases and the LP bound) and its
/// terminal summary.
struct SizingHTML {
    let study: SizingStudy
    let result: SizingResult
    let reference: SizingOutcome

    /// The page, self-contained (inline SVG and style).
    func render() -> String {
        var html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sizing: " + escape(study.scenario.site.name)
            + "</title><style>" + ReportHTML.style + "</style></head><body><h1>Sizing study</h1><p class=\"lead\">"
            + escape(study.scenario.site.name) + " · \(result.outcomes.count) designs judged with the "
            + escape(study.config.dispatch.rawValue) + " EMS · objective " + escape(study.config.objective.rawValue) + "</p>"
        html += "<h2 id=\"pareto\">Cost against carbon</h2>" + chart()
        html += "<h2 id=\"best\">Best designs</h2>" + table(ranked(15))
        html += "<h2 id=\"front\">Pareto front</h2>" + table(result.pareto.map { result.outcomes[$0] })
        html += "<h2 id=\"reference\">The scenario's own design</h2>" + table([reference])
        if let bound = result.lowerBound {
            html += "<h2 id=\"bound\">LP bound</h2><p>Continuous sizes with perfect-foresight dispatch: PV "
                + NumberFormat.grouped(bound.pvKW) + " kWdc, battery " + NumberFormat.grouped(bound.batteryKWh) + " kWh / "
                + NumberFormat.grouped(bound.batteryKW) + " kW, " + NumberFormat.fixed(bound.dieselUnits, decimals: 2) + " gensets, NPC "
                + NumberFormat.grouped(bound.objective) + "; gap of the best design "
                + (result.gapToBound.map { NumberFormat.fixed($0 * 100, decimals: 1) + " %" } ?? "—") + ".</p>"
        }
        html += "<h2 id=\"cases\">Sensitivity cases</h2><table><thead><tr><th>fuel price</th><th>carbon price</th><th>battery capex</th>"
            + "<th>PV kWdc</th><th>battery kWh</th><th>battery kW</th><th>gensets</th><th>objective</th></tr></thead><tbody>"
        for (index, factors) in study.cases.enumerated() {
            html += "<tr><td>×\(factors.fuelPrice)</td><td>×\(factors.carbonPrice)</td><td>×\(factors.batteryCapex)</td>"
            if let best = result.caseBest[index] {
                let o = result.outcomes[best], d = o.design
                html += "<td>\(NumberFormat.grouped(d.pvKW))</td><td>\(NumberFormat.grouped(d.batteryKWh))</td><td>\(NumberFormat.grouped(d.batteryKW))</td>"
                    + "<td>\(d.dieselUnits) × \(NumberFormat.grouped(d.dieselUnitKW)) kW</td><td>\(NumberFormat.grouped(o.caseObjectives[index]))</td></tr>"
            } else {
                html += "<td colspan=\"5\">no feasible design</td></tr>"
            }
        }
        return html + "</tbody></table></body></html>\n"
    }

    private func ranked(_ count: Int) -> [SizingOutcome] {
        Array(result.outcomes.enumerated().filter { $0.element.feasible }.sorted { a, b in
            a.element.objective != b.element.objective ? a.element.objective < b.element.objective : a.offset < b.offset
        }.prefix(count).map(\.element))
    }

    private func chart() -> String {
        let reliable = result.outcomes.filter { $0.violation.isEmpty || $0.violation.hasPrefix("intensity") || $0.violation.hasPrefix("renewable") }
        guard !reliable.isEmpty else { return "<p>No design meets the reliability limits.</p>" }
        let xs = reliable.map(\.intensityGPerKWh), ys = reliable.map { $0.npc / 1e6 }
        var plot = SVGPlot(x: 0...(xs.max()! * 1.05), y: (ys.min()! * 0.97)...(ys.max()! * 1.02))
        plot.axes(xTitle: "carbon intensity, gCO2e/kWh", yTitle: "NPC, million " + study.scenario.economics.currency,
                  xTicks: SVGPlot.ticks(0...(xs.max()! * 1.05)).map { ($0, SVGPlot.label($0)) })
        for (x, y) in zip(xs, ys) { plot.point(x, y, color: "#b8c4c4", radius: 2) }
        plot.line(result.pareto.map { (result.outcomes[$0].intensityGPerKWh, result.outcomes[$0].npc / 1e6) }, color: "#1b7f79", width: 2)
        if let limit = study.config.maxIntensityGPerKWh { plot.line([(limit, ys.min()! * 0.97), (limit, ys.max()! * 1.02)], color: "#999", dashed: true) }
        if let best = result.best { plot.point(result.outcomes[best].intensityGPerKWh, result.outcomes[best].npc / 1e6, color: "#c0392b", radius: 5) }
        plot.point(reference.intensityGPerKWh, reference.npc / 1e6, color: "#333", radius: 4)
        plot.legend([("designs", "#b8c4c4"), ("Pareto front", "#1b7f79"), ("best", "#c0392b"), ("scenario's design", "#333")])
        return plot.svg(title: "NPC against carbon intensity of every reliable design")
    }

    private func table(_ rows: [SizingOutcome]) -> String {
        var html = "<table><thead><tr><th>PV kWdc</th><th>battery kWh</th><th>battery kW</th><th>gensets</th><th>NPC</th><th>LCOE</th>"
            + "<th>capex</th><th>g/kWh</th><th>renewable</th><th>unserved kWh</th><th>limits</th></tr></thead><tbody>"
        for o in rows {
            let d = o.design
            html += "<tr><td>\(NumberFormat.grouped(d.pvKW))</td><td>\(NumberFormat.grouped(d.batteryKWh))</td><td>\(NumberFormat.grouped(d.batteryKW))</td>"
                + "<td>\(d.dieselUnits) × \(NumberFormat.grouped(d.dieselUnitKW)) kW</td><td>\(NumberFormat.grouped(o.npc))</td>"
                + "<td>\(NumberFormat.fixed(o.lcoePerKWh, decimals: 4))</td><td>\(NumberFormat.grouped(o.capex))</td>"
                + "<td>\(NumberFormat.fixed(o.intensityGPerKWh, decimals: 1))</td><td>\(NumberFormat.fixed(o.renewableFraction * 100, decimals: 1)) %</td>"
                + "<td>\(NumberFormat.grouped(o.unservedKWh))</td><td>" + escape(o.feasible ? "met" : o.violation) + "</td></tr>"
        }
        return html + "</tbody></table>"
    }

    /// The lines `heliogrid size` prints.
    static func terminal(study: SizingStudy, result: SizingResult, reference: SizingOutcome, seconds: Double) -> String {
        func describe(_ o: SizingOutcome) -> String {
            let d = o.design
            let battery = d.batteryKWh > 0 ? " \(d.augmentation.rawValue)" : ""
            return "PV \(NumberFormat.grouped(d.pvKW)) kWdc, battery \(NumberFormat.grouped(d.batteryKWh)) kWh / \(NumberFormat.grouped(d.batteryKW)) kW\(battery), "
                + "\(d.dieselUnits) × \(NumberFormat.grouped(d.dieselUnitKW)) kW gensets: NPC \(NumberFormat.grouped(o.npc)), "
                + "\(NumberFormat.fixed(o.intensityGPerKWh, decimals: 1)) g/kWh, unserved \(NumberFormat.grouped(o.unservedKWh)) kWh"
        }
        var text = "Sizing study: \(study.scenario.site.name)\n"
        text += "  \(result.outcomes.count) designs (\(result.outcomes.filter(\.feasible).count) feasible), "
            + String(format: "evaluated in %.1f s, %.0f designs/s", seconds, seconds > 0 ? Double(result.outcomes.count) / seconds : 0) + "\n"
        text += "  judged over \(study.config.years) simulated year(s), limits on the \(study.config.limitBasis == .worstYear ? "worst year" : "years together")"
        if study.config.screensDesigns {
            text += "; screened with \(study.screening.rawValue), the best \(result.outcomes.filter { $0.dispatch == study.config.dispatch }.count) "
                + "verified with \(study.config.dispatch.rawValue), which decides"
        }
        text += "\n"
        if let probability = study.config.limitProbability {
            text += "  and on the plant of its worst year in \(Int((probability * 100).rounded())) % of \(study.ensembleYears) weather years\n"
        }
        text += "  best:      " + (result.best.map { describe(result.outcomes[$0]) } ?? "no design meets the limits") + "\n"
        if let best = result.best, let ensemble = result.outcomes[best].ensemble {
            text += "             weather years: limits met in " + NumberFormat.fixed(ensemble.shareMet * 100, decimals: 0) + " %, intensity P50 "
                + NumberFormat.fixed(ensemble.intensityP50GPerKWh, decimals: 1) + " / P90 " + NumberFormat.fixed(ensemble.intensityP90GPerKWh, decimals: 1)
                + " g/kWh, fuel P90 " + NumberFormat.grouped(ensemble.fuelP90L) + " L/yr\n"
        }
        text += "  scenario:  " + describe(reference) + (reference.feasible ? "" : " (" + reference.violation + ")") + "\n"
        if let bound = result.lowerBound {
            text += "  LP bound:  PV \(NumberFormat.grouped(bound.pvKW)) kWdc, battery \(NumberFormat.grouped(bound.batteryKWh)) kWh / "
                + "\(NumberFormat.grouped(bound.batteryKW)) kW, \(NumberFormat.fixed(bound.dieselUnits, decimals: 2)) gensets: NPC \(NumberFormat.grouped(bound.objective))"
                + (result.gapToBound.map { ", gap " + NumberFormat.fixed($0 * 100, decimals: 1) + " %" } ?? "")
                + ", solved in " + NumberFormat.fixed(bound.solveSeconds, decimals: 1) + " s\n"
        }
        for cause in result.gap?.causes ?? [] {
            text += "    gap, \(cause.name): \(NumberFormat.grouped(cause.amount))\n"
        }
        text += "  Pareto front: \(result.pareto.count) designs from "
            + (result.pareto.first.map { NumberFormat.fixed(result.outcomes[$0].intensityGPerKWh, decimals: 1) } ?? "—") + " to "
            + (result.pareto.last.map { NumberFormat.fixed(result.outcomes[$0].intensityGPerKWh, decimals: 1) } ?? "—") + " g/kWh\n"
        return text
    }
}

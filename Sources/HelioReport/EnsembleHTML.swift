import Foundation
import HelioGrid
import HelioStudy

/// `ensemble.html`: the ensemble's page — the statistics table, an exceedance chart per key figure
/// (the share of weather years doing worse than each value, so P90 is read where the curve crosses
/// 10 %), and the darkest week.
struct EnsembleHTML {
    let study: EnsembleStudy
    let result: EnsembleResult

    /// The figures charted, by key.
    static let charted = ["pv_yield_kwh_per_kwp", "fuel_l", "intensity_g_per_kwh", "unserved_kwh", "npc", "worst_week_fuel_l"]

    /// The page, self-contained (inline SVG and style).
    func render() -> String {
        let name = escape(study.scenario.site.name)
        var html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ensemble: " + name + "</title><style>"
            + ReportHTML.style + "</style></head><body><h1>Weather ensemble</h1><p class=\"lead\">" + name + " · "
            + "\(result.members.count) weather years · " + escape(study.scenario.dispatch.strategy.rawValue) + " dispatch over "
            + "\(study.scenario.site.years) year(s) each</p>"
        html += "<h2 id=\"statistics\">Figures across the years</h2>" + table()
        html += "<p>Pxx is the value the campus does no worse than in xx % of the weather years: a yield exceeded, a cost or "
            + "an emission not exceeded. Energy figures are the first year's; costs are over the project.</p>"
        html += "<h2 id=\"exceedance\">Exceedance</h2>"
        for key in Self.charted { if let statistic = result.statistic(key) { html += chart(statistic) } }
        html += "<h2 id=\"darkest-week\">The darkest week</h2>" + darkestWeek()
        return html + "</body></html>\n"
    }

    private func table() -> String {
        var rows = "<table><tr><th>figure</th><th>unit</th><th>mean</th><th>P10</th><th>P50</th><th>P90</th><th>P99</th></tr>"
        for s in result.statistics {
            rows += "<tr><td>" + escape(s.label) + "</td><td>" + escape(s.unit) + "</td>"
                + ([s.mean] + s.values).map { "<td class=\"num\">" + EnsembleFiles.format($0, key: s.key) + "</td>" }.joined() + "</tr>"
        }
        return rows + "</table>"
    }

    /// The share of years (per cent) doing worse than x: above x for costs, below x for yields.
    private func chart(_ statistic: EnsembleStatistic) -> String {
        let values = result.members.map { member in value(of: statistic.key, member) }.sorted()
        guard let first = values.first, let last = values.last, last > first else {
            return "<p>" + escape(statistic.label.prefix(1).uppercased() + statistic.label.dropFirst()) + ": "
                + EnsembleFiles.format(values.first ?? 0, key: statistic.key) + " " + escape(statistic.unit) + " in every weather year.</p>"
        }
        let count = Double(values.count)
        let points = values.enumerated().map { index, value -> (Double, Double) in
            let worse = statistic.higherIsBetter ? Double(index) / count : Double(values.count - index - 1) / count
            return (value, worse * 100)
        }
        let low = first, high = last
        var plot = SVGPlot(width: 1000, height: 260, x: low...high, y: 0...100)
        let unit = statistic.unit.isEmpty ? "" : " (\(statistic.unit))"
        plot.axes(xTitle: statistic.label + unit, yTitle: "% of years worse",
                  xTicks: SVGPlot.ticks(low...high).map { ($0, SVGPlot.label($0)) })
        plot.line(points, color: ReportCharts.loadColor, width: 2)
        plot.line([(statistic.p90, 0), (statistic.p90, 100)], color: ReportCharts.plantColor, width: 1, dashed: true)
        plot.legend([("weather years", ReportCharts.loadColor), ("P90", ReportCharts.plantColor)])
        return plot.svg(title: statistic.label.prefix(1).uppercased() + statistic.label.dropFirst())
    }

    private func value(of key: String, _ m: EnsembleMember) -> Double {
        switch key {
        case "pv_yield_kwh_per_kwp": return m.pvYieldKWhPerKWp
        case "fuel_l": return m.fuelL
        case "intensity_g_per_kwh": return m.intensityGPerKWh
        case "unserved_kwh": return m.unservedKWh
        case "npc": return m.npc
        default: return m.worstWeek.fuelL
        }
    }

    private func darkestWeek() -> String {
        let dark = result.darkestWeekMember, week = dark.worstWeek
        var text = "<p>" + escape(dark.label) + ", days \(week.firstDay)–\(week.firstDay + 6) of its first year: "
            + NumberFormat.grouped(week.pvAvailableKWh / 1000) + " MWh of PV available, " + NumberFormat.grouped(week.dieselKWh / 1000)
            + " MWh from the gensets burning " + NumberFormat.grouped(week.fuelL) + " L, " + NumberFormat.grouped(week.unservedKWh)
            + " kWh not served."
        if let tankEnd = week.tankEndL, let tank = study.scenario.reliability?.fuelTankL {
            text += " A " + NumberFormat.grouped(tank) + " L tank full at its start " + (tankEnd >= 0
                ? "ends it at " + NumberFormat.grouped(tankEnd) + " L without a delivery."
                : "runs dry without a delivery, " + NumberFormat.grouped(-tankEnd) + " L short.")
        }
        return text + "</p>"
    }
}

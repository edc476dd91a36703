import Foundation
import HelioGrid
import HelioStudy

/// The inline SVG charts of `report.html`, each drawn from the run's series or from the report's
/// JSON documents.
enum ReportCharts {
    static let pvColor = "#f2a900", batteryColor = "#2a9d8f", dieselColor = "#6c757d", gridColor = "#264653"
    static let loadColor = "#d62828", baselineColor = "#6c757d", plantColor = "#2a9d8f"
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Monthly energy into the bus by source, stacked bars (MWh).
    static func monthlyEnergy(_ months: [MonthlyEnergy]) -> String {
        let totals = months.map { $0.pvMWh + $0.batteryDischargeMWh + $0.dieselMWh + $0.gridImportMWh }
        var plot = SVGPlot(x: 0...12, y: 0...((totals.max() ?? 1) * 1.08))
        plot.axes(xTitle: "month", yTitle: "MWh", xTicks: months.indices.map { (Double($0) + 0.5, monthNames[$0]) })
        let sources: [(label: String, color: String, mwh: [Double])] = [
            ("PV", pvColor, months.map(\.pvMWh)), ("battery discharge", batteryColor, months.map(\.batteryDischargeMWh)),
            ("gensets", dieselColor, months.map(\.dieselMWh)), ("grid import", gridColor, months.map(\.gridImportMWh)),
        ]
        for index in months.indices {
            var base = 0.0
            for source in sources {
                plot.bar(x0: Double(index) + 0.15, x1: Double(index) + 0.85, y0: base, y1: base + source.mwh[index], color: source.color)
                base += source.mwh[index]
            }
        }
        plot.legend(present(sources.map { ($0.label, $0.color, $0.mwh) }))
        return plot.svg(title: "Monthly energy by source")
    }

    static let curtailedColor = "#f7d88a", exportColor = "#8ab17d"

    /// A week of dispatch from `firstDay` (day of year, 0-based): the sources stacked above zero (PV
    /// used, the PV curtailed above it, battery discharge, gensets, grid import), the sinks below it
    /// (battery charging, export), the load as a line, dates and hours on the x axis; then the state
    /// of charge on its own 0–100 % axis below.
    static func week(_ series: StepSeries, axis: TimeAxis, firstDay: Int, title: String) -> String {
        let first = firstDay * 1440 / axis.stepMinutes, count = min(7 * 1440 / axis.stepMinutes, series.count - first)
        let steps = first..<(first + count)
        let hours = steps.map { Double($0 - first) * axis.stepHours }
        let above: [([Double], String)] = [
            (steps.map { series.pvKW[$0] / 1000 }, pvColor), (steps.map { series.curtailedKW[$0] / 1000 }, curtailedColor),
            (steps.map { max(0, series.batteryKW[$0]) / 1000 }, batteryColor), (steps.map { series.dieselKW[$0] / 1000 }, dieselColor),
            (steps.map { max(0, series.gridKW[$0]) / 1000 }, gridColor),
        ]
        let below: [([Double], String)] = [
            (steps.map { min(0, series.batteryKW[$0]) / 1000 }, batteryColor), (steps.map { min(0, series.gridKW[$0]) / 1000 }, exportColor),
        ]
        let load = steps.map { series.loadKW[$0] / 1000 }
        let top = max(load.max() ?? 1, (0..<count).map { i in above.reduce(0) { $0 + $1.0[i] } }.max() ?? 1) * 1.08
        let bottom = min(0, (0..<count).map { i in below.reduce(0) { $0 + $1.0[i] } }.min() ?? 0) * 1.08
        let span = 0...(Double(count) * axis.stepHours)
        var plot = SVGPlot(x: span, y: bottom...top)
        plot.axes(xTitle: "local standard time", yTitle: "MW (charging and export below zero)", xTicks: dayTicks(firstDay: firstDay))
        for (stack, sign) in [(above, 1.0), (below, -1.0)] {
            var edge = [Double](repeating: 0, count: count)
            for (values, color) in stack {
                let next = zip(edge, values).map { $0 + $1 }
                plot.band(xs: hours, lower: sign > 0 ? edge : next, upper: sign > 0 ? next : edge, color: color)
                edge = next
            }
        }
        plot.line(Array(zip(hours, load)), color: loadColor, width: 2)
        let battery = zip(above[2].0, below[0].0).map { $0 - $1 }
        plot.legend(present([("PV", pvColor, above[0].0), ("PV curtailed", curtailedColor, above[1].0), ("battery", batteryColor, battery),
                             ("gensets", dieselColor, above[3].0), ("grid import", gridColor, above[4].0), ("export", exportColor, below[1].0),
                             ("load", loadColor, load)]))
        var soc = SVGPlot(height: 150, x: span, y: 0...100)
        soc.axes(xTitle: "local standard time", yTitle: "SOC %", xTicks: dayTicks(firstDay: firstDay))
        soc.line(Array(zip(hours, steps.map { series.soc[$0] * 100 })), color: "#000", width: 1.5)
        return plot.svg(title: title) + soc.svg(title: title + ": battery state of charge")
    }

    /// The legend entries whose series is not zero throughout: no "grid import" key on an islanded
    /// campus's chart, no "PV curtailed" in a week without curtailment.
    static func present(_ entries: [(label: String, color: String, values: [Double])]) -> [(String, String)] {
        entries.filter { $0.values.contains { $0 != 0 } }.map { ($0.label, $0.color) }
    }

    /// Ticks for a week from `firstDay`: the date at each midnight and the hour at each noon.
    static func dayTicks(firstDay: Int) -> [(Double, String)] {
        (0..<7).flatMap { day -> [(Double, String)] in
            let (month, date) = CivilCalendar.monthAndDay(dayOfYear: (firstDay + day) % 365)
            return [(Double(day) * 24, "\(date) \(monthNames[month - 1])"), (Double(day) * 24 + 12, "12:00")]
        }
    }

    /// The ±20 % sensitivity as a tornado: for each assumption, the plant's NPC with it lowered and
    /// raised, as bars from the base NPC, widest on top.
    static func tornado(_ cases: [SensitivityCase], baseNPC: Double, currency: String) -> String {
        let rows = cases.sorted { abs($0.npcHigh - $0.npcLow) > abs($1.npcHigh - $1.npcLow) }
        let changes = rows.flatMap { [($0.npcLow - baseNPC) / 1e6, ($0.npcHigh - baseNPC) / 1e6] }
        let reach = max(changes.map(abs).max() ?? 1, 1e-9) * 1.15
        var plot = SVGPlot(height: 70 + 34 * Double(rows.count), x: -reach...reach, y: 0...Double(max(rows.count, 1)))
        plot.axes(xTitle: "NPC change from \(NumberFormat.grouped(baseNPC / 1e6)) million \(currency), million \(currency)", yTitle: "",
                  xTicks: SVGPlot.ticks(-reach...reach, count: 8).map { ($0, SVGPlot.label($0)) })
        for (index, row) in rows.enumerated() {
            let y = Double(rows.count - index) - 0.5
            plot.bar(x0: min(0, (row.npcLow - baseNPC) / 1e6), x1: max(0, (row.npcLow - baseNPC) / 1e6), y0: y - 0.3, y1: y + 0.3, color: baselineColor)
            plot.bar(x0: min(0, (row.npcHigh - baseNPC) / 1e6), x1: max(0, (row.npcHigh - baseNPC) / 1e6), y0: y - 0.3, y1: y + 0.3, color: plantColor)
            plot.text(row.parameter.replacingOccurrences(of: "_", with: " "), -reach * 0.98, y)
        }
        plot.line([(0, 0), (0, Double(rows.count))], color: "#555", width: 1)
        plot.legend([("assumption −20 %", baselineColor), ("assumption +20 %", plantColor)])
        return plot.svg(title: "Sensitivity of the plant's NPC (tornado)")
    }

    /// State of charge, day (x) × hour of day (y), hourly means of the first simulated year.
    static func socHeatMap(_ series: StepSeries, axis: TimeAxis) -> String {
        let stepsPerHour = max(1, 60 / axis.stepMinutes), cell = 2.0, rowHeight = 8.0, left = 40.0, top = 10.0
        var body = ""
        body.reserveCapacity(8760 * 70)
        for day in 0..<365 {
            for hour in 0..<24 {
                let first = (day * 24 + hour) * stepsPerHour
                guard first + stepsPerHour <= series.count else { continue }
                let mean = (first..<(first + stepsPerHour)).reduce(0) { $0 + series.soc[$1] } / Double(stepsPerHour)
                body += "<rect x=\"\(Double(day) * cell + left)\" y=\"\(Double(hour) * rowHeight + top)\" width=\"2\" height=\"8\" fill=\"\(color(soc: mean))\"/>"
            }
        }
        for hour in stride(from: 0, through: 24, by: 6) {
            body += "<text x=\"\(left - 6)\" y=\"\(Double(hour) * rowHeight + top + 4)\" text-anchor=\"end\">\(hour):00</text>"
        }
        for (index, name) in monthNames.enumerated() {
            body += "<text x=\"\(Double(CivilCalendar.monthStartDay[index]) * cell + left)\" y=\"\(24 * rowHeight + top + 16)\">\(name)</text>"
        }
        for (index, soc) in [0.0, 0.25, 0.5, 0.75, 1.0].enumerated() {
            let x = left + 740 + 0, y = top + Double(index) * 36
            body += "<rect x=\"\(x)\" y=\"\(y)\" width=\"14\" height=\"14\" fill=\"\(color(soc: soc))\"/><text x=\"\(x + 18)\" y=\"\(y + 11)\">\(Int(soc * 100)) %</text>"
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 840 230\" width=\"840\" height=\"230\" role=\"img\" "
            + "font-size=\"11\" font-family=\"sans-serif\"><title>State of charge by day and hour</title>\(body)</svg>"
    }

    /// Viridis-like ramp (dark purple at 0, teal at 0.5, yellow at 1).
    static func color(soc: Double) -> String {
        let stops: [(Double, (Double, Double, Double))] = [(0, (68, 1, 84)), (0.5, (33, 145, 140)), (1, (253, 231, 37))]
        let value = min(1, max(0, soc))
        let upper = stops.firstIndex { $0.0 >= value } ?? 2, lower = max(0, upper - 1)
        let span = stops[upper].0 - stops[lower].0, t = span > 0 ? (value - stops[lower].0) / span : 0
        let a = stops[lower].1, b = stops[upper].1
        let channels = [a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t, a.2 + (b.2 - a.2) * t].map { Int($0.rounded()) }
        return "rgb(\(channels[0]),\(channels[1]),\(channels[2]))"
    }

    /// Carbon intensity of the power used, sorted from highest to lowest over the hours of the run.
    static func intensityDurationCurve(_ intensities: [Float], stepHours: Double) -> String {
        let sorted = intensities.sorted(by: >).map(Double.init)
        let stride = max(1, sorted.count / 1000)
        let points = Swift.stride(from: 0, to: sorted.count, by: stride).map { (Double($0) * stepHours, sorted[$0]) }
            + [(Double(sorted.count) * stepHours, sorted.last ?? 0)]
        let hours = Double(sorted.count) * stepHours
        var plot = SVGPlot(x: 0...hours, y: 0...((sorted.first ?? 1) * 1.08))
        plot.axes(xTitle: "hours at or above the intensity", yTitle: "gCO2e/kWh",
                  xTicks: SVGPlot.ticks(0...hours).map { ($0, NumberFormat.grouped($0)) })
        plot.line(points, color: loadColor, width: 2)
        return plot.svg(title: "Carbon-intensity duration curve")
    }

    /// Yearly net cash flows (undiscounted) of the plant and of diesel-only, side by side.
    static func cashFlows(plant: [CashFlowYear], baseline: [CashFlowYear], currency: String) -> String {
        let values = (plant + baseline).map { $0.total / 1e6 }
        var plot = SVGPlot(x: 0...Double(plant.count), y: min(0, values.min() ?? 0)...((values.max() ?? 1) * 1.08))
        plot.axes(xTitle: "project year", yTitle: "million \(currency)",
                  xTicks: plant.indices.filter { $0 % 2 == 0 }.map { (Double($0) + 0.5, "\($0)") })
        for (index, (own, other)) in zip(plant, baseline).enumerated() {
            plot.bar(x0: Double(index) + 0.1, x1: Double(index) + 0.5, y0: 0, y1: own.total / 1e6, color: plantColor)
            plot.bar(x0: Double(index) + 0.5, x1: Double(index) + 0.9, y0: 0, y1: other.total / 1e6, color: baselineColor)
        }
        plot.legend([("PV + battery + diesel", plantColor), ("diesel only", baselineColor)])
        return plot.svg(title: "Yearly cash flows")
    }

    /// A campus that grows: each year's served energy by origin, stacked (GWh) — PV direct or through
    /// the battery, with any grid imports (served less gensets), then gensets — with the unserved load
    /// above it in red and the load as a line, so the bars meet the line when all is served.
    static func campusEnergy(_ years: [SummaryReport.Year]) -> String {
        let top = (years.map(\.loadKWh).max() ?? 1) / 1e6 * 1.1
        var plot = SVGPlot(x: 0...Double(years.count), y: 0...top)
        plot.axes(xTitle: "project year", yTitle: "GWh", xTicks: years.indices.map { (Double($0) + 0.5, "\(years[$0].year)") })
        for (index, year) in years.enumerated() {
            let diesel = year.dieselKWh / 1e6, served = year.servedKWh / 1e6, renewable = max(0, served - diesel)
            let (x0, x1) = (Double(index) + 0.15, Double(index) + 0.85)
            plot.bar(x0: x0, x1: x1, y0: 0, y1: renewable, color: pvColor)
            plot.bar(x0: x0, x1: x1, y0: renewable, y1: renewable + diesel, color: dieselColor)
            plot.bar(x0: x0, x1: x1, y0: served, y1: served + year.unservedKWh / 1e6, color: loadColor)
        }
        plot.line(years.enumerated().flatMap { index, year in
            [(Double(index) + 0.05, year.loadKWh / 1e6), (Double(index) + 0.95, year.loadKWh / 1e6)]
        }, color: "#222", width: 1.2)
        plot.legend([("PV direct and through the battery (and grid imports)", pvColor), ("gensets", dieselColor), ("unserved", loadColor), ("load", "#222")])
        return plot.svg(title: "Energy served by origin, year by year")
    }

    /// A campus that grows: each year's carbon intensity (line, g/kWh) and the capital spent in it
    /// (bars, scaled to the same axis' height and labelled in millions).
    static func campusIntensity(_ years: [SummaryReport.Year], capexCurrency currency: String) -> String {
        let top = (years.map(\.intensity).max() ?? 1) * 1.15
        var plot = SVGPlot(x: 0...Double(years.count), y: 0...top)
        plot.axes(xTitle: "project year", yTitle: "gCO2e/kWh", xTicks: years.indices.map { (Double($0) + 0.5, "\(years[$0].year)") })
        let largestCapex = years.compactMap(\.capex).max() ?? 0
        for (index, year) in years.enumerated() where (year.capex ?? 0) > 0 && largestCapex > 0 {
            let height = (year.capex ?? 0) / largestCapex * top * 0.5
            plot.bar(x0: Double(index) + 0.3, x1: Double(index) + 0.7, y0: 0, y1: height, color: plantColor)
            plot.text(NumberFormat.fixed((year.capex ?? 0) / 1e6, decimals: 1) + " M", Double(index) + 0.5, height + top * 0.05, anchor: "middle")
        }
        plot.line(years.enumerated().map { (Double($0.offset) + 0.5, $0.element.intensity) }, color: loadColor, width: 2)
        plot.legend([("intensity", loadColor), ("capital spent (\(currency), height relative)", plantColor)])
        return plot.svg(title: "Carbon intensity and capital spent, year by year")
    }

    /// Energy + carbon cost per MWh against the carbon price, plant and diesel-only.
    static func costVersusCarbonPrice(_ points: [CarbonTariffPoint], currency: String) -> String {
        let prices = points.map(\.carbonPricePerT)
        let top = points.map { max($0.plantTotalPerMWh, $0.baselineTotalPerMWh) }.max() ?? 1
        var plot = SVGPlot(x: (prices.first ?? 0)...(prices.last ?? 1), y: 0...(top * 1.08))
        plot.axes(xTitle: "carbon price, \(currency)/tCO2e", yTitle: "\(currency)/MWh", xTicks: points.map { ($0.carbonPricePerT, SVGPlot.label($0.carbonPricePerT)) })
        plot.line(points.map { ($0.carbonPricePerT, $0.plantTotalPerMWh) }, color: plantColor, width: 2.5)
        plot.line(points.map { ($0.carbonPricePerT, $0.baselineTotalPerMWh) }, color: baselineColor, width: 2.5)
        plot.legend([("PV + battery + diesel", plantColor), ("diesel only", baselineColor)])
        return plot.svg(title: "Cost per MWh against the carbon price")
    }
}

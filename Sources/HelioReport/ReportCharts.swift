import Foundation
import HelioGrid

/// The inline SVG charts of `report.html`, each drawn from the run's series or from the report's
/// JSON documents.
enum ReportCharts {
    static let pvColor = "#f2a900", batteryColor = "#2a9d8f", dieselColor = "#6c757d", gridColor = "#264653"
    static let loadColor = "#d62828", baselineColor = "#6c757d", plantColor = "#2a9d8f"
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Monthly energy into the bus by source, stacked bars (MWh).
    static func monthlyEnergy(_ months: [KPIDocument.Month]) -> String {
        let totals = months.map { $0.pvMWh + $0.batteryDischargeMWh + $0.dieselMWh + $0.gridImportMWh }
        var plot = SVGPlot(x: 0...12, y: 0...((totals.max() ?? 1) * 1.08))
        plot.axes(xTitle: "month", yTitle: "MWh", xTicks: months.indices.map { (Double($0) + 0.5, monthNames[$0]) })
        for (index, month) in months.enumerated() {
            var base = 0.0
            for (value, color) in [(month.pvMWh, pvColor), (month.batteryDischargeMWh, batteryColor),
                                   (month.dieselMWh, dieselColor), (month.gridImportMWh, gridColor)] {
                plot.bar(x0: Double(index) + 0.15, x1: Double(index) + 0.85, y0: base, y1: base + value, color: color)
                base += value
            }
        }
        plot.legend([("PV", pvColor), ("battery discharge", batteryColor), ("gensets", dieselColor), ("grid import", gridColor)])
        return plot.svg(title: "Monthly energy by source")
    }

    /// A week of dispatch from `firstDay`: supply stacked (PV, battery, gensets, grid) with the load
    /// line and state of charge (dashed, right scale as % of the load axis top).
    static func week(_ series: StepSeries, axis: TimeAxis, firstDay: Int, title: String) -> String {
        let first = firstDay * 1440 / axis.stepMinutes, count = min(7 * 1440 / axis.stepMinutes, series.count - first)
        let steps = first..<(first + count)
        let hours = steps.map { Double($0 - first) * axis.stepHours }
        let columns: [([Double], String)] = [
            (steps.map { series.pvKW[$0] / 1000 }, pvColor), (steps.map { max(0, series.batteryKW[$0]) / 1000 }, batteryColor),
            (steps.map { series.dieselKW[$0] / 1000 }, dieselColor), (steps.map { max(0, series.gridKW[$0]) / 1000 }, gridColor),
        ]
        let load = steps.map { series.loadKW[$0] / 1000 }
        let peak = max(load.max() ?? 1, (0..<count).map { i in columns.reduce(0) { $0 + $1.0[i] } }.max() ?? 1) * 1.1
        var plot = SVGPlot(x: 0...(Double(count) * axis.stepHours), y: 0...peak)
        plot.axes(xTitle: "day of the week (SOC dashed, 0–100 % of the axis)", yTitle: "MW",
                  xTicks: (0..<7).map { (Double($0) * 24 + 12, "day \($0 + 1)") })
        var lower = [Double](repeating: 0, count: count)
        for (values, color) in columns {
            let upper = zip(lower, values).map { $0 + $1 }
            plot.band(xs: hours, lower: lower, upper: upper, color: color)
            lower = upper
        }
        plot.line(Array(zip(hours, load)), color: loadColor, width: 2)
        plot.line(Array(zip(hours, steps.map { series.soc[$0] * peak })), color: "#000", width: 1, dashed: true)
        plot.legend([("PV", pvColor), ("battery", batteryColor), ("gensets", dieselColor), ("grid", gridColor), ("load", loadColor)])
        return plot.svg(title: title)
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

import Foundation
import HelioStudy

/// The reliability charts of `report.html`: how often a sample-year loses load, and the probability
/// of riding through a grid outage of each length.
enum ReliabilityCharts {
    /// The exceedance curve of a year's loss-of-load hours: for each x, the share of sample-years
    /// (per cent) that lost load for more than x hours, read from `samples` (reliability-samples.csv).
    static func lossOfLoadExceedance(_ samples: [ReliabilitySample]) -> String {
        let points = exceedancePoints(samples.map(\.lossOfLoadHours))
        let top = max(points.last?.0 ?? 0, 1)
        var plot = SVGPlot(x: 0...top, y: 0...max((points.first?.1 ?? 0) * 1.1, 1))
        plot.axes(xTitle: "hours of lost load in a year", yTitle: "% of sample-years above",
                  xTicks: SVGPlot.ticks(0...top).map { ($0, SVGPlot.label($0)) })
        plot.line(points, color: ReportCharts.loadColor, width: 2)
        return plot.svg(title: "Sample-years losing load for more than x hours")
    }

    /// Probability (per cent) of carrying the full load through a grid outage of each length, with
    /// its 95 % interval as a band.
    static func outageSurvival(_ points: [OutageSurvivalPoint]) -> String {
        let hours = points.map { Double($0.hours) }
        let lowest = points.map { max(0, $0.probability - $0.ci95) * 100 }.min() ?? 0
        var plot = SVGPlot(x: 0...max(hours.last ?? 1, 1), y: (lowest < 90 ? 0 : 90)...100)
        plot.axes(xTitle: "outage length, hours", yTitle: "% of start hours survived",
                  xTicks: SVGPlot.ticks(0...max(hours.last ?? 1, 1)).map { ($0, SVGPlot.label($0)) })
        plot.band(xs: hours, lower: points.map { max(0, $0.probability - $0.ci95) * 100 },
                  upper: points.map { min(1, $0.probability + $0.ci95) * 100 }, color: "#2a9d8f33")
        plot.line(points.map { (Double($0.hours), $0.probability * 100) }, color: ReportCharts.plantColor, width: 2)
        for point in points { plot.point(Double(point.hours), point.probability * 100, color: ReportCharts.plantColor) }
        return plot.svg(title: "Grid outage survival")
    }

    /// The exceedance curve of `hours` as a step line: (x, per cent of values above x), from x = 0
    /// through every distinct positive value.
    static func exceedancePoints(_ hours: [Double]) -> [(Double, Double)] {
        let sorted = hours.sorted(), count = Double(max(hours.count, 1))
        var index = sorted.firstIndex { $0 > 0 } ?? sorted.count
        var points = [(0.0, Double(sorted.count - index) / count * 100)]
        while index < sorted.count {
            let value = sorted[index]
            while index < sorted.count, sorted[index] == value { index += 1 }
            points.append((value, points[points.count - 1].1))
            points.append((value, Double(sorted.count - index) / count * 100))
        }
        return points
    }
}

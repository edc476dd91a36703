import Foundation
import HelioGrid
import HelioTransients

/// `transients.html`: the transient study's page — the power the IT load, the gensets and the
/// battery carry over the window and over a few training periods, the bus frequency with the target
/// class's limits, and the figures of both runs and the sizing rule.
struct TransientsHTML {
    let study: TransientsStudy

    static let itColor = "#d62828", unsmoothedColor = "#adb5bd", gensetColor = "#6c757d", batteryColor = "#2a9d8f", pvColor = "#f2a900"

    /// The page, self-contained (inline SVG and style).
    func render() -> String {
        let model = study.model, window = Double(model.count) * model.stepSeconds
        let zoomEnd = min(window, model.config.periodS * 4)
        var html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Transients: " + escape(study.scenario.site.name)
            + "</title><style>" + ReportHTML.style + "</style></head><body><h1>Transients below one second</h1><p class=\"lead\">"
            + escape(study.scenario.site.name) + " · operating point " + escape(model.point.timestamp) + " · "
            + NumberFormat.fixed(window, decimals: 0) + " s at " + NumberFormat.fixed(model.stepSeconds * 1000, decimals: 2) + " ms · smoothing "
            + escape(model.config.policy.rawValue) + "</p>"
        html += "<h2 id=\"power\">Power over the window</h2>" + power(0, window)
        html += "<h2 id=\"zoom\">The first training periods</h2>" + power(0, zoomEnd)
        html += "<h2 id=\"frequency\">Bus frequency</h2>" + frequency()
        html += "<h2 id=\"figures\">Figures</h2>" + figures()
        return html + "</body></html>\n"
    }

    /// The power chart from `from` to `to` seconds into the window.
    func power(_ from: Double, _ to: Double) -> String {
        let smoothed = study.smoothed, plain = study.unsmoothed
        let lines: [([Double], String, String)] = [
            (plain.gensetKW, Self.unsmoothedColor, "gensets, unsmoothed"), (smoothed.itKW, Self.itColor, "IT load"),
            (smoothed.gensetKW, Self.gensetColor, "gensets, smoothed"), (smoothed.bessKW, Self.batteryColor, "battery (discharge +)"),
            (smoothed.pvKW, Self.pvColor, "PV"),
        ]
        let range = indices(from, to)
        let values = lines.flatMap { line in range.map { line.0[$0] / 1000 } }
        var plot = SVGPlot(width: 1000, height: 300, x: from...to, y: min(0, values.min() ?? 0)...((values.max() ?? 1) * 1.08))
        plot.axes(xTitle: "seconds into the window", yTitle: "MW", xTicks: SVGPlot.ticks(from...to, count: 10).map { ($0, SVGPlot.label($0)) })
        for (series, color, _) in lines { plot.line(envelope(series, range, scale: 1e-3), color: color, width: 1.2) }
        plot.legend(lines.map { ($0.2, $0.1) })
        return plot.svg(title: "Power from \(SVGPlot.label(from)) to \(SVGPlot.label(to)) s")
    }

    /// The frequency chart with the target class's dip and rise limits.
    func frequency() -> String {
        let model = study.model, nominal = model.config.nominalHz, limits = ISO8528Limits(model.config.targetClass)
        let range = indices(0, Double(model.count) * model.stepSeconds)
        let all = study.unsmoothed.frequencyHz + study.smoothed.frequencyHz
        let low = min(all.min() ?? nominal, nominal * (1 - limits.dipPercent / 100)), high = max(all.max() ?? nominal, nominal * (1 + limits.risePercent / 100))
        let end = Double(model.count) * model.stepSeconds
        var plot = SVGPlot(width: 1000, height: 300, x: 0...end, y: (low - 0.2)...(high + 0.2))
        plot.axes(xTitle: "seconds into the window", yTitle: "Hz", xTicks: SVGPlot.ticks(0...end, count: 10).map { ($0, SVGPlot.label($0)) })
        plot.line(envelope(study.unsmoothed.frequencyHz, range, scale: 1), color: Self.unsmoothedColor, width: 1.2)
        plot.line(envelope(study.smoothed.frequencyHz, range, scale: 1), color: Self.gensetColor, width: 1.2)
        for limit in [nominal * (1 - limits.dipPercent / 100), nominal * (1 + limits.risePercent / 100)] {
            plot.line([(0, limit), (end, limit)], color: Self.itColor, width: 1, dashed: true)
        }
        plot.legend([("unsmoothed", Self.unsmoothedColor), ("smoothed", Self.gensetColor), ("\(limits.performanceClass.rawValue) dip and rise limits", Self.itColor)])
        return plot.svg(title: "Bus frequency")
    }

    private func figures() -> String {
        let rows: [(String, (TransientOutcome) -> String)] = [
            ("largest genset ramp step to step, kW/s", { NumberFormat.grouped($0.maxGensetRampKWPerS) }),
            ("largest genset ramp over 1 s, kW/s", { NumberFormat.grouped($0.maxGensetRamp1sKWPerS) }),
            ("frequency nadir, Hz", { NumberFormat.fixed($0.frequency.nadirHz, decimals: 3) }),
            ("frequency peak, Hz", { NumberFormat.fixed($0.frequency.peakHz, decimals: 3) }),
            ("steady-state band, %", { NumberFormat.fixed($0.frequency.steadyBandPercent, decimals: 2) }),
            ("recovery into ±1 %, s", { NumberFormat.fixed($0.frequency.recoveryS, decimals: 3) }),
            ("ISO 8528-5 class met", { $0.frequency.classMet?.rawValue ?? "none" }),
            ("in-band fraction, IT", { NumberFormat.fixed($0.itInBandFraction, decimals: 3) }),
            ("in-band fraction, gensets", { NumberFormat.fixed($0.gensetInBandFraction, decimals: 3) }),
            ("battery smoothing peak, kW", { NumberFormat.grouped($0.smoothingPeakKW) }),
            ("battery smoothing energy, kWh", { NumberFormat.fixed($0.smoothingEnergyKWh, decimals: 2) }),
            ("GPU energy burned, kWh", { NumberFormat.fixed($0.gpuBurnedKWh, decimals: 2) }),
        ]
        var html = "<table><thead><tr><th></th><th>unsmoothed</th><th>smoothed</th></tr></thead><tbody>"
        for (label, value) in rows {
            html += "<tr><th scope=\"row\">\(escape(label))</th><td>\(value(study.unsmoothedOutcome))</td><td>\(value(study.smoothedOutcome))</td></tr>"
        }
        html += "</tbody></table>"
        let battery = study.sizing.battery, floor = study.sizing.gpuFloor, currency = escape(study.scenario.economics.currency)
        html += "<h2 id=\"sizing\">Sizing for \(study.model.config.targetClass.rawValue)</h2><table><tbody>"
        html += "<tr><th scope=\"row\">battery (\(escape(battery.policy)))</th><td>"
            + (battery.achievable ? "\(NumberFormat.grouped(battery.smoothingPowerKW)) kW, \(NumberFormat.fixed(battery.smoothingEnergyKWh, decimals: 1)) kWh, capex \(NumberFormat.grouped(battery.capex)) \(currency)" : "not achievable")
            + "</td></tr><tr><th scope=\"row\">GPU power floor</th><td>"
            + (floor.floorShare.map { "\(NumberFormat.fixed($0 * 100, decimals: 1)) % of TDP, \(NumberFormat.grouped(floor.costPerYear)) \(currency)/yr, \(NumberFormat.grouped(floor.lifetimeCost)) \(currency) over the project" } ?? "not achievable")
            + "</td></tr></tbody></table>"
        return html
    }

    private func indices(_ from: Double, _ to: Double) -> Range<Int> {
        let step = study.model.stepSeconds, count = study.model.count
        return max(0, Int(from / step))..<min(count, Int((to / step).rounded()) + 1)
    }

    /// At most ~1,600 points: the lowest and highest value of each of 800 buckets, so no swing is lost.
    private func envelope(_ values: [Double], _ range: Range<Int>, scale: Double) -> [(Double, Double)] {
        let step = study.model.stepSeconds, bucket = max(1, range.count / 800)
        guard bucket > 1 else { return range.map { (Double($0) * step, values[$0] * scale) } }
        return stride(from: range.lowerBound, to: range.upperBound, by: bucket).flatMap { start -> [(Double, Double)] in
            let part = values[start..<min(range.upperBound, start + bucket)]
            let low = part.indices.min { values[$0] < values[$1] }!, high = part.indices.max { values[$0] < values[$1] }!
            return [low, high].sorted().map { (Double($0) * step, values[$0] * scale) }
        }
    }
}

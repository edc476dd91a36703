import Foundation

/// A small SVG x–y plot: linear axes with round-number ticks, polylines, stacked areas, bars and a
/// legend, written as inline SVG text for `report.html` (no scripts, no external files).
struct SVGPlot {
    let width: Double
    let height: Double
    let xRange: ClosedRange<Double>
    let yRange: ClosedRange<Double>
    private let left = 72.0, right = 16.0, top = 30.0, bottom = 44.0
    private var body = ""

    /// A plot of `width` × `height` px over the given data ranges; the page scales it to its width.
    init(width: Double = 1040, height: Double = 300, x: ClosedRange<Double>, y: ClosedRange<Double>) {
        self.width = width
        self.height = height
        xRange = x
        yRange = y.upperBound > y.lowerBound ? y : y.lowerBound...(y.lowerBound + 1)
    }

    func x(_ value: Double) -> Double {
        left + (value - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * (width - left - right)
    }

    func y(_ value: Double) -> Double {
        height - bottom - (value - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * (height - top - bottom)
    }

    /// Round tick values covering `range`: steps of 1, 2 or 5 × 10^k, about `count` of them.
    static func ticks(_ range: ClosedRange<Double>, count: Int = 5) -> [Double] {
        let span = range.upperBound - range.lowerBound
        guard span > 0 else { return [range.lowerBound] }
        let raw = span / Double(count), magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        let first = (range.lowerBound / step).rounded(.up) * step
        return stride(from: first, through: range.upperBound + step * 1e-9, by: step).map { $0 }
    }

    static func label(_ value: Double) -> String {
        abs(value) >= 1000 || value == value.rounded() ? NumberFormat.grouped(value) : NumberFormat.fixed(value, decimals: 2)
    }

    /// Axes, grid lines, y ticks and the given x ticks, with axis titles.
    mutating func axes(xTitle: String, yTitle: String, xTicks: [(Double, String)]) {
        for tick in Self.ticks(yRange) {
            body += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(tick)))\" y2=\"\(f(y(tick)))\" stroke=\"#e3e3e3\"/>"
            body += "<text x=\"\(f(left - 6))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\">\(Self.label(tick))</text>"
        }
        for (value, text) in xTicks {
            body += "<text x=\"\(f(x(value)))\" y=\"\(f(height - bottom + 16))\" text-anchor=\"middle\">\(text)</text>"
        }
        body += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(max(0, yRange.lowerBound))))\" y2=\"\(f(y(max(0, yRange.lowerBound))))\" stroke=\"#555\"/>"
        body += "<text x=\"\(f((left + width - right) / 2))\" y=\"\(f(height - 6))\" text-anchor=\"middle\">\(xTitle)</text>"
        body += "<text transform=\"translate(14 \(f((top + height - bottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(yTitle)</text>"
    }

    /// A line through `points` (data coordinates).
    mutating func line(_ points: [(Double, Double)], color: String, width lineWidth: Double = 1.5, dashed: Bool = false) {
        let path = points.map { "\(f(x($0.0))),\(f(y($0.1)))" }.joined(separator: " ")
        body += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"\(lineWidth)\"\(dashed ? " stroke-dasharray=\"4 3\"" : "") points=\"\(path)\"/>"
    }

    /// The band between `lower` and `upper` over `xs` (data coordinates).
    mutating func band(xs: [Double], lower: [Double], upper: [Double], color: String) {
        let top = zip(xs, upper).map { "\(f(x($0))),\(f(y($1)))" }
        let bottom = zip(xs, lower).reversed().map { "\(f(x($0))),\(f(y($1)))" }
        body += "<polygon fill=\"\(color)\" stroke=\"none\" points=\"\((top + bottom).joined(separator: " "))\"/>"
    }

    /// A bar from `y0` to `y1` between `x0` and `x1` (data coordinates).
    mutating func bar(x0: Double, x1: Double, y0: Double, y1: Double, color: String) {
        let top = min(y(y0), y(y1)), barHeight = abs(y(y1) - y(y0))
        body += "<rect x=\"\(f(x(x0)))\" y=\"\(f(top))\" width=\"\(f(x(x1) - x(x0)))\" height=\"\(f(barHeight))\" fill=\"\(color)\"/>"
    }

    /// A dot of `radius` px at (`px`, `py`) (data coordinates).
    mutating func point(_ px: Double, _ py: Double, color: String, radius: Double = 2.5) {
        body += "<circle cx=\"\(f(x(px)))\" cy=\"\(f(y(py)))\" r=\"\(f(radius))\" fill=\"\(color)\"/>"
    }

    /// Text at (`px`, `py`) (data coordinates), anchored `start`, `middle` or `end`.
    mutating func text(_ content: String, _ px: Double, _ py: Double, anchor: String = "start") {
        body += "<text x=\"\(f(x(px)))\" y=\"\(f(y(py) + 4))\" text-anchor=\"\(anchor)\">\(escape(content))</text>"
    }

    /// A legend row along the top.
    mutating func legend(_ entries: [(String, String)]) {
        var position = left
        for (text, color) in entries {
            body += "<rect x=\"\(f(position))\" y=\"8\" width=\"12\" height=\"12\" fill=\"\(color)\"/>"
            body += "<text x=\"\(f(position + 16))\" y=\"18\">\(text)</text>"
            position += 24 + Double(text.count) * 7.5
        }
    }

    /// The finished `<svg>` element, titled for screen readers.
    func svg(title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" "
            + "role=\"img\" font-size=\"13\" font-family=\"sans-serif\"><title>\(title)</title>\(body)</svg>"
    }

    private func f(_ value: Double) -> String { NumberFormat.fixed(value, decimals: 1) }
}

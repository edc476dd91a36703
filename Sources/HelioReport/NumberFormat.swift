import Foundation

/// Locale-independent fixed-point formatting for CSV and terminal output.
public enum NumberFormat {
    /// `value` with `decimals` digits after the point; `-0` printed as `0`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// Thousands-grouped integer rendering (`1,756,570`).
    public static func grouped(_ value: Double) -> String {
        groupedFixed(value, decimals: 0)
    }

    /// `value` with `decimals` places and thousands separators in the integer part (`1,234.5`).
    public static func groupedFixed(_ value: Double, decimals: Int) -> String {
        let text = fixed(value, decimals: decimals)
        let negative = text.hasPrefix("-")
        let unsigned = negative ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var integer = ""
        for (index, digit) in parts[0].enumerated() {
            if index > 0 && (parts[0].count - index) % 3 == 0 { integer += "," }
            integer.append(digit)
        }
        return (negative ? "-" : "") + integer + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// `count` and `noun`, the noun with an `s` unless the count is one (`1 year`, `3 years`).
    public static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

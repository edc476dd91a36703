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
        let rounded = Int(value.rounded())
        let digits = String(abs(rounded))
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
            result.append(character)
        }
        return rounded < 0 ? "-" + result : result
    }
}

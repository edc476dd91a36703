import Foundation
import HelioGrid

/// Builds large CSV files as ASCII bytes: fixed-point numbers and ISO 8601 stamps are written
/// digit by digit (with the same result) instead of through `String(format:)`, which keeps a year of one-minute rows
/// (525,600 × 13 columns) to well under a second.
public struct CSVBuilder {
    /// The file's bytes so far.
    public private(set) var bytes: [UInt8] = []

    /// Creates a builder with room for about `capacity` bytes.
    public init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Empties the builder, keeping its room.
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Appends ASCII text.
    public mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Appends one byte (a separator or newline).
    public mutating func append(byte: UInt8) { bytes.append(byte) }

    /// Appends a non-negative or negative integer.
    public mutating func append(integer value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(UInt64(value.magnitude), minimumDigits: 1)
    }

    /// Appends `value` with `decimals` places exactly as `%.<decimals>f` prints it: rounded to
    /// nearest on the exact binary value, ties to even (glibc), no exponent, no minus sign on zero.
    public mutating func append(_ value: Double, decimals: Int) {
        let scale = Double(Self.powersOfTen[decimals])
        let product = abs(value) * scale
        guard value.isFinite, product < 9e18 else {
            append(NumberFormat.fixed(value, decimals: decimals))
            return
        }
        var scaled = product.rounded(.toNearestOrEven)
        if abs(product - scaled) == 0.5 {
            // The product was rounded to a tie; its exact residual (fma) says which way the true value lies.
            let residual = fma(abs(value), scale, -product)
            if residual > 0 { scaled = product.rounded(.up) } else if residual < 0 { scaled = product.rounded(.down) }
        }
        let units = UInt64(scaled)
        let unitScale = Self.powersOfTen[decimals]
        if value < 0 && units > 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(units / unitScale, minimumDigits: 1)
        guard decimals > 0 else { return }
        bytes.append(UInt8(ascii: "."))
        appendDigits(units % unitScale, minimumDigits: decimals)
    }

    /// Appends a comma and then `value` as ``append(_:decimals:)`` does.
    public mutating func appendField(_ value: Double, decimals: Int) {
        bytes.append(UInt8(ascii: ","))
        append(value, decimals: decimals)
    }

    /// Appends the interval-start stamp of `step` on `axis` (`2001-01-01T00:00:00-07:00`), the first
    /// simulated year labelled `firstYear`.
    public mutating func appendTimestamp(step: Int, axis: TimeAxis, firstYear: Int = CivilCalendar.baseYear) {
        let year = firstYear + step / axis.stepsPerYear
        let minuteOfYear = (step % axis.stepsPerYear) * axis.stepMinutes
        let (month, day) = CivilCalendar.monthAndDay(dayOfYear: minuteOfYear / 1440)
        let minuteOfDay = minuteOfYear % 1440
        let offset = axis.utcOffsetMinutes
        appendDigits(UInt64(year), minimumDigits: 4)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(UInt64(month), minimumDigits: 2)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(UInt64(day), minimumDigits: 2)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(UInt64(minuteOfDay / 60), minimumDigits: 2)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(UInt64(minuteOfDay % 60), minimumDigits: 2)
        bytes.append(contentsOf: ":00".utf8)
        bytes.append(offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        appendDigits(UInt64(abs(offset) / 60), minimumDigits: 2)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(UInt64(abs(offset) % 60), minimumDigits: 2)
    }

    private static let powersOfTen: [UInt64] = (0...9).map { power in (0..<power).reduce(1) { value, _ in value * 10 } }

    private mutating func appendDigits(_ value: UInt64, minimumDigits: Int) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            while count < minimumDigits {
                buffer[count] = UInt8(ascii: "0")
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }
}

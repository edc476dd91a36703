/// An ISO 8601 local date-time with its UTC offset, as HelioGrid's CSV inputs carry them.
public struct ISOTimestamp: Sendable, Equatable {
    /// Calendar year.
    public var year: Int
    /// Month, 1–12.
    public var month: Int
    /// Day of the month, 1–31.
    public var day: Int
    /// Minute of the day, 0–1439.
    public var minuteOfDay: Int
    /// Offset from UTC, minutes.
    public var utcOffsetMinutes: Int

    /// Parses `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM|±HHMM]`; a space may replace `T`. The offset is required
    /// and within the offsets in use (−14:00 to +14:00); seconds, when given, are `00` (minute resolution).
    public init?(_ text: Substring) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 17, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"),
              let year = Self.digits(bytes, 0, 4), let month = Self.digits(bytes, 5, 2), let day = Self.digits(bytes, 8, 2),
              let hour = Self.digits(bytes, 11, 2), let minute = Self.digits(bytes, 14, 2),
              hour < 24, minute < 60, (1...12).contains(month)
        else { return nil }
        let maxDay = month == 2 && CivilCalendar.isLeap(year) ? 29 : CivilCalendar.daysInMonth[month - 1]
        guard (1...maxDay).contains(day) else { return nil }
        var index = 16
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard let second = Self.digits(bytes, 17, 2), second == 0 else { return nil }
            index = 19
        }
        guard let offset = Self.offset(bytes, from: index) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.minuteOfDay = hour * 60 + minute
        self.utcOffsetMinutes = offset
    }

    /// Minutes since 1970-01-01T00:00Z.
    public var utcMinutes: Int {
        CivilCalendar.daysFromEpoch(year: year, month: month, day: day) * 1440 + minuteOfDay - utcOffsetMinutes
    }

    private static func offset(_ bytes: [UInt8], from index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "Z") { return index + 1 == bytes.count ? 0 : nil }
        let colon = bytes.count == index + 6 && bytes[index + 3] == UInt8(ascii: ":")
        guard colon || bytes.count == index + 5, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
              let hours = digits(bytes, index + 1, 2), let minutes = digits(bytes, index + (colon ? 4 : 3), 2), hours <= 14, minutes < 60
        else { return nil }
        let magnitude = hours * 60 + minutes
        guard magnitude <= 14 * 60 else { return nil }
        return bytes[index] == UInt8(ascii: "-") ? -magnitude : magnitude
    }

    private static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard byte >= 48 && byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }
}

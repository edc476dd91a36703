/// Calendar arithmetic on the simulation's non-leap year, without Foundation's calendar.
///
/// Like SAM and pvlib, HelioGrid maps a typical-year weather file onto the non-leap calendar
/// year 2001 (docs/time.md); these helpers convert between month/day/minute and
/// minute-of-year and format ISO 8601 timestamps with a fixed UTC offset.
public enum CivilCalendar {
    /// The calendar year every single-year output uses.
    public static let baseYear = 2001
    /// Minutes in a non-leap year.
    public static let minutesPerYear = 525_600
    /// Days in each month of a non-leap year.
    public static let daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    /// Day of year (0-based) on which each month starts, non-leap.
    public static let monthStartDay = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    /// Unix time of 2001-01-01T00:00:00Z, seconds.
    public static let baseYearUnixSeconds = 978_307_200.0

    /// Whether `month`/`day` is a valid date of a non-leap year.
    public static func isValid(month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= daysInMonth[month - 1]
    }

    /// Minute of the non-leap year at which `month`/`day` `hour`:`minute` falls (0-based).
    public static func minuteOfYear(month: Int, day: Int, hour: Int, minute: Int) -> Int {
        (monthStartDay[month - 1] + day - 1) * 1440 + hour * 60 + minute
    }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// ISO 8601 timestamp (`2001-01-01T00:00:00-07:00`) of minute `minuteOfYear` in `year`
    /// (treated as 365 days), local time at `utcOffsetMinutes`.
    public static func iso8601(year: Int, minuteOfYear: Int, utcOffsetMinutes: Int) -> String {
        let (month, day) = monthAndDay(dayOfYear: minuteOfYear / 1440)
        let minuteOfDay = minuteOfYear % 1440
        let sign = utcOffsetMinutes < 0 ? "-" : "+"
        let offset = abs(utcOffsetMinutes)
        return "\(year)-\(pad2(month))-\(pad2(day))T\(pad2(minuteOfDay / 60)):\(pad2(minuteOfDay % 60)):00"
            + "\(sign)\(pad2(offset / 60)):\(pad2(offset % 60))"
    }

    /// Month (1–12) and day of month of a 0-based day of a non-leap year.
    public static func monthAndDay(dayOfYear: Int) -> (month: Int, day: Int) {
        var day = dayOfYear
        var month = 0
        while month < 11 && day >= daysInMonth[month] {
            day -= daysInMonth[month]
            month += 1
        }
        return (month + 1, day + 1)
    }

    private static func pad2(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

extension CivilCalendar {
    /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant, "chrono-Compatible
    /// Low-Level Date Algorithms", `days_from_civil`).
    public static func daysFromEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Inverse of ``daysFromEpoch(year:month:day:)``: (year, month, day) (Hinnant's `civil_from_days`).
    public static func civilDate(daysFromEpoch days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

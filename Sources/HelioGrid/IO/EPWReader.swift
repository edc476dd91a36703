/// Reader for EnergyPlus weather (EPW) files.
///
/// Format: U.S. DOE, "EnergyPlus Auxiliary Programs", chapter "Weather Converter Program",
/// section "EnergyPlus Weather File (EPW) Data Dictionary". `LOCATION` gives city, state, country,
/// source, WMO, latitude, longitude, time zone (hours) and elevation; `DATA PERIODS` gives the
/// records per hour. Data stamps are hour-ending local standard time (hour 1 is 00:00–01:00); for
/// sub-hourly files the minute field is the end of the interval.
public struct EPWReader: WeatherReader {
    /// Creates the reader.
    public init() {}

    private static let locationLine = LocationLine(
        name: 1, latitude: 6, longitude: 7, zone: 8, elevation: 9,
        requirement: "LOCATION needs 10 fields (city, state, country, source, WMO, latitude, longitude, time zone, elevation)")

    public var format: WeatherFormat { .epw }

    public func recognizes(head: Substring) -> Bool { head.hasPrefix("LOCATION,") }

    public func records(text: String, file: String) throws -> (SiteLocation, [WeatherRecord]) {
        let lines = CSVText.lines(text)
        guard lines.count > 8 else { throw HelioError(.weather, "EPW file has fewer than 8 header lines", file: file) }
        let location = try Self.locationLine.parse(CSVText.fields(lines[0]), file: file)
        let recordsPerHour = try readRecordsPerHour(lines, file: file)
        var records: [WeatherRecord] = []
        records.reserveCapacity(8760 * recordsPerHour)
        for index in 8..<lines.count where !lines[index].isEmpty {
            if let record = try readRow(lines[index], line: index + 1, recordsPerHour: recordsPerHour, file: file) {
                records.append(record)
            }
        }
        return (location, records)
    }

    private func readRecordsPerHour(_ lines: [Substring], file: String) throws -> Int {
        guard let index = lines.prefix(8).firstIndex(where: { $0.hasPrefix("DATA PERIODS") }) else {
            throw HelioError(.weather, "missing DATA PERIODS header line", file: file)
        }
        let fields = CSVText.fields(lines[index])
        guard fields.count > 2, let perHour = Int(fields[2]), [1, 2, 4, 6, 12, 60].contains(perHour) else {
            throw HelioError(.weather, "DATA PERIODS: records per hour must be 1, 2, 4, 6, 12 or 60", file: file, line: index + 1)
        }
        return perHour
    }

    private func readRow(_ text: Substring, line: Int, recordsPerHour: Int, file: String) throws -> WeatherRecord? {
        let fields = CSVLine(text)
        guard fields.count >= 33 else {
            throw HelioError(.weather, "expected at least 33 fields, found \(fields.count)", file: file, line: line)
        }
        func integer(_ index: Int, _ name: String) throws -> Int {
            try CSVText.integer(fields[index], column: name, line: line, file: file, kind: .weather)
        }
        func value(_ index: Int, _ name: String) throws -> Double {
            try CSVText.number(fields[index], column: name, line: line, file: file, kind: .weather)
        }
        let month = try integer(1, "month"), day = try integer(2, "day")
        let hour = try integer(3, "hour"), minute = try integer(4, "minute")
        if month == 2 && day == 29 { return nil }
        guard CivilCalendar.isValid(month: month, day: day), (1...24).contains(hour), (0...60).contains(minute) else {
            throw HelioError(.weather, "invalid date/time month \(month) day \(day) hour \(hour) minute \(minute)", file: file, line: line)
        }
        let intervalMinutes = 60 / recordsPerHour
        let startWithinHour = recordsPerHour == 1 ? 0 : minute - intervalMinutes
        guard startWithinHour >= 0 else {
            throw HelioError(.weather, "minute \(minute) is not the end of a \(intervalMinutes)-minute interval", file: file, line: line)
        }
        let albedo = try value(32, "albedo")
        return WeatherRecord(
            minuteOfYear: CivilCalendar.minuteOfYear(month: month, day: day, hour: hour - 1, minute: startWithinHour),
            line: line,
            ghiWM2: try value(13, "global horizontal radiation"), dniWM2: try value(14, "direct normal radiation"),
            dhiWM2: try value(15, "diffuse horizontal radiation"), tempC: try value(6, "dry bulb temperature"),
            windSpeedMS: try value(21, "wind speed"), pressureMbar: try value(9, "atmospheric station pressure") / 100,
            albedo: albedo == 999 ? nil : albedo)
    }
}

/// Reader for NREL TMY3 CSV files.
///
/// Format: S. Wilcox and W. Marion, "Users Manual for TMY3 Data Sets", NREL/TP-581-43156 (2008).
/// Line 1: station number, name, state, time zone (hours from UTC), latitude, longitude, elevation.
/// Line 2: column headers. Data stamps are hour-ending local standard time (`01:00` is 00:00–01:00).
public struct TMY3Reader: WeatherReader {
    /// Creates the reader.
    public init() {}

    private static let locationLine = LocationLine(
        name: 1, latitude: 4, longitude: 5, zone: 3, elevation: 6,
        requirement: "TMY3 header needs 7 fields (station, name, state, time zone, latitude, longitude, elevation)")

    public var format: WeatherFormat { .tmy3 }

    public func recognizes(head: Substring) -> Bool {
        let lines = CSVText.lines(String(head.prefix(4096)))
        return lines.count > 1 && lines[1].hasPrefix("Date (MM/DD/YYYY)")
    }

    public func records(text: String, file: String) throws -> (SiteLocation, [WeatherRecord]) {
        let lines = CSVText.lines(text)
        guard lines.count > 2 else { throw HelioError(.weather, "TMY3 file has no data rows", file: file) }
        let location = try Self.locationLine.parse(CSVText.fields(lines[0]), file: file)
        let header = CSVText.fields(lines[1])
        func column(_ name: String) throws -> Int {
            try CSVText.column([name], in: header, line: 2, file: file, kind: .weather)
        }
        let columns = try [
            column("GHI (W/m^2)"), column("DNI (W/m^2)"), column("DHI (W/m^2)"), column("Dry-bulb (C)"),
            column("Wspd (m/s)"), column("Pressure (mbar)"), column("Alb (unitless)"),
        ]
        var records: [WeatherRecord] = []
        records.reserveCapacity(8760)
        for index in 2..<lines.count where !lines[index].isEmpty {
            if let record = try readRow(lines[index], line: index + 1, columns: columns, file: file) {
                records.append(record)
            }
        }
        return (location, records)
    }

    private func readRow(_ text: Substring, line: Int, columns: [Int], file: String) throws -> WeatherRecord? {
        let fields = CSVLine(text)
        guard fields.count > columns.max()! else {
            throw HelioError(.weather, "expected at least \(columns.max()! + 1) fields, found \(fields.count)", file: file, line: line)
        }
        let date = fields[0].split(separator: "/")
        let time = fields[1].split(separator: ":")
        guard date.count == 3, time.count == 2,
              let month = Int(date[0]), let day = Int(date[1]), let hourEnding = Int(time[0]),
              (1...24).contains(hourEnding), time[1] == "00"
        else {
            throw HelioError(.weather, "bad date/time '\(fields[0]),\(fields[1])' (expected MM/DD/YYYY,HH:00 with HH 01–24)",
                             file: file, line: line)
        }
        if month == 2 && day == 29 { return nil }
        guard CivilCalendar.isValid(month: month, day: day) else {
            throw HelioError(.weather, "invalid date '\(fields[0])'", file: file, line: line)
        }
        func value(_ position: Int, _ name: String) throws -> Double {
            try CSVText.number(fields[columns[position]], column: name, line: line, file: file, kind: .weather)
        }
        return WeatherRecord(
            minuteOfYear: CivilCalendar.minuteOfYear(month: month, day: day, hour: hourEnding - 1, minute: 0),
            line: line,
            ghiWM2: try value(0, "GHI"), dniWM2: try value(1, "DNI"), dhiWM2: try value(2, "DHI"),
            tempC: try value(3, "Dry-bulb"), windSpeedMS: try value(4, "Wspd"),
            pressureMbar: try value(5, "Pressure"), albedo: try value(6, "Alb"))
    }
}

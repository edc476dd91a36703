/// Reader for NSRDB PSM3 and PSM4 CSV files (including their TMY products).
///
/// Format: NREL National Solar Radiation Database, "PSM v3/v4 CSV" downloads
/// (M. Sengupta et al., "The National Solar Radiation Data Base (NSRDB)", RSER 89, 2018).
/// Line 1 names metadata fields and line 2 holds their values (`Latitude`, `Longitude`,
/// `Elevation`, `Time Zone`, and `Local Time Zone` when the data are in UTC); line 3 names the data
/// columns. Stamps mark the start of each interval (hourly files stamp :30, the instant sampled
/// mid-interval, or :00 for TMY); when `Time Zone` is 0 and `Local Time Zone` is not, the data
/// are UTC and are shifted to local standard time.
public struct NSRDBReader: WeatherReader {
    /// Creates the reader.
    public init() {}

    public var format: WeatherFormat { .nsrdb }

    public func recognizes(head: Substring) -> Bool {
        head.hasPrefix("Source,") && head.prefix(2000).contains("Latitude")
    }

    public func records(text: String, file: String) throws -> (SiteLocation, [WeatherRecord]) {
        let lines = CSVText.lines(text)
        guard lines.count > 3 else { throw HelioError(.weather, "NSRDB file has no data rows", file: file) }
        let (location, shiftMinutes) = try readLocation(names: CSVText.fields(lines[0]), values: CSVText.fields(lines[1]), file: file)
        let header = CSVText.fields(lines[2])
        func column(_ name: String) throws -> Int {
            try CSVText.column([name], in: header, line: 3, file: file, kind: .weather)
        }
        let dateColumns = try [column("Month"), column("Day"), column("Hour"), column("Minute")]
        let valueColumns = try [column("GHI"), column("DNI"), column("DHI"), column("Temperature"), column("Wind Speed"), column("Pressure")]
        let albedoColumn = header.firstIndex(of: "Surface Albedo")
        var records: [WeatherRecord] = []
        records.reserveCapacity(8760)
        for index in 3..<lines.count where !lines[index].isEmpty {
            let line = index + 1
            let fields = CSVLine(lines[index])
            guard fields.count == header.count else {
                throw HelioError(.weather, "expected \(header.count) fields, found \(fields.count)", file: file, line: line)
            }
            let date = try dateColumns.map { try CSVText.integer(fields[$0], column: String(header[$0]), line: line, file: file, kind: .weather) }
            if date[0] == 2 && date[1] == 29 { continue }
            guard CivilCalendar.isValid(month: date[0], day: date[1]), (0...23).contains(date[2]), (0...59).contains(date[3]) else {
                throw HelioError(.weather, "invalid date/time \(date)", file: file, line: line)
            }
            let values = try valueColumns.map { try CSVText.number(fields[$0], column: String(header[$0]), line: line, file: file, kind: .weather) }
            let albedo = try albedoColumn.map { try CSVText.number(fields[$0], column: "Surface Albedo", line: line, file: file, kind: .weather) }
            records.append(WeatherRecord(
                minuteOfYear: CivilCalendar.minuteOfYear(month: date[0], day: date[1], hour: date[2], minute: date[3]) + shiftMinutes,
                line: line, ghiWM2: values[0], dniWM2: values[1], dhiWM2: values[2], tempC: values[3],
                windSpeedMS: values[4], pressureMbar: values[5], albedo: albedo))
        }
        return (location, records)
    }

    /// The site and the shift (minutes) that takes the file's stamps to its time base.
    private func readLocation(names: [Substring], values: [Substring], file: String) throws -> (SiteLocation, Int) {
        func value(_ name: String) throws -> Double {
            guard let index = names.firstIndex(of: Substring(name)), index < values.count else {
                throw HelioError(.weather, "metadata field '\(name)' is missing", file: file, line: 1)
            }
            let number = try CSVText.number(values[index], column: name, line: 2, file: file, kind: .weather)
            guard abs(number) < 1e6 else { throw HelioError(.weather, "\(name): \(number) is not a plausible value", file: file, line: 2) }
            return number
        }
        let dataZoneMinutes = Int((try value("Time Zone") * 60).rounded())
        let localZoneMinutes = names.contains("Local Time Zone") ? Int((try value("Local Time Zone") * 60).rounded()) : dataZoneMinutes
        // UTC data go to local standard time unless the zone is not a whole hour from UTC.
        let shift = (localZoneMinutes - dataZoneMinutes) % 60 == 0 ? localZoneMinutes - dataZoneMinutes : 0
        let idIndex = names.firstIndex(of: "Location ID")
        let name = idIndex.flatMap { $0 < values.count ? "NSRDB \(values[$0])" : nil } ?? "NSRDB site"
        let location = SiteLocation(
            name: name, latitudeDeg: try value("Latitude"), longitudeDeg: try value("Longitude"),
            elevationM: try value("Elevation"), utcOffsetMinutes: dataZoneMinutes + shift)
        _ = try SiteLocation(name: name, latitudeDeg: location.latitudeDeg, longitudeDeg: location.longitudeDeg, elevationM: location.elevationM,
                             utcOffsetMinutes: localZoneMinutes)
            .checked(file: file, line: 2, fields: .init(latitude: "Latitude", longitude: "Longitude", elevation: "Elevation", zone: "Local Time Zone"))
        return (try location.checked(file: file, line: 2, fields: .init(latitude: "Latitude", longitude: "Longitude", elevation: "Elevation",
                                                                       zone: "Time Zone")), shift)
    }
}

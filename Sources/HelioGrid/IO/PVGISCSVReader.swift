/// Reader for PVGIS TMY files in CSV form.
///
/// Format: European Commission JRC, "PVGIS user manual", TMY tool CSV output: `Latitude (decimal
/// degrees):`, `Longitude (decimal degrees):` and `Elevation (m):` lines, a month/year table, then
/// `time(UTC),T2m,RH,G(h),Gb(n),Gd(h),IR(h),WS10m,WD10m,SP` and hourly rows, then a legend.
/// Stamps are interval starts in UTC; the file names no local time zone, so the data stay in UTC.
public struct PVGISCSVReader: WeatherReader {
    /// Creates the reader.
    public init() {}

    public var format: WeatherFormat { .pvgisCSV }

    public func recognizes(head: Substring) -> Bool { head.hasPrefix("Latitude (decimal degrees):") }

    public func records(text: String, file: String) throws -> (SiteLocation, [WeatherRecord]) {
        let lines = CSVText.lines(text)
        guard let headerIndex = lines.firstIndex(where: { $0.hasPrefix("time(UTC)") }) else {
            throw HelioError(.weather, "no 'time(UTC),…' header line", file: file)
        }
        let location = try SiteLocation(
            name: "PVGIS site",
            latitudeDeg: try metadata("Latitude (decimal degrees):", lines[..<headerIndex], file: file),
            longitudeDeg: try metadata("Longitude (decimal degrees):", lines[..<headerIndex], file: file),
            elevationM: try metadata("Elevation (m):", lines[..<headerIndex], file: file),
            utcOffsetMinutes: 0)
            .checked(file: file, line: nil, fields: .init(latitude: "Latitude (decimal degrees)", longitude: "Longitude (decimal degrees)",
                                                          elevation: "Elevation (m)"))
        let header = CSVText.fields(lines[headerIndex])
        let columns = try ["G(h)", "Gb(n)", "Gd(h)", "T2m", "WS10m", "SP"].map {
            try CSVText.column([$0], in: header, line: headerIndex + 1, file: file, kind: .weather)
        }
        var records: [WeatherRecord] = []
        records.reserveCapacity(8760)
        for index in (headerIndex + 1)..<lines.count {
            guard let first = lines[index].first, first.isNumber else { break }  // the legend follows the data
            let line = index + 1
            let fields = CSVLine(lines[index])
            guard fields.count == header.count else {
                throw HelioError(.weather, "expected \(header.count) fields, found \(fields.count)", file: file, line: line)
            }
            guard let minute = try PVGISTimestamp.minuteOfYear(fields[0], line: line, file: file) else { continue }
            let values = try columns.map { try CSVText.number(fields[$0], column: String(header[$0]), line: line, file: file, kind: .weather) }
            records.append(WeatherRecord(
                minuteOfYear: minute, line: line, ghiWM2: values[0], dniWM2: values[1], dhiWM2: values[2],
                tempC: values[3], windSpeedMS: values[4], pressureMbar: values[5] / 100, albedo: nil))
        }
        return (location, records)
    }

    private func metadata(_ prefix: String, _ lines: ArraySlice<Substring>, file: String) throws -> Double {
        guard let index = lines.firstIndex(where: { $0.hasPrefix(prefix) }) else {
            throw HelioError(.weather, "missing '\(prefix)' line", file: file)
        }
        let value = CSVLine(lines[index].dropFirst(prefix.count))[0]
        return try CSVText.number(value, column: prefix, line: index + 1, file: file, kind: .weather)
    }
}

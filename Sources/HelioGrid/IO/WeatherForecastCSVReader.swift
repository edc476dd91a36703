/// A forecast in HelioGrid's CSV form, header
/// `timestamp,ghi_wm2,dni_wm2,dhi_wm2,temp_c,wind_ms` (columns in any order): one row per hour,
/// stamped with the hour's start in ISO 8601 with its UTC offset, every value the hour's mean
/// (docs/forecasts.md).
public enum WeatherForecastCSVReader: WeatherForecastReader {
    /// The columns, after `timestamp`.
    public static let columns = ["ghi_wm2", "dni_wm2", "dhi_wm2", "temp_c", "wind_ms"]

    public static func read(_ text: String, source: String) throws -> WeatherForecast {
        let lines = CSVText.lines(text)
        let header = CSVText.fields(lines.first ?? "").map(String.init)
        let expected = ["timestamp"] + columns
        guard header.count == expected.count, Set(header) == Set(expected) else {
            throw HelioError(.weather, "header must name \(expected.joined(separator: ",")) (any order)", file: source, line: 1)
        }
        let positions = expected.map { header.firstIndex(of: $0)! }
        var hours: [WeatherForecastHour] = [], lineNumbers: [Int] = []
        for index in 1..<lines.count where !lines[index].isEmpty {
            let line = index + 1
            let fields = CSVLine(lines[index])
            guard fields.count == expected.count else {
                throw HelioError(.weather, "expected \(expected.count) fields, found \(fields.count)", file: source, line: line)
            }
            guard let stamp = ISOTimestamp(fields[positions[0]]) else {
                throw HelioError(.weather, "'\(fields[positions[0]])' is not an ISO 8601 timestamp with offset (YYYY-MM-DDTHH:MM:SS±HH:MM)",
                                 file: source, line: line)
            }
            let values = try (1..<expected.count).map {
                try CSVText.number(fields[positions[$0]], column: expected[$0], line: line, file: source, kind: .weather)
            }
            hours.append(WeatherForecastHour(startMS: PlantTime(unixMinutes: stamp.utcMinutes).unixMS, ghiWM2: values[0], dniWM2: values[1],
                                             dhiWM2: values[2], tempC: values[3], windSpeedMS: values[4]))
            lineNumbers.append(line)
        }
        return try WeatherForecast(hours: hours, source: source) { (lineNumbers[$0], nil) }
    }
}

import Foundation

/// Reads a contractual-instruments CSV (`[grid] instruments_csv`).
///
/// Header `id,kind,valid_from,valid_until,mwh,g_per_kwh,renewable`; dates `YYYY-MM-DD` in the
/// site's local standard time, `valid_until` exclusive; `renewable` is `true` or `false`. Dates are
/// placed on the simulated calendar with year `first_year` (`[carbon]`) as simulated year 1; 29
/// February has no place on the 365-day simulated year and is an error, as is a window outside the
/// simulated years, a negative amount or an empty window.
public enum ContractualInstrumentReader {
    static let header = ["id", "kind", "valid_from", "valid_until", "mwh", "g_per_kwh", "renewable"]

    /// Reads `path` for a run of `years` simulated years starting in calendar year `firstYear`.
    public static func read(path: String, firstYear: Int, years: Int) throws -> [ContractualInstrument] {
        let text = try TextFile.read(path: path, kind: .timeSeries, what: "instruments CSV")
        return try parse(text: text, file: path, firstYear: firstYear, years: years)
    }

    /// Parses CSV text; see ``read(path:firstYear:years:)``.
    public static func parse(text: String, file: String, firstYear: Int, years: Int) throws -> [ContractualInstrument] {
        let lines = CSVText.lines(text)
        guard CSVText.fields(lines.first ?? "").map(String.init) == header else {
            throw HelioError(.timeSeries, "header must be '\(header.joined(separator: ","))'", file: file, line: 1)
        }
        var instruments: [ContractualInstrument] = []
        for index in 1..<lines.count where !lines[index].isEmpty {
            let line = index + 1
            let fields = CSVText.fields(lines[index])
            guard fields.count == header.count else {
                throw HelioError(.timeSeries, "expected \(header.count) fields, found \(fields.count)", file: file, line: line)
            }
            let place = { (column: Int) throws -> Int in
                try day(fields[column], column: header[column], firstYear: firstYear, years: years, file: file, line: line)
            }
            let firstDay = try place(2), endDay = try place(3)
            guard endDay > firstDay else {
                throw HelioError(.timeSeries, "valid_until must be after valid_from", file: file, line: line)
            }
            let energyMWh = try CSVText.number(fields[4], column: "mwh", line: line, file: file, kind: .timeSeries)
            let carbon = try CSVText.number(fields[5], column: "g_per_kwh", line: line, file: file, kind: .timeSeries)
            guard energyMWh > 0 else { throw HelioError(.timeSeries, "mwh must be above 0, found \(energyMWh)", file: file, line: line) }
            guard (0...3000).contains(carbon) else {
                throw HelioError(.timeSeries, "g_per_kwh \(carbon) is out of range 0…3000", file: file, line: line)
            }
            guard let renewable = Bool(String(fields[6])) else {
                throw HelioError(.timeSeries, "renewable: '\(fields[6])' is not true or false", file: file, line: line)
            }
            guard !fields[0].isEmpty else { throw HelioError(.timeSeries, "id is empty", file: file, line: line) }
            instruments.append(ContractualInstrument(
                id: String(fields[0]), kind: String(fields[1]), firstDay: firstDay, endDay: endDay,
                energyMWh: energyMWh, carbonGPerKWh: carbon, renewable: renewable))
        }
        return instruments
    }

    /// Day index on the simulated calendar of a `YYYY-MM-DD` date; `valid_until` may be the day
    /// after the last simulated day.
    private static func day(_ field: Substring, column: String, firstYear: Int, years: Int, file: String, line: Int) throws -> Int {
        let parts = field.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let dayOfMonth = Int(parts[2]),
              CivilCalendar.isValid(month: month, day: dayOfMonth) || (month == 2 && dayOfMonth == 29 && CivilCalendar.isLeap(year))
        else { throw HelioError(.timeSeries, "\(column): '\(field)' is not a date YYYY-MM-DD", file: file, line: line) }
        guard !(month == 2 && dayOfMonth == 29) else {
            throw HelioError(.timeSeries, "\(column): 29 February has no place on the 365-day simulated year", file: file, line: line)
        }
        let dayIndex = (year - firstYear) * 365 + CivilCalendar.minuteOfYear(month: month, day: dayOfMonth, hour: 0, minute: 0) / 1440
        guard (0...(years * 365)).contains(dayIndex) else {
            throw HelioError(.timeSeries, "\(column): \(field) is outside the simulated years \(firstYear)–\(firstYear + years - 1)",
                             file: file, line: line)
        }
        return dayIndex
    }
}

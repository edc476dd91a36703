import Foundation

/// A `timestamp,<value>` CSV input (load, PV production, grid emission factor) brought onto the
/// simulation step (docs/time.md).
///
/// Power columns may be in MW: a header `load_mw` (the accepted `_kw` name with `_mw`) is read and
/// scaled to kW. A file may also be a bare value column, HOMER's form: an optional header naming the
/// column (kW without one), then one value per hour of a non-leap year from 1 January 00:00 in the
/// site's standard time — 8,760 rows, or 8,760 × 60 / N for N-minute values.
///
/// Timestamps are ISO 8601 interval starts with a UTC offset and must be evenly spaced; a gap or
/// duplicate is an error naming the line. A file with exactly one row per simulation step is taken
/// in order (its year need not match). Any other even spacing that divides the year (for example
/// hourly data for a 15-minute run) is aligned by month, day and time of day in the simulation's
/// time zone, 29 February dropped, and resampled like weather — or, for prices (`held`), each finer
/// step taking the value of the interval it lies in (a tariff is a step function: interpolating
/// would blur its period boundaries).
public struct CSVTimeSeries: Sendable {
    /// The value column's header name (one of the accepted names).
    public var column: String
    /// One value per simulation step.
    public var values: [Double]

    /// Reads `path`, accepting any of `columns` as the value column, for the step and zone of `axis`.
    /// Values must lie in `range`; `held` resamples a coarser file onto finer steps by holding its values.
    public static func load(path: String, columns: [String], axis: TimeAxis, range: ClosedRange<Double>,
                            held: Bool = false) throws -> CSVTimeSeries {
        let text = try TextFile.read(path: path, kind: .timeSeries, what: "CSV file")
        return try parse(text: text, file: path, columns: columns, axis: axis, range: range, held: held)
    }

    /// Parses CSV text; see ``load(path:columns:axis:range:)``.
    public static func parse(text: String, file: String, columns: [String], axis: TimeAxis,
                             range: ClosedRange<Double>, held: Bool = false) throws -> CSVTimeSeries {
        let lines = CSVText.lines(text)
        let header = CSVText.fields(lines.first ?? "")
        if header.count == 1 { return try bareColumn(lines, file: file, columns: columns, axis: axis, range: range, held: held) }
        let expected = "header must be 'timestamp,\(columns.joined(separator: "' or 'timestamp,"))' (or the same in _mw), or a bare value column"
        guard header.count == 2, header[0] == "timestamp", let (column, scale) = Self.column(header[1], columns) else {
            throw HelioError(.timeSeries, expected, file: file, line: 1)
        }
        var stamps: [ISOTimestamp] = [], values: [Double] = [], lineNumbers: [Int] = []
        for index in 1..<lines.count where !lines[index].isEmpty {
            let fields = CSVLine(lines[index])
            guard fields.count == 2 else {
                throw HelioError(.timeSeries, "expected 2 fields, found \(fields.count)", file: file, line: index + 1)
            }
            guard let stamp = ISOTimestamp(fields[0]) else {
                throw HelioError(.timeSeries, "'\(fields[0])' is not an ISO 8601 timestamp with offset (YYYY-MM-DDTHH:MM:SS±HH:MM or ±HHMM)",
                                 file: file, line: index + 1)
            }
            stamps.append(stamp)
            values.append(try value(fields[1], header: header[1], scale: scale, range: range, line: index + 1, file: file))
            lineNumbers.append(index + 1)
        }
        guard stamps.count >= 2 else { throw HelioError(.timeSeries, "needs at least two rows", file: file) }
        let spacing = try evenSpacing(stamps, lineNumbers: lineNumbers, file: file)
        if stamps.count == axis.stepsPerYear && spacing == axis.stepMinutes {
            return CSVTimeSeries(column: column, values: values)
        }
        let aligned = try alignByCalendar(stamps, values, lineNumbers, spacing: spacing, axis: axis, file: file)
        let resampled = held && spacing > axis.stepMinutes
            ? WeatherResampler.held(aligned, fromMinutes: spacing, toMinutes: axis.stepMinutes)
            : WeatherResampler.resample(aligned, fromMinutes: spacing, toMinutes: axis.stepMinutes)
        return CSVTimeSeries(column: column, values: resampled)
    }

    /// The accepted kW name `header` stands for and the factor to kW: 1 for a `_kw` name, 1,000 for its `_mw` form.
    private static func column(_ header: Substring, _ columns: [String]) -> (String, Double)? {
        if let column = columns.first(where: { $0 == header }) { return (column, 1) }
        if let column = columns.first(where: { $0.hasSuffix("_kw") && $0.dropLast(3) + "_mw" == header }) { return (column, 1000) }
        return nil
    }

    /// One field as a number in kW, checked against `range`.
    private static func value(_ field: Substring, header: Substring, scale: Double, range: ClosedRange<Double>, line: Int, file: String) throws -> Double {
        let value = try CSVText.number(field, column: String(header), line: line, file: file, kind: .timeSeries) * scale
        guard range.contains(value) else {
            throw HelioError(.timeSeries, "\(header) \(value / scale) is out of range \(range.lowerBound / scale)…\(range.upperBound / scale)", file: file, line: line)
        }
        return value
    }

    /// A bare value column: an optional header naming the column, then a non-leap year of evenly
    /// spaced values from 1 January 00:00 local standard time.
    private static func bareColumn(_ lines: [Substring], file: String, columns: [String], axis: TimeAxis,
                                   range: ClosedRange<Double>, held: Bool) throws -> CSVTimeSeries {
        let first = lines.first ?? ""
        let named = Double(first) == nil ? Self.column(first, columns) : (columns[0], 1)
        guard let (column, scale) = named else {
            throw HelioError(.timeSeries, "a bare column's header must be \(columns.map { "'\($0)'" }.joined(separator: ", ")) or the same in _mw, "
                             + "or none (values in kW); found '\(first)'", file: file, line: 1)
        }
        let header = Double(first) == nil ? first : Substring(column)
        let firstRow = Double(first) == nil ? 1 : 0
        var values: [Double] = []
        for index in firstRow..<lines.count where !lines[index].isEmpty {
            guard CSVLine(lines[index]).count == 1 else {
                throw HelioError(.timeSeries, "a bare column holds one value per row; found \(CSVLine(lines[index]).count) fields", file: file, line: index + 1)
            }
            values.append(try value(lines[index], header: header, scale: scale, range: range, line: index + 1, file: file))
        }
        guard let spacing = TimeAxis.supportedStepMinutes.first(where: { CivilCalendar.minutesPerYear / $0 == values.count }) else {
            throw HelioError(.timeSeries, "a bare column needs one value per hour of a non-leap year, 8,760 rows "
                             + "(or 17,520, 35,040, 105,120 or 525,600 for 30-, 15-, 5- or 1-minute values); found \(values.count)", file: file)
        }
        let onAxis = spacing == axis.stepMinutes ? values
            : held && spacing > axis.stepMinutes ? WeatherResampler.held(values, fromMinutes: spacing, toMinutes: axis.stepMinutes)
            : WeatherResampler.resample(values, fromMinutes: spacing, toMinutes: axis.stepMinutes)
        return CSVTimeSeries(column: column, values: onAxis)
    }

    /// The common spacing of the stamps, minutes; a gap or duplicate names its line.
    private static func evenSpacing(_ stamps: [ISOTimestamp], lineNumbers: [Int], file: String) throws -> Int {
        let spacing = stamps[1].utcMinutes - stamps[0].utcMinutes
        guard spacing > 0 else {
            throw HelioError(.timeSeries, "timestamp does not advance (duplicate or out of order)", file: file, line: lineNumbers[1])
        }
        for index in 2..<stamps.count where stamps[index].utcMinutes - stamps[index - 1].utcMinutes != spacing {
            let actual = stamps[index].utcMinutes - stamps[index - 1].utcMinutes
            let what = actual <= 0 ? "duplicate or out-of-order timestamp" : "gap of \(actual) minutes"
            throw HelioError(.timeSeries, "\(what) (rows are \(spacing) minutes apart)", file: file, line: lineNumbers[index])
        }
        return spacing
    }

    /// Places rows on one non-leap year by month, day and time in the simulation's time zone.
    private static func alignByCalendar(_ stamps: [ISOTimestamp], _ values: [Double], _ lineNumbers: [Int],
                                        spacing: Int, axis: TimeAxis, file: String) throws -> [Double] {
        guard CivilCalendar.minutesPerYear % spacing == 0, TimeAxis.supportedStepMinutes.contains(spacing) || spacing == 10 else {
            throw HelioError(.timeSeries, "rows \(spacing) minutes apart: expected one row per simulation step (\(axis.stepMinutes) min) or a 60, 30, 15, 10, 5 or 1-minute year",
                             file: file)
        }
        let slots = CivilCalendar.minutesPerYear / spacing
        var aligned = [Double](repeating: .nan, count: slots)
        var filledBy = [Int](repeating: 0, count: slots)
        for index in stamps.indices {
            let local = stamps[index].utcMinutes + axis.utcOffsetMinutes
            let days = Int((Double(local) / 1440).rounded(.down))
            let (_, month, day) = CivilCalendar.civilDate(daysFromEpoch: days)
            if month == 2 && day == 29 { continue }
            let minute = CivilCalendar.minuteOfYear(month: month, day: day, hour: 0, minute: 0) + (local - days * 1440)
            guard minute % spacing == 0 else {
                throw HelioError(.timeSeries, "timestamp is not on the \(spacing)-minute grid in the simulation's time zone", file: file, line: lineNumbers[index])
            }
            let slot = minute / spacing
            guard filledBy[slot] == 0 else {
                throw HelioError(.timeSeries, "duplicate time of year (first on line \(filledBy[slot]))", file: file, line: lineNumbers[index])
            }
            filledBy[slot] = lineNumbers[index]
            aligned[slot] = values[index]
        }
        if let missing = aligned.firstIndex(where: { $0.isNaN }) {
            let stamp = CivilCalendar.iso8601(year: CivilCalendar.baseYear, minuteOfYear: missing * spacing, utcOffsetMinutes: axis.utcOffsetMinutes)
            throw HelioError(.timeSeries, "no row for \(stamp) (the file must cover a whole year)", file: file)
        }
        return aligned
    }
}

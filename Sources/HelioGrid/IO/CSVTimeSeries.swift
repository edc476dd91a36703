import Foundation

/// A `timestamp,<value>` CSV input (load, PV production, grid emission factor) brought onto the
/// simulation step (docs/time.md).
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
        guard header.count == 2, header[0] == "timestamp", let column = columns.first(where: { $0 == header[1] }) else {
            throw HelioError(.timeSeries, "header must be 'timestamp,\(columns.joined(separator: "' or 'timestamp,"))'", file: file, line: 1)
        }
        var stamps: [ISOTimestamp] = [], values: [Double] = [], lineNumbers: [Int] = []
        for index in 1..<lines.count where !lines[index].isEmpty {
            let fields = CSVLine(lines[index])
            guard fields.count == 2 else {
                throw HelioError(.timeSeries, "expected 2 fields, found \(fields.count)", file: file, line: index + 1)
            }
            guard let stamp = ISOTimestamp(fields[0]) else {
                throw HelioError(.timeSeries, "'\(fields[0])' is not an ISO 8601 timestamp with offset (YYYY-MM-DDTHH:MM:SS±HH:MM)",
                                 file: file, line: index + 1)
            }
            let value = try CSVText.number(fields[1], column: column, line: index + 1, file: file, kind: .timeSeries)
            guard range.contains(value) else {
                throw HelioError(.timeSeries, "\(column) \(value) is out of range \(range.lowerBound)…\(range.upperBound)", file: file, line: index + 1)
            }
            stamps.append(stamp)
            values.append(value)
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

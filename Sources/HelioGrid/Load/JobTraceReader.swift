/// Reads a job trace CSV (docs/compute.md): header
/// `id,submit,gpus,hours,class,deadline,checkpoint_hours,min_power_cap`, one job per row:
/// submission and deadline as ISO 8601 with a UTC offset inside the run's years (deadline may be
/// empty: none), GPUs held, run time at full power in hours, class `interactive|training|batch`,
/// checkpoint interval in hours (empty: 0) and the lowest power cap it accepts (empty: 1, never
/// capped; at least ``FlexibilityConfig/lowestPowerCapFloor``). A bad row is named by file, line and reason.
public enum JobTraceReader {
    /// The header.
    public static let header = "id,submit,gpus,hours,class,deadline,checkpoint_hours,min_power_cap"

    /// The jobs of the trace at `path` on `clock`, for a cluster of `gpus` GPUs.
    public static func load(path: String, clock: RunClock, gpus: Int) throws -> [ComputeJob] {
        try parse(text: try TextFile.read(path: path, kind: .timeSeries, what: "job trace"), file: path, clock: clock, gpus: gpus)
    }

    /// The jobs of trace `text` (named `file` in errors).
    public static func parse(text: String, file: String, clock: RunClock, gpus: Int) throws -> [ComputeJob] {
        let lines = CSVText.lines(text)
        guard lines.first.map({ CSVText.fields($0).joined(separator: ",") }) == header else {
            throw HelioError(.timeSeries, "header must be '\(header)'", file: file, line: 1)
        }
        var jobs: [ComputeJob] = []
        for index in 1..<lines.count where !lines[index].isEmpty {
            jobs.append(try job(CSVLine(lines[index]), line: index + 1, file: file, clock: clock, gpus: gpus))
        }
        guard !jobs.isEmpty else { throw HelioError(.timeSeries, "holds no jobs", file: file) }
        return jobs
    }

    private static func job(_ fields: CSVLine, line: Int, file: String, clock: RunClock, gpus: Int) throws -> ComputeJob {
        func fail(_ reason: String) -> HelioError { HelioError(.timeSeries, reason, file: file, line: line) }
        guard fields.count == 8 else { throw fail("expected 8 fields, found \(fields.count)") }
        func minute(_ column: String, _ field: Substring) throws -> Double {
            guard let stamp = ISOTimestamp(field) else {
                throw fail("\(column) '\(field)' is not an ISO 8601 timestamp with offset (YYYY-MM-DDTHH:MM:SS±HH:MM)")
            }
            switch clock.minute(stamp) {
            case .success(let value): return value
            case .failure(let error): throw fail("\(column) \(error.reason)")
            }
        }
        func number(_ column: String, _ field: Substring, _ range: ClosedRange<Double>) throws -> Double {
            let value = try CSVText.number(field, column: column, line: line, file: file, kind: .timeSeries)
            guard range.contains(value) else { throw fail("\(column) \(value) is out of range \(range.lowerBound)…\(range.upperBound)") }
            return value
        }
        let id = String(fields[0])
        guard !id.isEmpty else { throw fail("id is empty") }
        let submit = try minute("submit", fields[1])
        guard let count = Int(fields[2]), (1...gpus).contains(count) else {
            throw fail("gpus '\(fields[2])' must be a whole number from 1 to the cluster's \(gpus)")
        }
        let hours = try number("hours", fields[3], 1e-3...8760)
        guard let jobClass = JobClass(rawValue: String(fields[4])) else {
            throw fail("class '\(fields[4])' must be interactive, training or batch")
        }
        let deadline = fields[5].isEmpty ? nil : try minute("deadline", fields[5])
        if let deadline, deadline < submit + hours * 60 {
            throw fail("deadline is before the job could finish (submit + \(hours) h)")
        }
        let checkpoint = fields[6].isEmpty ? 0 : try number("checkpoint_hours", fields[6], 0...8760)
        let cap = fields[7].isEmpty ? 1 : try number("min_power_cap", fields[7], FlexibilityConfig.lowestPowerCapFloor...1)
        if jobClass == .interactive && (cap < 1 || deadline != nil) {
            throw fail("interactive jobs are never capped or deferred: leave deadline and min_power_cap empty")
        }
        return ComputeJob(id: id, submitMinute: submit, gpus: count, hours: hours, jobClass: jobClass, deadlineMinute: deadline,
                          checkpointHours: checkpoint, minPowerCap: cap)
    }
}

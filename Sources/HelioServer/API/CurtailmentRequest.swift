/// `POST /v1/curtailments` body: `{"start": "2026-07-15T18:00:00-07:00", "hours": 3, "shed_fraction": 0.25}`.
import HelioGrid

struct CurtailmentRequest: Decodable, Sendable {
    var start: String
    var hours: Double
    var shedFraction: Double

    enum CodingKeys: String, CodingKey {
        case start, hours
        case shedFraction = "shed_fraction"
    }

    /// The record of this request received at plant time `receivedMS`: an ISO 8601 start within a
    /// day before and ``JobPlanner/maxDeadlineDays`` after the plant clock, above 0 and at most 168
    /// hours (at least a minute), a share above 0 and at most 1; the error names the field.
    func record(receivedMS: Int64) throws(ValidationError) -> CurtailmentRecord {
        guard let stamp = ISOTimestamp(Substring(start)) else { throw ValidationError("start: '\(start)' is not an ISO 8601 timestamp with offset") }
        let startMS = PlantTime(unixMinutes: stamp.utcMinutes).unixMS, now = PlantTime(unixMS: receivedMS)
        guard startMS >= (now - .days(1)).unixMS, startMS <= (now + .days(JobPlanner.maxDeadlineDays)).unixMS else {
            throw ValidationError("start: more than a day before or \(Int(JobPlanner.maxDeadlineDays)) days after the plant clock")
        }
        guard hours.isFinite, hours >= JobPlanner.minHours, hours <= 168 else {
            throw ValidationError("hours: one minute (\(JobPlanner.minHours)) to 168, found \(hours)")
        }
        guard shedFraction.isFinite, shedFraction > 0, shedFraction <= 1 else {
            throw ValidationError("shed_fraction: above 0 and at most 1, found \(shedFraction)")
        }
        return CurtailmentRecord(startMS: startMS, hours: hours, shedFraction: shedFraction,
                                 receivedMS: receivedMS)
    }
}

import HelioGrid

/// `POST /v1/jobs` body: a scheduler asks when, and at what power cap, to run a flexible job.
/// `{"id": "1234", "gpus": 64, "hours": 3, "deadline": "2026-07-16T06:00:00-07:00", "class": "batch",
/// "min_power_cap": 0.7}`; `class` defaults to `batch`, `min_power_cap` to 1 (never capped). The
/// service decodes it and the Slurm agent encodes it: one wire type for both.
public struct JobRequest: Codable, Sendable, Equatable {
    /// The scheduler's job id.
    public var id: String
    /// GPUs it holds.
    public var gpus: Int
    /// Run time at full power, hours.
    public var hours: Double
    /// Deadline, ISO 8601 with offset.
    public var deadline: String
    /// `batch` or `training` as sent (checked by the service, which names a bad one).
    public var jobClass: String?
    /// Lowest power cap it accepts, fraction.
    public var minPowerCap: Double?

    enum CodingKeys: String, CodingKey {
        case id, gpus, hours, deadline
        case jobClass = "class", minPowerCap = "min_power_cap"
    }

    /// A request; see the properties.
    public init(id: String, gpus: Int, hours: Double, deadline: String, jobClass: JobClass? = nil, minPowerCap: Double? = nil) {
        self.id = id
        self.gpus = gpus
        self.hours = hours
        self.deadline = deadline
        self.jobClass = jobClass?.rawValue
        self.minPowerCap = minPowerCap
    }
}

/// `POST /v1/jobs` body: a scheduler asks when, and at what power cap, to run a flexible job.
/// `{"id": "1234", "gpus": 64, "hours": 3, "deadline": "2026-07-16T06:00:00-07:00", "class": "batch",
/// "min_power_cap": 0.7}`; `class` defaults to `batch`, `min_power_cap` to 1 (never capped).
struct JobRequest: Decodable, Sendable {
    var id: String
    var gpus: Int
    var hours: Double
    var deadline: String
    var jobClass: String?
    var minPowerCap: Double?

    enum CodingKeys: String, CodingKey {
        case id, gpus, hours, deadline
        case jobClass = "class", minPowerCap = "min_power_cap"
    }
}

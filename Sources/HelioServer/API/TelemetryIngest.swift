/// `POST /v1/telemetry` body: readings pushed by a site gateway or meter, stored with source `api`.
struct TelemetryIngest: Decodable, Sendable {
    var readings: [PlantTelemetry]
    /// Seconds each reading stands for (default 1).
    var resolutionS: Double?

    enum CodingKeys: String, CodingKey { case readings, resolutionS = "resolution_s" }
}

/// `POST /v1/curtailments` body: `{"start": "2026-07-15T18:00:00-07:00", "hours": 3, "shed_fraction": 0.25}`.
struct CurtailmentRequest: Decodable, Sendable {
    var start: String
    var hours: Double
    var shedFraction: Double

    enum CodingKeys: String, CodingKey {
        case start, hours
        case shedFraction = "shed_fraction"
    }
}

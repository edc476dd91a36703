/// `PUT /v1/mode` body: `{"mode": "auto" | "safe"}`.
struct ModeRequest: Decodable, Sendable {
    var mode: String
}

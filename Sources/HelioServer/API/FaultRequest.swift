/// `POST /v1/faults` body: a fault of the simulated plant to inject (`active: true`) or clear.
struct FaultRequest: Decodable, Sendable {
    var fault: String
    var active: Bool

    /// The faults now active.
    struct List: Encodable, Sendable {
        var active: [String]
    }
}

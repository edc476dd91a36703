/// What a bearer token may do: `read` the API, or also `control` the plant (setpoints, mode,
/// telemetry ingest). Control implies read.
public enum TokenScope: String, Sendable, Codable, CaseIterable {
    case read
    case control

    /// Whether a token of this scope may use an endpoint that needs `required`.
    public func allows(_ required: TokenScope) -> Bool {
        self == .control || required == .read
    }
}

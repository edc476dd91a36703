/// How the EMS is running the plant.
public enum OperatingMode: String, Sendable, Codable, CaseIterable {
    /// The dispatch strategy decides.
    case auto
    /// An operator override is in force for the fields it names.
    case manual
    /// Safe mode: telemetry or the adapter failed, or an operator asked for it. Gensets carry the
    /// last known load, the battery only balances (its reserve is kept), alarms are raised.
    case safe
}

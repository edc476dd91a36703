/// Every alarm the live EMS raises, each with the condition that clears it: no alarm can outlive
/// its cause, across restarts too.
public enum AlarmKind: String, Sendable, CaseIterable, Codable {
    /// Telemetry lost or invalid. Cleared by the next valid reading.
    case telemetry
    /// The plant refused setpoints. Cleared when setpoints are accepted.
    case adapter
    /// Fewer gensets running than commanded for two intervals. Cleared when as many run as commanded.
    case gensetStartFailure = "genset-start-failure"
    /// Battery strings offline. Cleared when the battery reports online.
    case batteryOffline = "battery-offline"
    /// Demand not served. Cleared when a reading shows all demand served.
    case unservedLoad = "unserved-load"
    /// A control interval or retention pass could not be written. Cleared when an interval commits
    /// (the first interval after a start clears one left by an earlier run).
    case database
    /// An operator holds safe mode (`PUT /v1/mode` `safe`). Cleared when an operator asks for `auto`.
    case operatorSafe = "operator-safe"
}

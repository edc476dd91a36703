/// A fault injected into the simulated plant, for testing the EMS's responses.
public enum PlantFault: String, Sendable, Codable, CaseIterable {
    /// Gensets that are asked to start do not start.
    case gensetFailsToStart = "genset-fails-to-start"
    /// The battery strings trip offline: no charge or discharge.
    case batteryTrip = "battery-trip"
    /// PV output drops to 20 % of what the weather gives (a cloud front or an inverter trip).
    case pvDrop = "pv-drop"
    /// The load steps up by 20 % (a training job starts).
    case loadStep = "load-step"
    /// The meters stop answering: reads fail.
    case telemetryLoss = "telemetry-loss"
    /// The plant refuses setpoints: writes fail and the plant runs on the last accepted ones.
    case setpointsRefused = "setpoints-refused"
}

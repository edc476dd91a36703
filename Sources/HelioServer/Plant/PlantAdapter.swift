import HelioGrid
/// A plant the EMS controls: the simulated plant or real equipment over Modbus TCP.
///
/// The control loop reads telemetry, decides and writes setpoints once per control interval; an
/// adapter that cannot read or write throws, and the loop falls back to safe mode.
public protocol PlantAdapter: Sendable {
    /// The adapter's name in status and logs (`simulated`, `modbus`).
    var name: String { get }
    /// The plant clock, Unix milliseconds (wall time for real equipment; simulated time otherwise).
    func plantTimeMS() async -> Int64
    /// Reads the meters now.
    func readTelemetry() async throws -> PlantTelemetry
    /// Sends setpoints for the next interval, which lasts `seconds` of plant time.
    func apply(_ setpoints: PlantSetpoints, seconds: Double) async throws
}

/// Why an adapter could not read or write.
public struct PlantAdapterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed, in plain words.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

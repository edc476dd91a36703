import HelioGrid

/// A job request the EMS accepts for placement (``JobPlanner/order(_:nowMS:)``): every field checked
/// against the campus and the plant clock, the class and deadline typed.
public struct JobOrder: Sendable, Equatable {
    /// The scheduler's job id, 1 to 128 characters.
    public var id: String
    /// GPUs, 1 to the campus's.
    public var gpus: Int
    /// Run time at full power, hours (above 0, at most 168).
    public var hours: Double
    /// `batch` or `training`.
    public var jobClass: JobClass
    /// Lowest power cap it accepts, fraction.
    public var minPowerCap: Double
    /// Deadline, Unix ms.
    public var deadlineMS: Int64
}

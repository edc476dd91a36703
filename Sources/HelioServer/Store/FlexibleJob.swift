import GRDB
import HelioGrid

/// A flexible GPU job a scheduler asked the EMS to place (`POST /v1/jobs`, docs/compute.md), with
/// the start and power cap the EMS planned for it, as stored in the `jobs` table. Times are the
/// plant clock's Unix ms.
public struct FlexibleJob: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "jobs"
    /// The scheduler's job id.
    public var id: String
    /// GPUs it holds.
    public var gpus: Int
    /// Run time at full power, hours.
    public var hours: Double
    /// `training` or `batch` (interactive work is never placed).
    public var jobClass: JobClass
    /// When it was asked for, and its deadline, Unix ms.
    public var submittedMS: Int64, deadlineMS: Int64
    /// Lowest power cap it accepts, fraction.
    public var minPowerCap: Double
    /// Planned start, Unix ms, and power cap, fraction of its uncapped power.
    public var plannedStartMS: Int64, cap: Double
    /// IT power it draws at that cap, kW.
    public var itKW: Double
    /// Why it was placed there, in words.
    public var reason: String

    enum CodingKeys: String, CodingKey {
        case id, gpus, hours, cap, reason
        case jobClass = "class", submittedMS = "submitted_ms", deadlineMS = "deadline_ms", minPowerCap = "min_power_cap"
        case plannedStartMS = "planned_start_ms", itKW = "it_kw"
    }

    /// Planned end at its cap's throughput (``ThroughputCurve``), Unix ms.
    public var plannedEndMS: Int64 {
        PlantTime(unixMS: plannedStartMS).adding(hours: hours / ThroughputCurve.zeus.throughput(atPowerFraction: cap), rounding: .up).unixMS
    }

    /// How long before its deadline a planned run ends at the latest: time for the scheduler to start
    /// the job once released and for its run time to vary.
    public static let deadlineMargin = Duration.seconds(30 * 60)

    /// The span of its planned run.
    public var span: Range<PlantTime> { PlantTime(unixMS: plannedStartMS)..<PlantTime(unixMS: plannedEndMS) }

    /// Time between its planned end and its deadline less the placement margin (``deadlineMargin``), ms.
    public var slackMS: Int64 { (PlantTime(unixMS: deadlineMS) - Self.deadlineMargin).unixMS - plannedEndMS }
}

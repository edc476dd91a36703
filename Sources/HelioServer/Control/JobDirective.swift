/// What a placed job must do now for the curtailments in force (``JobPlanner/directives(jobs:curtailments:campusITKW:nowMS:)``):
/// run at its planned cap, run at a lower cap, or be suspended (held, if it has not started) until the
/// curtailment ends. The Slurm agent carries it out: `scontrol suspend|resume` and the cap command.
public struct JobDirective: Sendable, Equatable, Codable {
    /// What the scheduler does with the job.
    public enum Action: String, Sendable, Codable {
        /// Run at the cap in ``JobDirective/cap``.
        case run
        /// Run at the lower cap in ``JobDirective/cap`` until ``JobDirective/untilMS``.
        case cap
        /// Suspend the job (or keep it held) until ``JobDirective/untilMS``.
        case suspend
    }

    /// The action.
    public var action: Action
    /// Power cap to hold now, fraction of the job's uncapped power.
    public var cap: Double
    /// When the action ends (the curtailment's end), Unix ms; `nil` for `run`.
    public var untilMS: Int64?
    /// How much later the job ends than planned because of it, ms.
    public var delayMS: Int64
    /// Why, in words.
    public var reason: String

    /// Run at the planned cap `cap`.
    public static func planned(_ cap: Double) -> JobDirective {
        JobDirective(action: .run, cap: cap, untilMS: nil, delayMS: 0, reason: "as planned")
    }

    enum CodingKeys: String, CodingKey {
        case action, cap, reason
        case untilMS = "until_ms", delayMS = "delay_ms"
    }
}

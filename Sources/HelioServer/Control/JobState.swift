/// Where a placed job stands at the plant clock's present (``JobStatus``).
public enum JobState: String, Sendable, Codable {
    /// Before its planned start, or held through a curtailment before it started: the scheduler holds it.
    case held
    /// Within its planned run: the scheduler lets it run.
    case released
    /// Paused for a curtailment (``JobDirective/Action/suspend``).
    case suspended
    /// Past its planned end.
    case done
}

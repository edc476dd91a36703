/// The service class of a GPU job (docs/compute.md).
public enum JobClass: String, Sendable, CaseIterable, Codable {
    /// Serving users: never deferred, never capped.
    case interactive
    /// Long-running training: runs when it can start, may be power-capped down to its floor.
    case training
    /// Deadline work (evaluation, fine-tuning, data processing): may wait until its deadline, may be capped.
    case batch
}

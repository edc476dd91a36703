/// What storing a newly planned job came to (``EMSStore/insert(job:nowMS:maxActive:)``).
public enum JobInsertion: Sendable, Equatable {
    /// Stored.
    case inserted
    /// A job with its id is stored already.
    case idTaken
    /// `active` jobs are still due: the cap is reached.
    case full(active: Int)
}

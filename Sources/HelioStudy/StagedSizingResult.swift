import HelioOptimize

/// What a staged sizing study found (``StagedSizingStudy/search()``).
public struct StagedSizingResult: Sendable {
    /// The multi-period LP bound (`nil` when the objective is not NPC or the campus has a grid).
    public var bound: StagedCapacityBound?
    /// Every design simulated, in the order the search met them.
    public var outcomes: [StagedOutcome]
    /// The best design meeting the limits (`nil`: none found).
    public var best: StagedOutcome?
    /// The scenario's own plant and expansions, judged the same way.
    public var reference: StagedOutcome
    /// The best design's last-stage plant built on day one.
    public var dayOne: StagedOutcome?
    /// The best design's day-one plant, never expanded.
    public var firstStageOnly: StagedOutcome?
    /// Wall time of the search, seconds.
    public var seconds: Double
}

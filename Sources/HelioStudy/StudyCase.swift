import HelioGrid

/// One labelled run of a study (a plant variant, a strategy), ready to be rendered.
public struct StudyCase: Sendable {
    /// What distinguishes this case (`diesel only`, `rule (cost 1,234)`).
    public var label: String
    /// The run.
    public var result: SimulationResult

    /// Creates a case.
    public init(label: String, result: SimulationResult) {
        self.label = label
        self.result = result
    }
}

/// One labelled run of a study (a plant variant, a strategy), ready to be compared or rendered.
public struct LabeledResult: Sendable {
    /// What distinguishes this run (`diesel only`, `mpc`).
    public var label: String
    /// The run.
    public var result: SimulationResult

    /// Creates a labelled run.
    public init(label: String, result: SimulationResult) {
        self.label = label
        self.result = result
    }
}

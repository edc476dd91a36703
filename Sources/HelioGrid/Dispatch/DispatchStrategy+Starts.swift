extension DispatchStrategy {
    /// Decides for `context`, then starts the units the decision asks for, asking `startFails` at each
    /// attempt (with the unit's index). A unit that fails to start is taken out of service and the
    /// strategy decides again on the units left, as the live EMS does when a unit does not come up.
    /// Returns the last decision and the units started; the engine's commit then stops any surplus.
    public mutating func decideStartingUnits(_ context: inout DispatchContext, step: Int,
                                             startFails: (Int) -> Bool) -> (decision: DispatchDecision, starts: Int) {
        var decision = decide(context)
        var starts = 0
        while let attempt = context.fleet?.start(toward: decision.dieselUnits, step: step, startFails: startFails) {
            starts += attempt.started
            guard attempt.failed else { break }
            decision = decide(context)
        }
        return (decision, starts)
    }
}

/// A dispatch strategy with the campus's GPU work in the loop: `base` dispatches the plant for a
/// given load; this decides how much of the flexible work runs around it (docs/compute.md).
///
/// Each step starts from rigid operation (the arriving batch work, training uncapped), held within
/// any curtailment event's limit, and asks `base` what it would do:
/// - if it would start a genset or leave load unserved, batch work not yet due is deferred by as much
///   as the new units' output and the shortfall; if that does not avoid the start, training is also
///   capped towards its floor, when the diesel and unserved energy avoided are worth more
///   (``ComputeCosts``) than the GPU work the cap loses; flexibility that avoids nothing is not used;
/// - if it would curtail PV, waiting batch work runs in the surplus (as far as the GPUs allow).
/// Deferring flexible work within its deadline to low-carbon hours is the carbon-aware scheduling of
/// Radovanović et al., "Carbon-Aware Computing for Datacenters", IEEE Trans. Power Systems 38(2),
/// 2023; power capping is the second lever (Emerald AI's field trial shed 25 % of a cluster's power
/// for three hours with its service levels met).
public struct FlexibleComputeDispatch<Base: DispatchStrategy>: DispatchStrategy {
    /// The strategy dispatching the plant.
    public var base: Base
    /// The prices a cap is weighed by.
    public let costs: ComputeCosts

    /// `base` with flexible GPU work, capping training at `costs`.
    public init(base: Base, costs: ComputeCosts) {
        self.base = base
        self.costs = costs
    }

    public var kind: DispatchConfig.Strategy { base.kind }

    public mutating func decide(_ context: DispatchContext) -> DispatchDecision {
        guard let state = context.compute else { return base.decide(context) }
        let nominal = state.withinLimit(state.nominal)
        let first = probe(context, state, nominal)
        let running = context.fleet?.runningUnits ?? 0
        var choice = nominal
        if first.dieselUnits > running || first.unservedKW > 0 {
            let started = first.dieselUnits > running
                ? first.dieselKW * Double(first.dieselUnits - running) / Double(first.dieselUnits) : 0
            choice = lowered(context, state, from: nominal, first: first, by: started + first.unservedKW, running: running)
        } else if first.curtailedKW > 0 {
            choice = state.withinLimit(state.raised(by: first.curtailedKW, from: nominal))
        }
        var trial = context
        trial.loadKW = state.facilityKW(choice)
        var decision = base.decide(trial)
        decision.compute = choice
        return decision
    }

    /// What `base` would decide with the GPU work at `choice` (on a copy: the strategy is not advanced).
    private func probe(_ context: DispatchContext, _ state: ComputeState, _ choice: ComputeChoice) -> DispatchDecision {
        var trial = context, strategy = base
        trial.loadKW = state.facilityKW(choice)
        return strategy.decide(trial)
    }

    /// The choice below `start` that avoids what `first` started or left unserved: deferral alone if
    /// it does; deferral and caps if they avoid more than the work they lose costs; `start` when
    /// neither avoids anything.
    private func lowered(_ context: DispatchContext, _ state: ComputeState, from start: ComputeChoice, first: DispatchDecision,
                         by reductionKW: Double, running: Int) -> ComputeChoice {
        func avoids(_ decision: DispatchDecision) -> Bool {
            (first.dieselUnits > running && decision.dieselUnits <= running) || decision.unservedKW < first.unservedKW - 1e-9
        }
        let deferred = state.reduced(by: reductionKW, from: start, capping: false)
        let afterDeferral = probe(context, state, deferred)
        if afterDeferral.dieselUnits <= running && afterDeferral.unservedKW <= 0 { return deferred }
        let capped = state.reduced(by: reductionKW, from: start)
        if capped != deferred {
            let afterCaps = probe(context, state, capped)
            let hours = context.stepHours
            let avoided = (first.dieselKW - afterCaps.dieselKW) * hours * costs.dieselPerKWh
                + (first.unservedKW - afterCaps.unservedKW) * hours * costs.unservedPerKWh
            let lost = state.trainingKW * (1 - ThroughputCurve.zeus.throughput(atPowerFraction: capped.trainingCap)) * hours
            if avoids(afterCaps) && avoided > lost * costs.throughputPerKWh { return capped }
        }
        return avoids(afterDeferral) ? deferred : start
    }
}

/// The engine's side of flexible operation: the batch queue over the whole run, each step's
/// ``ComputeState`` for the strategy, and the step's choice carried out and accounted.
struct FlexibleComputeRun {
    let profile: ComputeProfile
    private var queue: ComputeQueue

    init(profile: ComputeProfile) {
        self.profile = profile
        queue = ComputeQueue(slackSteps: profile.slackSteps)
    }

    /// Work still waiting, kWh at full power.
    var queuedKWh: Double { queue.queuedKWh }

    /// Step `step` (index `index` of its year, `hours` long) begins: its batch work arrives; what the
    /// strategy sees.
    @inline(__always)
    mutating func begin(index: Int, step: Int, hours: Double) -> ComputeState {
        let arriving = profile.batchArrivalKW[index]
        queue.arrive(arriving * hours, step: step)
        var state = ComputeState()
        state.fixedITKW = profile.fixedITKW[index]
        state.trainingKW = profile.trainingKW[index]
        state.capFloor = profile.capFloor
        state.dueKW = queue.dueKWh(step: step) / hours
        state.arrivingKW = arriving
        state.queuedKW = queue.queuedKWh / hours
        state.spareKW = max(0, profile.workCapacityKW - profile.rigidWorkKW[index])
        state.facilityPerITKW = profile.facilityPerITKW[index]
        state.facilityFixedKW = profile.facilityFixedKW[index]
        guard !profile.curtailments.isEmpty else { return state }
        let minutes = hours * 60, shed = profile.curtailments.shed(startMinute: Double(step) * minutes, stepMinutes: minutes)
        if shed > 0 { state.itLimitKW = state.itKW(state.nominal) * (1 - shed) }
        return state
    }

    /// Carries out `choice` (held inside what `state` allows) for step `step` (index `index` of its
    /// year), `fromPVOnly` when the step took nothing from gensets, battery or grid, adding the
    /// service to `totals`; the choice carried out.
    @inline(__always)
    mutating func finish(_ choice: ComputeChoice, state: ComputeState, fromPVOnly: Bool, index: Int, step: Int, hours: Double,
                         into totals: inout ComputeTotals) -> ComputeChoice {
        var done = choice
        done.batchKW = min(max(choice.batchKW, state.minimumBatchKW), state.maximumBatchKW)
        done.trainingCap = min(max(choice.trainingCap, state.capFloor), 1)
        let deferred = queue.run(done.batchKW * hours, step: step, stepHours: hours, into: &totals)
        queue.expire(step: step, into: &totals)
        totals.batchArrivedKWh += state.arrivingKW * hours
        totals.trainingKWh += state.trainingKW * hours
        totals.interactiveKWh += (profile.rigidWorkKW[index] - state.trainingKW) * hours
        if done.trainingCap < 1 - 1e-12 {
            totals.cappedSteps += 1
            totals.trainingCapSavedKWh += state.trainingKW * (1 - done.trainingCap) * hours
            totals.trainingLostKWh += state.trainingKW * (1 - ThroughputCurve.zeus.throughput(atPowerFraction: done.trainingCap)) * hours
        }
        if fromPVOnly { totals.shiftedIntoPVKWh += deferred * state.facilityPerITKW }
        let excessIT = state.itKW(done) - state.itLimitKW
        if excessIT > 1e-9 { totals.eventShortfallKWh += excessIT * hours }
        return done
    }
}

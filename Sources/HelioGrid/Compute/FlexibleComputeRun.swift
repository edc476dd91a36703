/// The engine's side of flexible operation: the batch queue over the whole run, each step's
/// ``ComputeState`` for the strategy, and the step's choice carried out and accounted.
struct FlexibleComputeRun {
    let profile: ComputeProfile
    private var queue: ComputeQueue

    init(profile: ComputeProfile) {
        self.profile = profile
        queue = ComputeQueue(maxSlackSteps: profile.maxSlackSteps)
    }

    /// Work still waiting, kWh at full power.
    var queuedKWh: Double { queue.queuedKWh }

    /// Step `step` (index `index` of its year, `hours` long) begins: its batch work arrives; what the
    /// strategy sees.
    @inline(__always)
    mutating func begin(index: Int, step: Int, hours: Double) -> ComputeState {
        let arriving = profile.batchArrivalKW[index]
        for piece in profile.batchPieceStart[index]..<profile.batchPieceStart[index + 1] {
            queue.arrive(profile.batchPieceKW[piece] * hours, step: step, slackSteps: profile.batchPieceSlackSteps[piece])
        }
        var state = ComputeState()
        state.fixedITKW = profile.fixedITKW[index]
        state.trainingKW = profile.trainingKW[index]
        state.capFloor = state.trainingKW > 0 ? profile.trainingFloorKW[index] / state.trainingKW : 1
        state.dueKW = queue.dueKWh(step: step) / hours
        state.arrivingKW = arriving
        state.queuedKW = queue.queuedKWh / hours
        state.spareKW = max(0, profile.workCapacityKW - profile.rigidWorkKW[index])
        state.facilityPerITKW = profile.facilityPerITKW[index]
        state.facilityFixedKW = profile.facilityFixedKW[index]
        state.requiredKW = requiredKWh(index: index, step: step, hours: hours) / hours
        guard !profile.curtailments.isEmpty else { return state }
        let minutes = hours * 60, shed = profile.curtailments.shed(startMinute: Double(step) * minutes, stepMinutes: minutes)
        if shed > 0 { state.itLimitKW = state.itKW(state.nominal) * (1 - shed) }
        return state
    }

    /// The batch work that must run at `step` (index `index` of its year) so that the waiting work
    /// due in each later step fits the GPUs left before it, kWh: the largest excess, over the deadline
    /// window, of work due by a step over the GPU capacity of the steps in between, less what the
    /// rigid schedule's own arrivals need (the earliest-deadline-first feasibility test of Liu &
    /// Layland, J. ACM 20(1), 1973, on the aggregated cluster).
    private func requiredKWh(index: Int, step: Int, hours: Double) -> Double {
        var due = queue.dueKWh(step: step), capacity = 0.0, required = due
        guard queue.queuedKWh > due + 1e-9 else { return due }
        let steps = profile.batchArrivalKW.count
        for ahead in stride(from: 1, through: profile.maxSlackSteps, by: 1) {
            let later = (index + ahead) % steps
            due += queue.dueKWh(step: step + ahead)
            capacity += max(0, profile.workCapacityKW - profile.rigidWorkKW[later] - profile.batchArrivalKW[later]) * hours
            required = max(required, due - capacity)
        }
        return required
    }

    /// Carries out `choice` (held inside what `state` allows) for step `step` (index `index` of its
    /// year), `fromPVOnly` when the step took nothing from gensets, battery or grid, adding the
    /// service to `totals`; the choice carried out.
    @inline(__always)
    mutating func finish(_ choice: ComputeChoice, state: ComputeState, fromPVOnly: Bool, index: Int, step: Int, hours: Double,
                         into totals: inout ComputeTotals) -> ComputeChoice {
        let done = state.allowed(choice)
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

import HelioGrid

/// The campus's flexible GPU work over a dispatch horizon (docs/compute.md), for the LP: per step
/// the facility power that does not move, how facility power follows IT power, training work that
/// may be capped, batch work arriving and the GPU capacity left for it, the most batch work that may
/// still wait at the end of each step (all older work past its deadline done), and any event's limit.
public struct ComputeHorizon: Sendable {
    /// Facility power with training and batch work at zero, kW.
    public var fixedFacilityKW: [Double]
    /// Facility kW per IT kW at the margin.
    public var facilityPerITKW: [Double]
    /// IT power of idle nodes, fabric and interactive work, kW.
    public var fixedITKW: [Double]
    /// Training work at full power, kW.
    public var trainingKW: [Double]
    /// The lowest power training may be capped to, kW.
    public var trainingFloorKW: [Double]
    /// Batch work arriving, kW at full power.
    public var batchArrivalKW: [Double]
    /// GPU capacity left for batch work, kW at full power.
    public var batchSpareKW: [Double]
    /// Most batch work that may wait at the end of each step, kWh.
    public var backlogLimitKWh: [Double]
    /// IT power limit from curtailment events, kW (infinite without one).
    public var itLimitKW: [Double]
    /// Batch work waiting at the start, kWh.
    public var initialBacklogKWh: Double
    /// The lowest cap any training work accepts, fraction (where the throughput curve's segments start).
    public var lowestCapFloor: Double
    /// Cost of a kWh of GPU work lost to caps, currency.
    public var throughputPerKWh: Double

    /// The whole run of `scenario` from the year's `profile` (every year alike), with the run's
    /// curtailment events.
    public init(wholeRun profile: ComputeProfile, scenario: Scenario, axis: TimeAxis) {
        let years = scenario.site.years, hours = axis.stepHours
        func repeated(_ values: [Double]) -> [Double] { Array([[Double]](repeating: values, count: years).joined()) }
        let fixedIT = repeated(profile.fixedITKW), perIT = repeated(profile.facilityPerITKW), fixed = repeated(profile.facilityFixedKW)
        let training = repeated(profile.trainingKW), arrivals = repeated(profile.batchArrivalKW)
        fixedFacilityKW = zip(fixed, zip(perIT, fixedIT)).map { $0 + $1.0 * $1.1 }
        facilityPerITKW = perIT
        fixedITKW = fixedIT
        trainingKW = training
        trainingFloorKW = repeated(profile.trainingFloorKW)
        batchArrivalKW = arrivals
        batchSpareKW = repeated(profile.rigidWorkKW).map { max(0, profile.workCapacityKW - $0) }
        let steps = profile.batchArrivalKW.count
        backlogLimitKWh = Self.waitingKWh(profile, yearIndices: arrivals.indices.map { $0 % steps }, arrivals: arrivals, hours: hours)
        let minutes = hours * 60, schedule = profile.curtailments
        itLimitKW = arrivals.indices.map { t in
            let shed = schedule.shed(startMinute: Double(t) * minutes, stepMinutes: minutes)
            return shed > 0 ? (fixedIT[t] + training[t] + arrivals[t]) * (1 - shed) : .infinity
        }
        initialBacklogKWh = 0
        lowestCapFloor = profile.lowestCapFloor
        throughputPerKWh = ComputeCosts(scenario: scenario).throughputPerKWh
    }

    /// The next `steps` simulation steps from step `step` (index `index` of its year) for a receding
    /// horizon, the present `state` (its waiting work may wait the profile's longest slack at most;
    /// the engine's deadline floor keeps the true deadlines), with the fixed facility power taken from
    /// `loadForecastKW` (the load forecast less the planned training and batch work, so the forecast's
    /// error stays in it), each array then `blocked` into the plan's look-ahead blocks of `blockSteps`
    /// after `planSteps` (the backlog limit at each block's end).
    public init(receding profile: ComputeProfile, state: ComputeState, step: Int, index: Int, stepHours: Double, loadForecastKW: [Double],
                scenario: Scenario, blocked: ([Double]) -> [Double], planSteps: Int, blockSteps: Int) {
        let count = loadForecastKW.count, yearSteps = profile.batchArrivalKW.count, hours = stepHours
        let indices = (0..<count).map { (index + $0) % yearSteps }
        let perIT = indices.map { profile.facilityPerITKW[$0] }, training = indices.map { profile.trainingKW[$0] }
        let arrivals = indices.map { profile.batchArrivalKW[$0] }
        var fixed = (0..<count).map { loadForecastKW[$0] - perIT[$0] * (training[$0] + arrivals[$0]) }
        fixed[0] = state.facilityFixedKW + state.facilityPerITKW * state.fixedITKW
        let fixedIT = indices.map { profile.fixedITKW[$0] }
        let initial = max(0, (state.queuedKW - state.arrivingKW) * hours)
        let limits = Self.waitingKWh(profile, yearIndices: indices, arrivals: arrivals, hours: hours).enumerated().map { k, waiting in
            waiting + (k < profile.maxSlackSteps ? initial : 0)
        }
        let minutes = hours * 60
        let limitIT = (0..<count).map { k in
            let shed = profile.curtailments.shed(startMinute: Double(step + k) * minutes, stepMinutes: minutes)
            return shed > 0 ? (fixedIT[k] + training[k] + arrivals[k]) * (1 - shed) : Double.greatestFiniteMagnitude
        }
        fixedFacilityKW = blocked(fixed)
        facilityPerITKW = blocked(perIT)
        fixedITKW = blocked(fixedIT)
        trainingKW = blocked(training)
        trainingFloorKW = blocked(indices.map { profile.trainingFloorKW[$0] })
        batchArrivalKW = blocked(arrivals)
        batchSpareKW = blocked(indices.map { max(0, profile.workCapacityKW - profile.rigidWorkKW[$0]) })
        let blockEnds = stride(from: planSteps + blockSteps - 1, to: count, by: blockSteps)
        backlogLimitKWh = Array(limits[..<min(planSteps, count)]) + blockEnds.map { limits[$0] }
        itLimitKW = blocked(limitIT).map { $0 >= Double.greatestFiniteMagnitude / 2 ? .infinity : $0 }
        initialBacklogKWh = initial
        lowestCapFloor = profile.lowestCapFloor
        throughputPerKWh = ComputeCosts(scenario: scenario).throughputPerKWh
    }

    /// The batch work that may still wait at the end of each position, kWh: arrived by then and due
    /// after it, for positions at `yearIndices` of the profile's year, `arrivals` kW, `hours` each.
    private static func waitingKWh(_ profile: ComputeProfile, yearIndices: [Int], arrivals: [Double], hours: Double) -> [Double] {
        var dueAt = [Double](repeating: 0, count: yearIndices.count)
        for (position, index) in yearIndices.enumerated() {
            for piece in profile.batchPieceStart[index]..<profile.batchPieceStart[index + 1] {
                let due = position + profile.batchPieceSlackSteps[piece]
                if due < dueAt.count { dueAt[due] += profile.batchPieceKW[piece] * hours }
            }
        }
        var waiting = 0.0
        return yearIndices.indices.map { position in
            waiting += arrivals[position] * hours - dueAt[position]
            return max(0, waiting)
        }
    }
}

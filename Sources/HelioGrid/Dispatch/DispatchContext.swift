/// What a dispatch strategy sees at one step: demand, PV, and the plant's present state.
public struct DispatchContext: Sendable {
    /// Index of the step on the clock of the caller, in steps of ``stepHours``: the run's step in
    /// simulation; live, the control interval's count since the service started (the forward plan
    /// continues the same count). Genset minimum run times and the shaving level's day are counted
    /// in it; ``timeHours`` is the clock's time.
    public var step: Int
    /// Step length, hours.
    public var stepHours: Double
    /// Time at the start of the step, hours from the clock's origin: the start of the simulated
    /// base year in simulation, the Unix epoch in live operation.
    public var timeHours: Double
    /// Facility demand, kW.
    public var loadKW: Double
    /// PV power available before curtailment, kW.
    public var pvAvailableKW: Double
    /// The battery, if present (read-only: the engine applies decisions).
    public var battery: Battery?
    /// The genset fleet, if present.
    public var fleet: GensetFleet?
    /// The grid connection, if enabled.
    public var grid: GridConfig?
    /// The tariff's word on this step (simulation with a grid; `nil` otherwise).
    public var gridSignal: GridSignal?
    /// The GPU work the strategy may move or cap in flexible operation (`nil` when rigid); ``loadKW``
    /// is then the facility power of its ``ComputeState/nominal`` choice.
    public var compute: ComputeState?

    /// Creates a context; powers in kW. `timeHours` defaults to `step · stepHours` (the simulation clock).
    public init(step: Int, stepHours: Double, timeHours: Double? = nil, loadKW: Double, pvAvailableKW: Double,
                battery: Battery?, fleet: GensetFleet?, grid: GridConfig?) {
        self.step = step
        self.stepHours = stepHours
        self.timeHours = timeHours ?? Double(step) * stepHours
        self.loadKW = loadKW
        self.pvAvailableKW = pvAvailableKW
        self.battery = battery
        self.fleet = fleet
        self.grid = grid
    }

    /// Moves the context to `step` of the simulation clock with that step's demand and PV, kW; the
    /// plant's state is left as the last step's decision made it.
    @inline(__always)
    public mutating func advance(to step: Int, loadKW: Double, pvAvailableKW: Double) {
        self.step = step
        timeHours = Double(step) * stepHours
        self.loadKW = loadKW
        self.pvAvailableKW = pvAvailableKW
    }
}

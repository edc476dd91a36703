/// What a dispatch strategy sees at one step: demand, PV, and the plant's present state.
public struct DispatchContext: Sendable {
    /// Index of the step from the start of the run.
    public var step: Int
    /// Step length, hours.
    public var stepHours: Double
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

    /// Creates a context; powers in kW.
    public init(step: Int, stepHours: Double, loadKW: Double, pvAvailableKW: Double,
                battery: Battery?, fleet: GensetFleet?, grid: GridConfig?) {
        self.step = step
        self.stepHours = stepHours
        self.loadKW = loadKW
        self.pvAvailableKW = pvAvailableKW
        self.battery = battery
        self.fleet = fleet
        self.grid = grid
    }
}

/// A fleet of identical diesel gensets tracked unit by unit: commitment, minimum run time,
/// starts, run hours and fuel.
///
/// Fuel curve (HOMER Pro manual, "Generator Fuel Curve"; DESIGN.md): F (L/h) = F₀ · P_rated ·
/// units running + F₁ · P_out. Units are started in order of fewest run hours and stopped in order
/// of most run hours, as operators rotate duty to even out wear. A unit started during a step
/// carries load only after `start_seconds`, so its share of that step's energy is reduced.
public struct GensetFleet: Sendable {
    /// The `[diesel]` section.
    public let config: DieselConfig
    /// Per unit: whether it is running.
    public private(set) var isOn: [Bool]
    /// Per unit: the step at which it last started.
    public private(set) var startedAtStep: [Int]
    /// Per unit: hours run so far.
    public private(set) var runHours: [Double]
    /// Per unit: starts so far.
    public private(set) var starts: [Int]
    /// Units running now.
    public private(set) var runningUnits = 0

    /// Creates a fleet with every unit stopped.
    public init(config: DieselConfig) {
        self.config = config
        isOn = Array(repeating: false, count: config.units)
        startedAtStep = Array(repeating: 0, count: config.units)
        runHours = Array(repeating: 0, count: config.units)
        starts = Array(repeating: 0, count: config.units)
    }

    /// Running units that have not yet completed their minimum run time at `step`.
    public func unitsThatMustRun(step: Int, stepHours: Double) -> Int {
        var count = 0
        for unit in 0..<config.units where isOn[unit] && Double(step - startedAtStep[unit]) * stepHours < config.minRunHours {
            count += 1
        }
        return count
    }

    /// Average power `units` committed units can deliver over a step of `stepHours`, kW,
    /// allowing for the start delay of units not yet running.
    public func capacityKW(units: Int, stepHours: Double) -> Double {
        let continuing = min(units, runningUnits)
        let starting = units - continuing
        let availableShare = max(0, 1 - config.startSeconds / (stepHours * 3600))
        return config.unitKW * (Double(continuing) + Double(starting) * availableShare)
    }

    /// Minimum output of `units` running units, kW.
    public func minimumKW(units: Int) -> Double {
        Double(units) * config.minLoadRatio * config.unitKW
    }

    /// Fuel burnt in a step, litres, by `units` running units producing `outputKW` on average.
    @inline(__always)
    public func fuelL(units: Int, outputKW: Double, stepHours: Double) -> Double {
        guard units > 0 else { return 0 }
        return (config.fuelInterceptLPerKWhRated * config.unitKW * Double(units) + config.fuelSlopeLPerKWh * outputKW) * stepHours
    }

    /// Commits exactly `units` units for `step`, starting the least-used stopped units or stopping
    /// the most-used running ones, and accrues run hours. Returns the number of starts.
    @discardableResult
    public mutating func commit(units: Int, step: Int, stepHours: Double) -> Int {
        var started = 0
        while runningUnits < units, let unit = pickToStart() {
            isOn[unit] = true
            startedAtStep[unit] = step
            starts[unit] += 1
            runningUnits += 1
            started += 1
        }
        while runningUnits > units, let unit = pickToStop(step: step, stepHours: stepHours) {
            isOn[unit] = false
            runningUnits -= 1
        }
        for unit in 0..<config.units where isOn[unit] { runHours[unit] += stepHours }
        return started
    }

    /// The stopped unit with the fewest run hours.
    private func pickToStart() -> Int? {
        (0..<config.units).filter { !isOn[$0] }.min { runHours[$0] < runHours[$1] }
    }

    /// The running unit with the most run hours, preferring units past their minimum run time.
    private func pickToStop(step: Int, stepHours: Double) -> Int? {
        let running = (0..<config.units).filter { isOn[$0] }
        let free = running.filter { Double(step - startedAtStep[$0]) * stepHours >= config.minRunHours }
        return (free.isEmpty ? running : free).max { runHours[$0] < runHours[$1] }
    }
}

/// A fleet of identical diesel gensets tracked unit by unit: commitment, minimum run time,
/// starts, run hours and fuel.
///
/// Fuel curve (HOMER Pro manual, "Generator Fuel Curve"; ``DieselConfig/fuelL(units:outputKW:hours:)``): F (L/h) = F₀ · P_rated ·
/// units running + F₁ · P_out. Units are started in order of fewest run hours and stopped in order
/// of most run hours, as operators rotate duty to even out wear. A unit started during a step
/// carries load only after `start_seconds`, so its share of that step's energy is reduced.
public struct GensetFleet: Sendable {
    /// The `[diesel]` section.
    @inline(__always)
    public var config: DieselConfig { shared.value }
    private var shared: SharedConfig<DieselConfig>
    /// Every unit's state, in a fixed order.
    public private(set) var units: [GensetUnit]
    /// Units running now.
    public private(set) var runningUnits = 0
    /// Units that can run now: every unit, less those failed, under repair or without fuel.
    public private(set) var unitsInService: Int
    /// Share of its rating a unit can deliver now (ambient temperature and altitude derating).
    public private(set) var ratingFactor = 1.0

    /// What one unit can deliver now, kW: its rating × ``ratingFactor``.
    @inline(__always)
    public var availableUnitKW: Double { config.unitKW * ratingFactor }

    /// Sets the derating of the present step (``DieselConfig/ratingFactor(ambientC:elevationM:)``).
    @inline(__always)
    public mutating func derate(to factor: Double) { ratingFactor = factor }

    /// Creates a fleet with every unit stopped.
    public init(config: DieselConfig) {
        shared = SharedConfig(config)
        units = Array(repeating: GensetUnit(), count: config.units)
        unitsInService = config.units
    }

    /// Adds `units` new stopped units of the same rating, installed in project year index `yearIndex`
    /// (``GensetUnit/installedInYear``), so each ages from its own installation.
    public mutating func expand(by units: Int, yearIndex: Int) {
        guard units > 0 else { return }
        var config = config
        config.units += units
        shared = SharedConfig(config)
        var unit = GensetUnit()
        unit.installedInYear = yearIndex
        self.units += Array(repeating: unit, count: units)
        unitsInService += units
    }

    /// Puts unit `index` in or out of service; a unit taken out while running stops at once.
    public mutating func setInService(_ index: Int, _ inService: Bool) {
        guard units[index].inService != inService else { return }
        units[index].inService = inService
        unitsInService += inService ? 1 : -1
        if !inService && units[index].isOn {
            units[index].isOn = false
            runningUnits -= 1
        }
    }

    /// Starts units towards `target` as ``commit(units:step:stepHours:)`` would, asking `startFails`
    /// for each attempt; a unit that fails to start is taken out of service and the next one tried.
    /// Returns the units started and whether any attempt failed.
    public mutating func start(toward target: Int, step: Int, startFails: (Int) -> Bool) -> (started: Int, failed: Bool) {
        var started = 0, failed = false
        while runningUnits < target, let index = pickToStart() {
            if startFails(index) {
                setInService(index, false)
                failed = true
                continue
            }
            startUnit(index, step: step)
            started += 1
        }
        return (started, failed)
    }

    /// Starts unit `index` at `step`.
    private mutating func startUnit(_ index: Int, step: Int) {
        units[index].isOn = true
        units[index].startedAtStep = step
        units[index].starts += 1
        runningUnits += 1
    }

    /// Running units that have not yet completed their minimum run time at `step`.
    public func unitsThatMustRun(step: Int, stepHours: Double) -> Int {
        guard runningUnits > 0 else { return 0 }
        var count = 0
        for unit in units where unit.isOn && !unit.hasCompletedMinimumRun(step: step, stepHours: stepHours, minRunHours: config.minRunHours) {
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
        return availableUnitKW * (Double(continuing) + Double(starting) * availableShare)
    }

    /// Minimum output of `units` running units, kW.
    public func minimumKW(units: Int) -> Double {
        Double(units) * config.minLoadRatio * config.unitKW
    }

    /// Commits exactly `units` units for `step`, starting the least-used stopped units or stopping
    /// the most-used running ones, and accrues run hours. Returns the number of starts.
    @discardableResult
    public mutating func commit(units target: Int, step: Int, stepHours: Double) -> Int {
        guard target > 0 || runningUnits > 0 else { return 0 }
        var started = 0
        while runningUnits < target, let index = pickToStart() {
            startUnit(index, step: step)
            started += 1
        }
        while runningUnits > target, let index = pickToStop(step: step, stepHours: stepHours) {
            units[index].isOn = false
            runningUnits -= 1
        }
        for index in units.indices where units[index].isOn { units[index].runHours += stepHours }
        return started
    }

    /// At the end of project year `year` (from 0): replaces every unit whose engine has run
    /// `lifeHours` or is `lifeYears` old, then overhauls every other one that has run
    /// `overhaulHours` since its last overhaul; returns how many of each.
    public mutating func endYear(_ year: Int, lifeHours: Double, lifeYears: Double, overhaulHours: Double) -> (replaced: Int, overhauled: Int) {
        var replaced = 0, overhauled = 0
        for index in units.indices {
            if units[index].hoursSinceInstall >= lifeHours || Double(year + 1 - units[index].installedInYear) >= lifeYears {
                units[index].installedAtRunHours = units[index].runHours
                units[index].overhauledAtRunHours = units[index].runHours
                units[index].installedInYear = year + 1
                replaced += 1
            } else if units[index].hoursSinceOverhaul >= overhaulHours {
                units[index].overhauledAtRunHours = units[index].runHours
                overhauled += 1
            }
        }
        return (replaced, overhauled)
    }

    /// The stopped unit with the fewest run hours.
    private func pickToStart() -> Int? {
        var best: Int?
        for index in units.indices where !units[index].isOn && units[index].inService {
            if best.map({ units[index].runHours < units[$0].runHours }) ?? true { best = index }
        }
        return best
    }

    /// The running unit with the most run hours, preferring units past their minimum run time.
    private func pickToStop(step: Int, stepHours: Double) -> Int? {
        var bestFree: Int?, bestAny: Int?
        for index in units.indices where units[index].isOn {
            let hours = units[index].runHours
            if bestAny.map({ hours > units[$0].runHours }) ?? true { bestAny = index }
            if units[index].hasCompletedMinimumRun(step: step, stepHours: stepHours, minRunHours: config.minRunHours),
               bestFree.map({ hours > units[$0].runHours }) ?? true {
                bestFree = index
            }
        }
        return bestFree ?? bestAny
    }
}

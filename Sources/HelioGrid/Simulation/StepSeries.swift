/// Per-step results of a run as contiguous columns (the `steps.csv` contract).
public struct StepSeries: Sendable {
    /// Facility demand, kW.
    public var loadKW: [Double] = []
    /// IT demand, kW.
    public var itKW: [Double] = []
    /// PV available, kW.
    public var pvAvailableKW: [Double] = []
    /// PV used, kW.
    public var pvKW: [Double] = []
    /// PV curtailed, kW.
    public var curtailedKW: [Double] = []
    /// Battery at the bus, kW (positive discharging).
    public var batteryKW: [Double] = []
    /// State of charge at the end of the step, fraction.
    public var soc: [Double] = []
    /// Genset output, kW.
    public var dieselKW: [Double] = []
    /// Gensets running.
    public var dieselUnits: [Int] = []
    /// Grid power, kW (positive importing).
    public var gridKW: [Double] = []
    /// Unserved demand, kW.
    public var unservedKW: [Double] = []
    /// Scope 1 + Scope 2 (location-based) emissions in the step, kgCO₂e.
    public var co2Kg: [Double] = []
    /// Genset fuel burnt in the step, litres.
    public var fuelL: [Double] = []

    /// Creates empty columns with room for `capacity` steps.
    public init(capacity: Int) {
        for keyPath in Self.doubleColumns { self[keyPath: keyPath].reserveCapacity(capacity) }
        dieselUnits.reserveCapacity(capacity)
    }

    /// Number of steps recorded.
    public var count: Int { loadKW.count }
}

extension StepSeries {
    /// Appends one step.
    @inline(__always)
    mutating func append(_ decision: DispatchDecision, load: Double, it: Double, pvAvailable: Double, soc: Double,
                         co2Kg: Double, fuelL: Double) {
        loadKW.append(load)
        itKW.append(it)
        pvAvailableKW.append(pvAvailable)
        pvKW.append(decision.pvKW)
        curtailedKW.append(decision.curtailedKW)
        batteryKW.append(decision.batteryKW)
        self.soc.append(soc)
        dieselKW.append(decision.dieselKW)
        dieselUnits.append(decision.dieselUnits)
        gridKW.append(decision.gridKW)
        unservedKW.append(decision.unservedKW)
        self.co2Kg.append(co2Kg)
        self.fuelL.append(fuelL)
    }
}

extension StepSeries {
    /// Every column as a key path (the steps' integer column apart).
    private static var doubleColumns: [WritableKeyPath<StepSeries, [Double]>] {
        [\.loadKW, \.itKW, \.pvAvailableKW, \.pvKW, \.curtailedKW, \.batteryKW, \.soc, \.dieselKW, \.gridKW, \.unservedKW, \.co2Kg, \.fuelL]
    }

    /// Appends the steps of `other` after these.
    mutating func append(contentsOf other: StepSeries) {
        for column in Self.doubleColumns { self[keyPath: column].append(contentsOf: other[keyPath: column]) }
        dieselUnits.append(contentsOf: other.dieselUnits)
    }

    /// The steps in `range` as a series of their own.
    public func slice(_ range: Range<Int>) -> StepSeries {
        var part = StepSeries(capacity: range.count)
        for column in Self.doubleColumns { part[keyPath: column] = Array(self[keyPath: column][range]) }
        part.dieselUnits = Array(dieselUnits[range])
        return part
    }

    /// Removes every step, keeping the room.
    mutating func removeAll() {
        for column in Self.doubleColumns { self[keyPath: column].removeAll(keepingCapacity: true) }
        dieselUnits.removeAll(keepingCapacity: true)
    }

    /// The energy flows of step `t`, whose steps last `stepHours`.
    public func flows(at t: Int, stepHours: Double) -> StepFlows {
        StepFlows(loadKW: loadKW[t], pvKW: pvKW[t], curtailedKW: curtailedKW[t], batteryKW: batteryKW[t], dieselKW: dieselKW[t],
                  gridKW: gridKW[t], unservedKW: unservedKW[t], hours: stepHours)
    }
}

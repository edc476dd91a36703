/// Failures, repairs, failed starts and fuel logistics drawn for one sample of a reliability run
/// (``ReliabilityConfig``): each genset, battery string and PV inverter block a
/// ``RepairableComponent`` in its steady state at the start; each genset start failing with the
/// configured probability; fuel drawn from a tank that scheduled, randomly late deliveries refill.
///
/// A genset is in service when it works and the tank holds the fuel to run it for the step at its
/// rating (running units are served first). Battery strings share one state of charge; the online
/// share scales the battery's power and reachable energy. PV falls with the share of blocks online.
public struct FailureEvents: PlantEvents {
    public let config: ReliabilityConfig
    private var random: SplitMix64
    private var gensets: [RepairableComponent]
    private var strings: [RepairableComponent]
    private var blocks: [RepairableComponent]
    /// Fuel per unit per hour at its rating, litres, and per start.
    private let unitFuelLPerHour: Double, startFuelL: Double
    /// Fuel in the tank, litres (unlimited without a tank).
    public private(set) var tankL: Double
    /// The lowest the tank has been, litres.
    public private(set) var lowestTankL: Double
    /// Deliveries made.
    public private(set) var deliveries = 0
    /// Genset starts that failed.
    public private(set) var failedStarts = 0
    private var scheduledDeliveryHours: Double, arrivalHours: Double

    /// The events of one sample, drawn from `seed`, for `scenario`'s plant.
    public init(scenario: Scenario, config: ReliabilityConfig, seed: UInt64) {
        self.config = config
        var random = SplitMix64(seed: seed)
        let unitCount = scenario.diesel?.units ?? 0
        gensets = (0..<unitCount).map { _ in RepairableComponent(mttfHours: config.gensetMTTFHours, mttrHours: config.gensetMTTRHours, random: &random) }
        strings = (0..<config.batteryStrings).map { _ in
            RepairableComponent(mttfHours: config.batteryMTTFHours, mttrHours: config.batteryMTTRHours, random: &random)
        }
        blocks = (0..<config.pvBlocks).map { _ in RepairableComponent(mttfHours: config.pvMTTFHours, mttrHours: config.pvMTTRHours, random: &random) }
        unitFuelLPerHour = scenario.diesel.map { $0.fuelL(units: 1, outputKW: $0.unitKW, hours: 1) } ?? 0
        startFuelL = scenario.diesel?.startFuelL ?? 0
        tankL = config.fuelTankL ?? .infinity
        lowestTankL = tankL
        scheduledDeliveryHours = config.fuelDeliveryIntervalDays * 24
        arrivalHours = scheduledDeliveryHours + RepairableComponent.exponential(mean: config.fuelDeliveryDelayMeanHours, random: &random)
        self.random = random
    }

    public var startsCanFail: Bool { config.gensetFailToStart > 0 }

    public mutating func begin(timeHours: Double, stepHours: Double, context: inout DispatchContext) -> Double {
        deliver(until: timeHours)
        if context.fleet != nil { placeGensets(timeHours: timeHours, stepHours: stepHours, context: &context) }
        if context.battery != nil && !strings.isEmpty {
            let online = Self.advance(&strings, to: timeHours, mttf: config.batteryMTTFHours, mttr: config.batteryMTTRHours, random: &random)
            context.battery?.setOnlineFraction(Double(online) / Double(strings.count))
        }
        guard !blocks.isEmpty else { return 1 }
        return Double(Self.advance(&blocks, to: timeHours, mttf: config.pvMTTFHours, mttr: config.pvMTTRHours, random: &random)) / Double(blocks.count)
    }

    public mutating func startFails(timeHours: Double, unit: Int) -> Bool {
        guard Double.random(in: 0..<1, using: &random) < config.gensetFailToStart else { return false }
        gensets[unit].fail(at: timeHours, mttrHours: config.gensetMTTRHours, random: &random)
        failedStarts += 1
        return true
    }

    public mutating func burn(fuelL: Double) {
        guard config.fuelTankL != nil else { return }
        tankL -= fuelL
        lowestTankL = min(lowestTankL, tankL)
    }

    /// Deliveries that have arrived by `timeHours` fill the tank; each schedules the next.
    private mutating func deliver(until timeHours: Double) {
        guard let capacity = config.fuelTankL else { return }
        while arrivalHours <= timeHours {
            tankL = capacity
            deliveries += 1
            scheduledDeliveryHours += config.fuelDeliveryIntervalDays * 24
            let delay = RepairableComponent.exponential(mean: config.fuelDeliveryDelayMeanHours, random: &random)
            arrivalHours = max(arrivalHours, scheduledDeliveryHours + delay)
        }
    }

    /// Units in service: working, and with fuel in the tank for the step at rating (running units first).
    private mutating func placeGensets(timeHours: Double, stepHours: Double, context: inout DispatchContext) {
        let unitStepL = unitFuelLPerHour * stepHours + startFuelL
        var fuelUnits = config.fuelTankL == nil ? gensets.count : Int(min(Double(gensets.count), max(0, tankL) / unitStepL))
        for index in gensets.indices {
            gensets[index].advance(to: timeHours, mttfHours: config.gensetMTTFHours, mttrHours: config.gensetMTTRHours, random: &random)
        }
        // Running units first; one taken out stops, and the second pass finds it out again.
        for index in gensets.indices where context.fleet?.units[index].isOn == true {
            place(index, fuelUnits: &fuelUnits, context: &context)
        }
        for index in gensets.indices where context.fleet?.units[index].isOn == false {
            place(index, fuelUnits: &fuelUnits, context: &context)
        }
    }

    /// Puts genset `index` in service if it works and fuel is left for one more unit.
    private func place(_ index: Int, fuelUnits: inout Int, context: inout DispatchContext) {
        let inService = gensets[index].isUp && fuelUnits > 0
        if inService { fuelUnits -= 1 }
        context.fleet?.setInService(index, inService)
    }

    /// Brings `components` to `timeHours`; returns how many work.
    private static func advance(_ components: inout [RepairableComponent], to timeHours: Double, mttf: Double, mttr: Double,
                                random: inout SplitMix64) -> Int {
        var up = 0
        for index in components.indices {
            components[index].advance(to: timeHours, mttfHours: mttf, mttrHours: mttr, random: &random)
            if components[index].isUp { up += 1 }
        }
        return up
    }
}

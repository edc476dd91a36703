import Foundation

/// A battery as an energy reservoir with separate charge and discharge efficiencies, power and
/// state-of-charge limits, self-discharge, and capacity fade.
///
/// The reservoir ("bucket") model of HOMER's idealised storage and of SAM's battery dispatch:
/// stored energy E changes by `P_charge · η_c · Δt` or `−P_discharge / η_d · Δt` (powers at the AC
/// bus). Capacity fade: linear calendar ageing to 80 % at `calendar_life_years`, plus cycle ageing
/// from rainflow-counted cycles (``RainflowCounter``) with damage linear in cycle depth, so that
/// `cycle_life` equivalent full cycles take the cell to 80 %. Linearity in throughput follows
/// S. B. Peterson, J. Apt and J. F. Whitacre, J. Power Sources 195 (2010) 2385–2392.
public struct Battery: Sendable {
    /// The `[battery]` section.
    @inline(__always)
    public var config: BatteryConfig { shared.value }
    private var shared: SharedConfig<BatteryConfig>
    /// Present capacity after fade, kWh.
    public private(set) var capacityKWh: Double
    /// Energy stored, kWh.
    public private(set) var energyKWh: Double
    /// Energy drawn out of storage so far (before discharge losses), kWh.
    public private(set) var dischargedFromStorageKWh = 0.0
    /// Counts cycles of the state of charge for cycle ageing.
    public private(set) var rainflow = RainflowCounter()
    /// Capacity lost so far, fraction of nameplate.
    public private(set) var fadeFraction = 0.0
    /// Share of the battery's strings online (1 but in reliability runs): the power limits and the
    /// energy reachable above a floor or below a ceiling scale with it.
    public private(set) var onlineFraction = 1.0

    /// The purchases of cells of a battery that grows (``expand(to:yearIndex:runYears:)``), each with
    /// its own fade; empty for a battery bought once, whose cells age together.
    public private(set) var tranches: [BatteryTranche] = []

    /// Self-discharge retention over `retentionHours`, cached: the step length rarely changes.
    private var retentionHours = 0.0
    private var retention = 1.0

    /// Fade at end of life: capacity at 80 % of nameplate.
    public static let endOfLifeFade = 0.2

    /// Creates a new battery at its initial state of charge.
    public init(config: BatteryConfig) {
        shared = SharedConfig(config)
        capacityKWh = config.energyKWh
        energyKWh = config.energyKWh * config.socInitial
        rainflow.add(config.socInitial)
    }

    /// A new battery at state of charge `soc` (a plant resumed from measurements).
    public init(config: BatteryConfig, soc: Double) {
        self.init(config: config)
        energyKWh = config.energyKWh * soc
        rainflow = RainflowCounter()
        rainflow.add(soc)
    }

    /// State of charge, fraction of present capacity.
    public var soc: Double { energyKWh / capacityKWh }

    /// Largest discharge power at the bus, kW, over `hours` without going below `floorSOC`.
    @inline(__always)
    public func maxDischargeKW(floorSOC: Double, hours: Double) -> Double {
        let availableKWh = (energyKWh - floorSOC * capacityKWh) * onlineFraction
        guard availableKWh > 0 else { return 0 }
        return min(config.powerKW * onlineFraction, availableKWh * config.dischargeEfficiency / hours)
    }

    /// Largest charge power at the bus, kW, over `hours` without going above `ceilingSOC`.
    @inline(__always)
    public func maxChargeKW(ceilingSOC: Double, hours: Double) -> Double {
        let roomKWh = (ceilingSOC * capacityKWh - energyKWh) * onlineFraction
        guard roomKWh > 0 else { return 0 }
        return min(config.powerKW * onlineFraction, roomKWh / (config.chargeEfficiency * hours))
    }

    /// Sets the share of strings online, 0…1. The strings are taken to share one state of charge
    /// (a string returning from repair is balanced with the others), so the online strings reach
    /// `fraction` of the energy above a floor and `fraction` of the power.
    public mutating func setOnlineFraction(_ fraction: Double) {
        onlineFraction = fraction
    }

    /// Applies a bus power for `hours` (kW, positive discharging, negative charging), then
    /// self-discharge, and records the new state of charge for cycle counting.
    public mutating func apply(powerKW: Double, hours: Double) {
        if powerKW > 0 {
            let drawnKWh = powerKW / config.dischargeEfficiency * hours
            energyKWh -= drawnKWh
            dischargedFromStorageKWh += drawnKWh
        } else if powerKW < 0 {
            energyKWh -= powerKW * config.chargeEfficiency * hours
        }
        if hours != retentionHours {
            retentionHours = hours
            retention = pow(1 - config.selfDischargePerDay, hours / 24)
        }
        energyKWh *= retention
        rainflow.add(soc)
    }

    /// Equivalent full cycles so far: energy drawn from storage over nameplate energy.
    public var equivalentFullCycles: Double { dischargedFromStorageKWh / config.energyKWh }

    /// Applies the fade accrued after `years` since installation: calendar plus cycle damage since
    /// then. Stored energy keeps its state of charge.
    public mutating func age(toYears years: Double) {
        let calendar = Self.endOfLifeFade * years / config.calendarLifeYears
        let cycling = Self.endOfLifeFade * rainflow.damage(cyclesToFailureAtFullDepth: config.cycleLife)
        let currentSOC = soc
        fadeFraction = min(1, calendar + cycling)
        capacityKWh = config.energyKWh * max(1e-9, 1 - fadeFraction)
        energyKWh = currentSOC * capacityKWh
    }

    /// The run's fade measure: calendar fade over `years` plus the cycle damage counted since the run
    /// began (a battery that tracks purchases never restarts its count).
    private func runFade(years: Double) -> Double {
        Self.endOfLifeFade * years / config.calendarLifeYears + Self.endOfLifeFade * rainflow.damage(cyclesToFailureAtFullDepth: config.cycleLife)
    }

    /// Tracks the present cells as the first purchase, so later purchases age apart from them. Call
    /// before the run when the battery will be expanded with cells.
    public mutating func trackPurchases() {
        tranches = [BatteryTranche(energyKWh: config.energyKWh, boughtInYear: 0, baseline: 0)]
    }

    /// Adds cells and power electronics: `newConfig` is the battery with its additions (nameplate
    /// energy and power); the new cells, bought in cash-flow year `yearIndex` and unfaded, join at the
    /// present state of charge. `runYears` is the time since the run began, years.
    public mutating func expand(to newConfig: BatteryConfig, yearIndex: Int, runYears: Double) {
        let currentSOC = soc, addedKWh = newConfig.energyKWh - config.energyKWh
        shared = SharedConfig(newConfig)
        if addedKWh > 0 {
            precondition(!tranches.isEmpty, "cells added to a battery that does not track its purchases")
            tranches.append(BatteryTranche(energyKWh: addedKWh, boughtInYear: yearIndex, baseline: runFade(years: runYears)))
            capacityKWh += addedKWh
        }
        fadeFraction = 1 - capacityKWh / newConfig.energyKWh
        energyKWh = currentSOC * capacityKWh
    }

    /// ``age(toYears:)`` for a battery that tracks purchases: each purchase's fade is the run's fade
    /// measure after `runYears` less its baseline; the capacity is their sum.
    public mutating func ageTranches(toYears runYears: Double) {
        let measure = runFade(years: runYears)
        for index in tranches.indices { tranches[index].fade = min(1, measure - tranches[index].baseline) }
        settleTranches()
    }

    /// Replaces the cells of every purchase whose fade reached `endOfLifeFade`, bought in cash-flow year
    /// `boughtInYear`; returns the nameplate bought, kWh.
    public mutating func replaceWornTranches(endOfLifeFade: Double, runYears: Double, boughtInYear: Int) -> Double {
        let measure = runFade(years: runYears)
        var boughtKWh = 0.0
        for index in tranches.indices where tranches[index].fade >= endOfLifeFade {
            boughtKWh += tranches[index].energyKWh
            tranches[index] = BatteryTranche(energyKWh: tranches[index].energyKWh, boughtInYear: boughtInYear, baseline: measure)
        }
        settleTranches()
        return boughtKWh
    }

    /// Buys back every purchase's fade (augmentation `maintain`); returns the capacity added, kWh.
    public mutating func augmentTranches(runYears: Double) -> Double {
        let measure = runFade(years: runYears)
        var addedKWh = 0.0
        for index in tranches.indices {
            addedKWh += tranches[index].fade * tranches[index].energyKWh
            tranches[index].baseline = measure
            tranches[index].fade = 0
        }
        settleTranches()
        return addedKWh
    }

    /// Capacity and fade from the purchases, at the present state of charge.
    private mutating func settleTranches() {
        let currentSOC = soc
        capacityKWh = max(1e-9, tranches.reduce(0) { $0 + $1.energyKWh * max(0, 1 - $1.fade) })
        fadeFraction = 1 - capacityKWh / config.energyKWh
        energyKWh = currentSOC * capacityKWh
    }

    /// Replaces the cells with new ones at the present state of charge: nameplate capacity, no fade,
    /// cycle counting started afresh. Energy drawn so far stays counted for the run's cycle total.
    public mutating func replace() {
        let currentSOC = soc
        fadeFraction = 0
        capacityKWh = config.energyKWh
        energyKWh = currentSOC * capacityKWh
        rainflow = RainflowCounter()
        rainflow.add(currentSOC)
    }
}

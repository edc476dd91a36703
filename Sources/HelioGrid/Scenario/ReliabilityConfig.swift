import Foundation

/// The `[reliability]` section: how the plant's components fail and are repaired, and the fuel
/// logistics, for `heliogrid reliability` (docs/reliability.md). Every key is optional.
///
/// Defaults:
/// - Gensets: fail to start with probability 0.0094 and fail while running after a mean 1,100 h —
///   the defaults of NREL's REopt Energy Resilience Performance (ERP) tool, which draws on measured
///   fleet data (J. Marqusee and D. Jenket, "Reliability of emergency and standby diesel generators:
///   Impact on energy resiliency solutions", Applied Energy 268, 2020). The mean repair time, 5.5 h,
///   makes a unit's steady-state availability MTTF / (MTTF + MTTR) equal REopt ERP's operational
///   availability 0.995.
/// - Battery strings and PV inverter blocks: one failure a year on average (MTTF 8,760 h, an
///   assumption) and repair times that give REopt ERP's availabilities, 0.97 for storage (271 h) and
///   0.98 for PV (179 h). One string per 5 MWh of battery and one block per 5 MWdc of PV, rounded up.
/// - Fuel: no tank limit unless `fuel_tank_l` is given; then a delivery every 7 days, late by an
///   exponentially distributed delay of mean 24 h, each filling the tank.
/// - Grid outages (grid-connected campuses): survival of 1 to 168 hours, REopt ERP's range and a week,
///   from 10 outages drawn per start hour.
public struct ReliabilityConfig: Sendable, Equatable {
    /// Probability that one genset start fails.
    public var gensetFailToStart = 0.0094
    /// Mean time to failure of a genset, hours.
    public var gensetMTTFHours = 1_100.0
    /// Mean time to repair of a genset, hours.
    public var gensetMTTRHours = 5.5
    /// Battery strings, each failing and repaired on its own.
    public var batteryStrings: Int
    /// Mean time to failure of a battery string, hours.
    public var batteryMTTFHours = 8_760.0
    /// Mean time to repair of a battery string, hours.
    public var batteryMTTRHours = 271.0
    /// PV inverter blocks, each failing and repaired on its own.
    public var pvBlocks: Int
    /// Mean time to failure of a PV inverter block, hours.
    public var pvMTTFHours = 8_760.0
    /// Mean time to repair of a PV inverter block, hours.
    public var pvMTTRHours = 179.0
    /// Fuel tank, litres (`nil`: unlimited fuel).
    public var fuelTankL: Double?
    /// Days between scheduled fuel deliveries.
    public var fuelDeliveryIntervalDays = 7.0
    /// Mean delay of a delivery after its scheduled time, hours (exponentially distributed; 0: on time).
    public var fuelDeliveryDelayMeanHours = 24.0

    /// Grid outage durations whose survival is estimated for a grid-connected campus, hours.
    public var outageDurationsHours: [Int] = [1, 2, 4, 8, 12, 24, 48, 72, 96, 168]
    /// Outages drawn for each start hour of the year in the survival estimate.
    public var outageSamplesPerHour = 10

    /// Whether the scenario gave the string count and the block count (otherwise they follow the plant's size).
    public var stringsGiven = false, blocksGiven = false

    /// Battery energy per string and PV per inverter block behind the default counts.
    public static let kWhPerString = 5_000.0, kWdcPerBlock = 5_000.0

    /// The defaults for `scenario`'s plant.
    public init(scenario: Scenario) {
        batteryStrings = scenario.battery.map { max(1, Int(($0.energyKWh / Self.kWhPerString).rounded(.up))) } ?? 0
        pvBlocks = scenario.pv.map { max(1, Int(($0.dcKW / Self.kWdcPerBlock).rounded(.up))) } ?? 0
    }

    /// Reads `[reliability]` over the defaults for `scenario`.
    init(_ section: inout ScenarioSection, scenario: Scenario) throws {
        self.init(scenario: scenario)
        gensetFailToStart = try section.double("genset_fail_to_start", default: gensetFailToStart, in: 0...1)
        gensetMTTFHours = try section.positive("genset_mttf_hours", default: gensetMTTFHours, max: 1e7)
        gensetMTTRHours = try section.positive("genset_mttr_hours", default: gensetMTTRHours, max: 1e7)
        (stringsGiven, blocksGiven) = (section.contains("battery_strings"), section.contains("pv_blocks"))
        batteryStrings = try section.int("battery_strings", default: batteryStrings, in: 0...100_000)
        batteryMTTFHours = try section.positive("battery_mttf_hours", default: batteryMTTFHours, max: 1e7)
        batteryMTTRHours = try section.positive("battery_mttr_hours", default: batteryMTTRHours, max: 1e7)
        pvBlocks = try section.int("pv_blocks", default: pvBlocks, in: 0...100_000)
        pvMTTFHours = try section.positive("pv_mttf_hours", default: pvMTTFHours, max: 1e7)
        pvMTTRHours = try section.positive("pv_mttr_hours", default: pvMTTRHours, max: 1e7)
        fuelTankL = section.contains("fuel_tank_l") ? try section.positive("fuel_tank_l", max: 1e10) : nil
        fuelDeliveryIntervalDays = try section.positive("fuel_delivery_interval_days", default: fuelDeliveryIntervalDays, max: 3_650)
        fuelDeliveryDelayMeanHours = try section.double("fuel_delivery_delay_mean_hours", default: fuelDeliveryDelayMeanHours, in: 0...87_600)
        if let hours = try section.valueList("outage_durations_hours", in: 1...8_760, maxCount: 100) {
            if let fractional = hours.first(where: { $0 != $0.rounded() }) {
                throw section.error("outage_durations_hours", "\(fractional) is not a whole number of hours")
            }
            outageDurationsHours = hours.map { Int($0) }
        }
        outageSamplesPerHour = try section.int("outage_samples_per_hour", default: outageSamplesPerHour, in: 1...10_000)
        if scenario.battery != nil && batteryStrings == 0 { throw section.error("battery_strings", "the battery needs at least one string") }
        if scenario.pv != nil && pvBlocks == 0 { throw section.error("pv_blocks", "the PV plant needs at least one inverter block") }
        if fuelTankL == nil {
            for key in ["fuel_delivery_interval_days", "fuel_delivery_delay_mean_hours"] where section.contains(key) {
                throw section.error(key, "fuel deliveries need a tank: give fuel_tank_l")
            }
        }
        try section.finish()
    }

    /// These parameters for `scenario`'s plant: string and block counts the scenario did not give
    /// follow its battery and PV (a sizing design's own sizes).
    public func fitted(to scenario: Scenario) -> ReliabilityConfig {
        var fitted = self
        let defaults = ReliabilityConfig(scenario: scenario)
        if !stringsGiven { fitted.batteryStrings = defaults.batteryStrings }
        if !blocksGiven { fitted.pvBlocks = defaults.pvBlocks }
        return fitted
    }

    /// Steady-state availability of a component failing after a mean `mttf` and repaired in a mean `mttr`.
    public static func availability(mttfHours: Double, mttrHours: Double) -> Double {
        mttfHours / (mttfHours + mttrHours)
    }
}

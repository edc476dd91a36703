@testable import HelioGrid
@testable import HelioTransients

/// A small islanded bus worked by hand: 10,000 kW of swinging GPU nodes, five of six 2,000 kW gensets running at
/// 3 % droop, and a battery that answers at once; no PV, no facility overhead, no events unless a
/// test adds them.
enum TransientCase {
    static func scenario(battery: Bool = true) -> Scenario {
        var scenario = Scenario(source: "hand case", site: SiteConfig(name: "hand case", weatherPath: ""))
        scenario.diesel = DieselConfig(units: 6, unitKW: 2000)
        if battery {
            var storage = BatteryConfig(energyKWh: 100_000, powerKW: 20_000)
            storage.responseMS = 0
            (storage.chargeEfficiency, storage.dischargeEfficiency) = (1, 1)
            scenario.battery = storage
        }
        return scenario
    }

    static func config(policy: TransientsConfig.Policy = .ramp, rampKWPerS: Double = 16_000) -> TransientsConfig {
        var config = TransientsConfig()
        config.ratedITKW = 10_000
        config.troughShare = 0.2
        config.duty = 0.5
        config.rampMS = 0
        config.checkpointS = 0
        config.failureAtS = nil
        config.cloudAtS = nil
        config.windowS = 10
        config.policy = policy
        config.gensetRampKWPerS = rampKWPerS
        config.batteryRampKWPerS = 1e12
        return config
    }

    /// The hour: 6,000 kW of IT carried by the gensets, the battery idle at half charge.
    static func point(itKW: Double = 6000, gensetKW: Double = 6000) -> OperatingPoint {
        OperatingPoint(step: 0, timestamp: "hand", itKW: itKW, loadKW: itKW, pvKW: 0, batteryKW: 0, soc: 0.5, gensetKW: gensetKW,
                       gensetsRunning: 5, gridKW: 0)
    }
}

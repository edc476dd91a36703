import Foundation
import HelioGrid
import HelioTransients

/// The files `heliogrid transients` writes (docs/output-contract.md): `transients.csv` (the run
/// with the configured mitigation at every step, beside the gensets and frequency without it),
/// `transients.json` (the operating point, both runs' figures and the sizing rule) and
/// `transients.html` (the charts), and the lines it prints.
public enum TransientsFiles {
    /// The files `transients --out` writes.
    public static let fileNames = ["transients.csv", "transients.json", "transients.html"]
    /// `transients.csv` columns.
    public static let columns = ["t_s", "it_raw_kw", "it_kw", "load_kw", "pv_kw", "bess_kw", "genset_kw", "freq_hz", "soc", "genset_units",
                                 "genset_unsmoothed_kw", "freq_unsmoothed_hz"]

    /// `transients.csv`: one row per step; `load_kw = pv_kw + bess_kw + genset_kw` on every row.
    public static func csv(_ study: TransientsStudy) -> [UInt8] {
        let trace = study.smoothed, plain = study.unsmoothed
        var builder = CSVBuilder(capacity: trace.count * 110)
        builder.append(columns.joined(separator: ",") + "\n")
        for i in 0..<trace.count {
            builder.append(Double(i) * trace.stepSeconds, decimals: 4)
            for value in [trace.itRawKW[i], trace.itKW[i], trace.loadKW[i], trace.pvKW[i], trace.bessKW[i], trace.gensetKW[i]] {
                builder.append(byte: UInt8(ascii: ","))
                builder.append(value, decimals: 3)
            }
            builder.append(byte: UInt8(ascii: ","))
            builder.append(trace.frequencyHz[i], decimals: 5)
            builder.append(byte: UInt8(ascii: ","))
            builder.append(trace.soc[i], decimals: 7)
            builder.append(byte: UInt8(ascii: ","))
            builder.append(integer: trace.gensetUnits[i])
            builder.append(byte: UInt8(ascii: ","))
            builder.append(plain.gensetKW[i], decimals: 3)
            builder.append(byte: UInt8(ascii: ","))
            builder.append(plain.frequencyHz[i], decimals: 5)
            builder.append(byte: UInt8(ascii: "\n"))
        }
        return builder.bytes
    }

    /// `transients.json`.
    public static func json(_ study: TransientsStudy) throws -> String {
        let model = study.model, point = model.point, config = model.config, wave = model.waveform
        var smoothed = outcome(study.smoothedOutcome)
        smoothed["policy"] = config.policy.rawValue
        smoothed["genset_ramp_limit_kw_per_s"] = config.policy == .ramp ? model.gensetRampKWPerS : NSNull()
        smoothed["low_pass_s"] = config.policy == .lowPass ? config.lowPassS : NSNull()
        smoothed["gpu_floor_share"] = config.gpuFloorShare
        let object: [String: Any] = [
            "operating_point": [
                "timestamp": point.timestamp, "step": point.step, "it_kw": point.itKW, "load_kw": point.loadKW, "pv_kw": point.pvKW,
                "battery_kw": point.batteryKW, "soc": point.soc, "genset_kw": point.gensetKW, "gensets_running": point.gensetsRunning,
                "genset_rated_kw": Double(point.gensetsRunning) * model.diesel.unitKW,
            ] as [String: Any],
            "window": ["seconds": Double(model.count) * model.stepSeconds, "step_ms": model.stepSeconds * 1000, "samples": model.count,
                       "nominal_hz": config.nominalHz] as [String: Any],
            "waveform": [
                "steady_kw": wave.steadyKW, "peak_kw": wave.peakKW, "trough_kw": wave.troughKW, "idle_kw": wave.idleKW,
                "period_s": wave.periodS, "duty": wave.duty, "ramp_ms": wave.rampS * 1000,
                "checkpoint_at_s": config.checkpointS > 0 ? config.checkpointAtS : NSNull(), "checkpoint_s": config.checkpointS,
                "failure_at_s": config.failureAtS.map { $0 as Any } ?? NSNull(),
                "cloud_at_s": config.cloudAtS.map { $0 as Any } ?? NSNull(), "cloud_depth": config.cloudDepth,
            ] as [String: Any],
            "band_hz": [config.bandLowHz, config.bandHighHz],
            "unsmoothed": outcome(study.unsmoothedOutcome),
            "smoothed": smoothed,
            "sizing": sizing(study),
            "timing": ["seconds": study.seconds],
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func outcome(_ o: TransientOutcome) -> [String: Any] {
        let f = o.frequency
        return [
            "max_genset_ramp_kw_per_s": o.maxGensetRampKWPerS, "max_genset_ramp_1s_kw_per_s": o.maxGensetRamp1sKWPerS,
            "max_it_ramp_kw_per_s": o.maxITRampKWPerS,
            "frequency": [
                "nadir_hz": f.nadirHz, "peak_hz": f.peakHz, "dip_percent": f.dipPercent, "rise_percent": f.risePercent,
                "max_rocof_hz_per_s": f.maxROCOFHzPerS, "steady_band_percent": f.steadyBandPercent, "recovery_s": f.recoveryS,
                "recovery_g1_s": f.recoveryG1S, "iso_class": f.classMet.map { $0.rawValue as Any } ?? NSNull(),
            ] as [String: Any],
            "in_band_fraction": ["it": o.itInBandFraction, "gensets": o.gensetInBandFraction, "gensets_own": o.gensetOwnInBandFraction],
            "battery": ["smoothing_peak_kw": o.smoothingPeakKW, "peak_kw": o.batteryPeakKW, "smoothing_energy_kwh": o.smoothingEnergyKWh,
                        "throughput_kwh": o.smoothingThroughputKWh, "at_limit_s": o.batteryAtLimitS],
            "gpu_burned_kwh": o.gpuBurnedKWh, "gpu_burned_steady_kw": o.gpuBurnedSteadyKW,
            "genset_starts_joined_s": o.startsJoinedS,
        ]
    }

    private static func sizing(_ study: TransientsStudy) -> [String: Any] {
        let battery = study.sizing.battery, floor = study.sizing.gpuFloor, config = study.model.config
        let cheaper: Any = switch (battery.achievable, floor.achievable) {
        case (true, true): battery.capex <= floor.lifetimeCost ? "battery" : "gpu_floor"
        case (true, false): "battery"
        case (false, true): "gpu_floor"
        case (false, false): NSNull()
        }
        return [
            "target_class": config.targetClass.rawValue, "max_in_band_fraction": config.maxInBandFraction, "cheaper": cheaper,
            "battery": [
                "policy": battery.policy, "parameter": battery.parameter.map { $0 as Any } ?? NSNull(),
                "parameter_unit": battery.policy == "ramp" ? "kW/s" : "s",
                "required_power_kw": battery.requiredPowerKW, "smoothing_power_kw": battery.smoothingPowerKW,
                "smoothing_energy_kwh": battery.smoothingEnergyKWh, "capex": battery.capex, "installed_kw": battery.installedKW,
                "installed_suffices": battery.installedSuffices,
                "outcome": battery.outcome.map { outcome($0) as Any } ?? NSNull(),
            ] as [String: Any],
            "gpu_floor": [
                "floor_share": floor.floorShare.map { $0 as Any } ?? NSNull(), "burned_kwh_per_year": floor.burnedKWhPerYear,
                "cost_per_year": floor.costPerYear, "lifetime_cost": floor.lifetimeCost,
                "gpu_ramp_up_w_per_s": config.gpuRampUpWPerS.map { $0 as Any } ?? NSNull(),
                "gpu_ramp_down_w_per_s": config.gpuRampDownWPerS.map { $0 as Any } ?? NSNull(),
                "outcome": floor.outcome.map { outcome($0) as Any } ?? NSNull(),
            ] as [String: Any],
        ]
    }

    /// The lines `heliogrid transients` prints.
    public static func terminal(_ study: TransientsStudy) -> String {
        let model = study.model, point = model.point, config = model.config, currency = study.scenario.economics.currency
        var text = "== \(study.scenario.site.name): transients at \(point.timestamp)\n"
        text += "  operating point        IT \(mw(point.itKW)), load \(mw(point.loadKW)), PV \(mw(point.pvKW)), battery \(mw(point.batteryKW)) "
            + "at SOC \(NumberFormat.fixed(point.soc * 100, decimals: 0)) %, \(point.gensetsRunning) gensets \(mw(point.gensetKW))\n"
        text += "  training swing         \(mw(model.waveform.troughKW))–\(mw(model.waveform.peakKW)) every \(NumberFormat.fixed(config.periodS, decimals: 2)) s, "
            + "\(NumberFormat.fixed(config.windowS, decimals: 0)) s window at \(NumberFormat.fixed(model.stepSeconds * 1000, decimals: 2)) ms\n"
        for (label, o) in [("unsmoothed", study.unsmoothedOutcome), ("smoothed (\(config.policy.rawValue))", study.smoothedOutcome)] {
            text += "  " + label.padding(toLength: 22, withPad: " ", startingAt: 0) + " genset ramp \(NumberFormat.grouped(o.maxGensetRampKWPerS)) kW/s (over 1 s: \(NumberFormat.grouped(o.maxGensetRamp1sKWPerS))), "
                + "nadir \(NumberFormat.fixed(o.frequency.nadirHz, decimals: 2)) Hz, peak \(NumberFormat.fixed(o.frequency.peakHz, decimals: 2)) Hz, "
                + "ISO 8528-5 \(o.frequency.classMet?.rawValue ?? "none"), in band: IT \(NumberFormat.fixed(o.itInBandFraction, decimals: 3)), "
                + "gensets \(NumberFormat.fixed(o.gensetInBandFraction, decimals: 3))\n"
        }
        let battery = study.sizing.battery, floor = study.sizing.gpuFloor
        text += "  sizing for \(config.targetClass.rawValue), in band ≤ \(NumberFormat.fixed(config.maxInBandFraction, decimals: 2))\n"
        if battery.achievable, let parameter = battery.parameter {
            text += "    battery              \(mw(battery.smoothingPowerKW)) / \(NumberFormat.grouped(battery.smoothingEnergyKWh)) kWh of smoothing "
                + "(\(battery.policy) \(battery.policy == "ramp" ? NumberFormat.grouped(parameter) + " kW/s" : NumberFormat.fixed(parameter, decimals: 2) + " s")), needs \(mw(battery.requiredPowerKW)) at the bus "
                + "(installed \(mw(battery.installedKW))), capex \(NumberFormat.grouped(battery.capex)) \(currency)\n"
        } else {
            text += "    battery              no smoothing setting meets the limits\n"
        }
        if let share = floor.floorShare {
            text += "    GPU power floor      \(NumberFormat.fixed(share * 100, decimals: 1)) % of TDP, burns \(NumberFormat.grouped(floor.burnedKWhPerYear / 1000)) MWh/yr, "
                + "\(NumberFormat.grouped(floor.costPerYear)) \(currency)/yr, \(NumberFormat.grouped(floor.lifetimeCost)) \(currency) over the project\n"
        } else {
            text += "    GPU power floor      no floor meets the limits\n"
        }
        text += "  ran in \(NumberFormat.fixed(study.seconds * 1000, decimals: 0)) ms\n"
        return text
    }

    /// `transients.html`.
    public static func html(_ study: TransientsStudy) -> String { TransientsHTML(study: study).render() }

    private static func mw(_ kw: Double) -> String { NumberFormat.fixed(kw / 1000, decimals: 2) + " MW" }
}

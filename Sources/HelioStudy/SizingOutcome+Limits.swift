import HelioGrid

extension SizingOutcome {
    /// This outcome with `feasible` and `violation` set from `config`'s limits, checked in order:
    /// unserved energy, LOLE and EENS (when limited), carbon intensity, renewable fraction, the
    /// transient study's battery power, N+1 (the gensets with the largest unit out, `redundantKW`,
    /// carry the year's peak demand). Unserved energy, intensity and renewable fraction are judged on
    /// `limit_basis`: the worst simulated year, or all of them together.
    func judged(by config: SizeConfig, redundantKW: Double, peakLoadKW: Double) -> SizingOutcome {
        var judged = self
        judged.violation = firstViolation(config, redundantKW: redundantKW, peakLoadKW: peakLoadKW) ?? ""
        judged.feasible = judged.violation.isEmpty
        return judged
    }

    private func firstViolation(_ config: SizeConfig, redundantKW: Double, peakLoadKW: Double) -> String? {
        let worst = config.limitBasis == .worstYear && config.years > 1
        let (unserved, intensity, renewable) = worst ? (worstYearUnservedFraction, worstYearIntensityGPerKWh, worstYearRenewableFraction)
                                                     : (unservedFraction, intensityGPerKWh, renewableFraction)
        let when = worst ? " in the worst year" : ""
        if unserved > config.maxUnservedFraction + 1e-12 {
            return "unserved \(unserved) of demand\(when) above \(config.maxUnservedFraction)"
        }
        if let limit = config.maxLOLEHoursPerYear, let lole = loleHoursPerYear, lole > limit {
            return "LOLE \((lole * 100).rounded() / 100) h/yr above \(limit)"
        }
        if let limit = config.maxEENSMWhPerYear, let eens = eensMWhPerYear, eens > limit {
            return "EENS \((eens * 1000).rounded() / 1000) MWh/yr above \(limit)"
        }
        if let limit = config.maxIntensityGPerKWh, intensity > limit {
            return "intensity \((intensity * 10).rounded() / 10) g/kWh\(when) above \(limit)"
        }
        if let floor = config.minRenewableFraction, renewable < floor {
            return "renewable fraction \((renewable * 1000).rounded() / 1000)\(when) below \(floor)"
        }
        if let least = config.minBatteryPowerKW, design.batteryKW < least {
            return "battery \(Int(design.batteryKW.rounded())) kW below the \(Int(least.rounded())) kW the transient study needs"
        }
        if config.nPlusOne, redundantKW < peakLoadKW {
            return "N+1: \(Int(redundantKW.rounded())) kW with one genset out below the \(Int(peakLoadKW.rounded())) kW peak"
        }
        return nil
    }
}

import HelioGrid

extension SizingOutcome {
    /// This outcome with `feasible` and `violation` set from `config`'s limits, checked in order:
    /// unserved energy, LOLE and EENS (when limited), carbon intensity, renewable fraction, the share of
    /// the weather ensemble's years meeting those three (`limit_probability`), the
    /// transient study's battery power, N+1 (the gensets with the largest unit out, `redundantKW`,
    /// carry the design day's demand, ``DesignBasis``), the gensets' duty under `rating` (when
    /// `genset_duty`). Unserved energy, intensity and renewable fraction are judged on `limit_basis`:
    /// the worst simulated year, or all of them together.
    func judged(by config: SizeConfig, redundantKW: Double, peakLoadKW: Double, rating: GensetRating?) -> SizingOutcome {
        var judged = self
        judged.violation = firstViolation(config, redundantKW: redundantKW, peakLoadKW: peakLoadKW)
            ?? dutyViolation(config, rating: rating) ?? ""
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
        if let probability = config.limitProbability, let ensemble, ensemble.shareMet < probability - 1e-12 {
            return "limits met in \(Int((ensemble.shareMet * 100).rounded())) % of \(ensemble.years) weather years, "
                + "below \(Int((probability * 100).rounded())) %"
        }
        if let least = config.minBatteryPowerKW, design.batteryKW < least {
            return "battery \(Int(design.batteryKW.rounded())) kW below the \(Int(least.rounded())) kW the transient study needs"
        }
        if config.nPlusOne, redundantKW < peakLoadKW {
            return "N+1: \(Int(redundantKW.rounded())) kW with one genset out below the design day's \(Int(peakLoadKW.rounded())) kW"
        }
        return nil
    }

    private func dutyViolation(_ config: SizeConfig, rating: GensetRating?) -> String? {
        guard config.gensetDuty, let rating else { return nil }
        if rating == .prime, daysOverPrimeLimit > 0 {
            return "genset duty: prime-rated units average above 70 % on \(daysOverPrimeLimit) day(s)"
        }
        if rating == .standby, runHoursPerUnitYear > GensetRating.standbyHoursPerYear {
            return "genset duty: standby-rated units run \(Int(runHoursPerUnitYear.rounded())) h a year, above 200"
        }
        return nil
    }
}

import HelioGrid

/// Turns set-points into a feasible decision for the plant as it actually is, the way a real
/// controller lets the plant absorb what the plan got wrong (forecast error, rounding of relaxed
/// commitment, solver tolerance): set-points are first clipped to the plant's limits, then a
/// shortfall is met by the battery down to `reserve_soc`, the gensets (more output, then more units),
/// the grid, the battery's contingency band down to `soc_min`, and finally left unserved; a surplus is
/// absorbed by the battery, the grid, lower genset output and PV curtailment, stopping units whose
/// minimum load cannot be absorbed.
public enum PlanFollower {
    /// A decision that balances the bus exactly.
    public static func decision(following target: PlantSetpoints, in context: DispatchContext) -> DispatchDecision {
        var plant = Setpoints(target: target, context: context)
        var residual = context.loadKW - (context.pvAvailableKW + plant.battery + plant.diesel + plant.grid)
        if residual > 0 { plant.coverShortfall(&residual) }
        let curtailed = residual < 0 ? plant.absorbSurplus(&residual) : 0
        var decision = DispatchDecision()
        decision.pvKW = context.pvAvailableKW - curtailed
        decision.curtailedKW = curtailed
        decision.batteryKW = plant.battery
        decision.dieselKW = plant.diesel
        decision.dieselUnits = plant.units
        decision.gridKW = plant.grid
        decision.unservedKW = max(0, residual)
        return decision
    }

    /// Set-points clipped to what the plant can do this step, with the limits used to adjust them.
    private struct Setpoints {
        let context: DispatchContext
        let mustRun: Int
        let maxImport: Double, maxExport: Double, maxDischarge: Double, maxCharge: Double, maxDischargeToReserve: Double
        var units: Int
        var diesel: Double
        var grid: Double
        var battery: Double

        init(target: PlantSetpoints, context: DispatchContext) {
            self.context = context
            let hours = context.stepHours
            let mustRun = context.fleet?.unitsThatMustRun(step: context.step, stepHours: hours) ?? 0
            self.mustRun = mustRun
            maxImport = context.grid?.importKW ?? 0
            maxExport = context.grid?.exportKW ?? 0
            let maxDischarge = context.battery.map { $0.maxDischargeKW(floorSOC: $0.config.socMin, hours: hours) } ?? 0
            maxDischargeToReserve = context.battery.map { $0.maxDischargeKW(floorSOC: $0.config.reserveSOC, hours: hours) } ?? 0
            let maxCharge = context.battery.map { $0.maxChargeKW(ceilingSOC: $0.config.socMax, hours: hours) } ?? 0
            self.maxDischarge = maxDischarge
            self.maxCharge = maxCharge
            let units = context.fleet.map { min(max(target.dieselUnits, mustRun), $0.config.units) } ?? 0
            self.units = units
            diesel = context.fleet.map { clamp(target.dieselKW, $0.minimumKW(units: units), $0.capacityKW(units: units, stepHours: hours)) } ?? 0
            grid = clamp(target.gridKW, -maxExport, maxImport)
            // The plan's discharge stops at the reserve: the band below it is for the contingency step of coverShortfall.
            battery = clamp(target.batteryKW, -maxCharge, maxDischargeToReserve)
        }

        /// Battery to its reserve, then genset output, then more units, then imports, then the
        /// battery's contingency band; what remains is unserved.
        mutating func coverShortfall(_ residual: inout Double) {
            take(&residual, into: &battery, limit: maxDischargeToReserve)
            if let fleet = context.fleet {
                let hours = context.stepHours
                take(&residual, into: &diesel, limit: fleet.capacityKW(units: units, stepHours: hours))
                while residual > 1e-9 && units < fleet.config.units {
                    units += 1
                    let raised = max(fleet.minimumKW(units: units), min(diesel + residual, fleet.capacityKW(units: units, stepHours: hours)))
                    residual -= raised - diesel
                    diesel = raised
                }
            }
            take(&residual, into: &grid, limit: maxImport)
            take(&residual, into: &battery, limit: maxDischarge)
        }

        /// Battery charging, exports, lower genset output, PV curtailment, then fewer units; returns
        /// the PV curtailed and leaves in `residual` any surplus nothing could absorb (negative).
        mutating func absorbSurplus(_ residual: inout Double) -> Double {
            var surplus = -residual
            give(&surplus, from: &battery, limit: -maxCharge)
            give(&surplus, from: &grid, limit: -maxExport)
            if let fleet = context.fleet { give(&surplus, from: &diesel, limit: fleet.minimumKW(units: units)) }
            let curtailed = min(surplus, context.pvAvailableKW)
            surplus -= curtailed
            if let fleet = context.fleet {
                while surplus > 1e-9 && units > mustRun {
                    units -= 1
                    let lowered = units == 0 ? 0 : max(fleet.minimumKW(units: units), diesel - surplus)
                    surplus -= diesel - lowered
                    diesel = lowered
                }
            }
            residual = -surplus
            return curtailed
        }
    }

    private static func clamp(_ value: Double, _ lower: Double, _ upper: Double) -> Double {
        min(max(value, lower), max(lower, upper))
    }

    /// Raises `value` toward `limit` by as much of `residual` as fits.
    private static func take(_ residual: inout Double, into value: inout Double, limit: Double) {
        let step = min(residual, max(0, limit - value))
        value += step
        residual -= step
    }

    /// Lowers `value` toward `limit` by as much of `surplus` as fits.
    private static func give(_ surplus: inout Double, from value: inout Double, limit: Double) {
        let step = min(surplus, max(0, value - limit))
        value -= step
        surplus -= step
    }
}

import Foundation
import HelioGrid

/// The battery and its grid-forming inverter below one second (docs/transients.md): the output
/// follows its command through a first-order lag of the response time, changes no faster than the
/// inverter's ramp limit, and stays within its power rating and the energy left between the state
/// of charge limits. A grid-forming inverter holds its own voltage phasor and answers a change on
/// the bus within tens of milliseconds (R. H. Lasseter, Z. Chen, D. Pattabiraman, "Grid-forming
/// inverters: a critical asset for the power grid", IEEE J. Emerg. Sel. Topics Power Electron. 8(2),
/// 2020); aggregate dynamic studies represent that answer by a lag of the response time
/// (W. Du, F. K. Tuffner, K. P. Schneider et al., "Modeling of grid-forming and grid-following
/// inverters for dynamic simulation of large-scale distribution systems", IEEE Trans. Power Deliv.
/// 36(4), 2021). Power is at the bus, positive discharging; charge and discharge efficiencies
/// apply as in the hourly model.
public struct BatteryInverter: Sendable, Equatable {
    /// Power rating, kW.
    public var ratedKW: Double
    /// Ramp limit, kW/s.
    public var rampKWPerS: Double
    /// Response time constant, s.
    public var responseS: Double
    /// Usable capacity, kWh, and the state-of-charge window.
    public var energyKWh: Double, socMin: Double, socMax: Double
    /// Efficiencies from the bus into the cells and from the cells to the bus.
    public var chargeEfficiency: Double, dischargeEfficiency: Double
    /// Output now, kW.
    public private(set) var powerKW: Double
    /// State of charge now.
    public private(set) var soc: Double

    /// A battery of `battery`'s rating at `soc` delivering `powerKW`, with the inverter's ramp limit
    /// and response time.
    public init(_ battery: BatteryConfig, soc: Double, powerKW: Double, rampKWPerS: Double, responseS: Double) {
        ratedKW = battery.powerKW
        self.rampKWPerS = rampKWPerS
        self.responseS = responseS
        energyKWh = battery.energyKWh
        socMin = battery.socMin
        socMax = battery.socMax
        chargeEfficiency = battery.chargeEfficiency
        dischargeEfficiency = battery.dischargeEfficiency
        self.powerKW = powerKW
        self.soc = soc
    }

    /// Advances `seconds` toward `commandKW`; returns the output, kW.
    @discardableResult
    public mutating func step(seconds: Double, commandKW: Double) -> Double {
        let lagged = powerKW + (commandKW - powerKW) * (responseS > 0 ? 1 - exp(-seconds / responseS) : 1)
        let rampStep = rampKWPerS * seconds
        var next = min(powerKW + rampStep, max(powerKW - rampStep, lagged))
        let hours = seconds / 3600
        let dischargeLimitKW = max(0, (soc - socMin) * energyKWh * dischargeEfficiency / hours)
        let chargeLimitKW = max(0, (socMax - soc) * energyKWh / chargeEfficiency / hours)
        next = min(ratedKW, dischargeLimitKW, max(-ratedKW, -chargeLimitKW, next))
        powerKW = next
        soc -= (next > 0 ? next / dischargeEfficiency : next * chargeEfficiency) * hours / energyKWh
        return next
    }
}

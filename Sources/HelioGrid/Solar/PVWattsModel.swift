/// PVWatts DC power and inverter model.
///
/// A. Dobos, "PVWatts Version 5 Manual", NREL/TP-6A20-62641 (2014): DC power
/// `P_dc = P_dc0 · E_tr/1000 · (1 + γ(T_c − 25))` less system losses (eq. 5, section 4), and the
/// inverter part-load efficiency curve `η = η_nom/η_ref · (−0.0162ζ − 0.0059/ζ + 0.9858)`,
/// ζ = P_dc/P_dc0,inv, η_ref = 0.9637, with output clipped at the AC rating (section 10).
public struct PVWattsModel: Sendable, Equatable {
    /// DC nameplate, kW.
    public var dcKW: Double
    /// AC rating of the inverters, kW (DC nameplate / DC-to-AC ratio).
    public var acKW: Double
    /// Temperature coefficient of power, 1/°C.
    public var gammaPerC: Double
    /// System losses, fraction (0.1408 for PVWatts' default 14.08 %).
    public var lossFraction: Double
    /// Nominal inverter efficiency, fraction.
    public var inverterEfficiency: Double

    /// Reference inverter efficiency of the PVWatts curve.
    static let referenceEfficiency = 0.9637

    /// Creates a model; `dcACRatio` sets the AC rating, `lossesPercent` the system losses.
    public init(dcKW: Double, dcACRatio: Double, gammaPerC: Double, lossesPercent: Double, inverterEfficiency: Double) {
        self.dcKW = dcKW
        self.acKW = dcKW / dcACRatio
        self.gammaPerC = gammaPerC
        self.lossFraction = lossesPercent / 100
        self.inverterEfficiency = inverterEfficiency
    }

    /// DC power after system losses, kW, for transmitted irradiance (W/m²) and cell temperature (°C).
    @inline(__always)
    public func dcPowerKW(transmittedPOAWM2: Double, cellTempC: Double) -> Double {
        dcKW * transmittedPOAWM2 / 1000 * (1 + gammaPerC * (cellTempC - 25)) * (1 - lossFraction)
    }

    /// AC power, kW, from DC power (kW): the PVWatts efficiency curve, clipped at the AC rating.
    @inline(__always)
    public func acPowerKW(dcPowerKW: Double) -> Double {
        guard dcPowerKW > 0 else { return 0 }
        let dcInputRatingKW = acKW / inverterEfficiency
        let zeta = dcPowerKW / dcInputRatingKW
        let efficiency = inverterEfficiency / Self.referenceEfficiency * (-0.0162 * zeta - 0.0059 / zeta + 0.9858)
        return min(max(0, efficiency * dcPowerKW), acKW)
    }
}

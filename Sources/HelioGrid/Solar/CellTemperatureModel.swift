import Foundation

/// Sandia (SAPM) module and cell temperature model.
///
/// D. L. King, W. E. Boyson and J. A. Kratochvil, "Photovoltaic Array Performance Model",
/// SAND2004-3535 (2004), eqs. 11–12 and Table 1: T_m = E·exp(a + b·WS) + T_a, T_c = T_m + E/1000·ΔT,
/// with E the plane-of-array irradiance (W/m²) and WS the wind speed at 10 m (m/s).
public struct CellTemperatureModel: Sendable, Equatable {
    /// Empirical coefficient a (upper limit of module temperature at low wind, high irradiance).
    public var a: Double
    /// Empirical coefficient b (rate of temperature drop with wind), s/m.
    public var b: Double
    /// Cell-to-back-surface temperature difference at 1000 W/m², °C.
    public var deltaTC: Double

    /// Named mountings from King et al. (2004), Table 1.
    public static let named: [String: CellTemperatureModel] = [
        "sapm-open-rack-glass-polymer": .init(a: -3.56, b: -0.075, deltaTC: 3),
        "sapm-open-rack-glass-glass": .init(a: -3.47, b: -0.0594, deltaTC: 3),
        "sapm-close-mount-glass-glass": .init(a: -2.98, b: -0.0471, deltaTC: 1),
        "sapm-insulated-back-glass-polymer": .init(a: -2.81, b: -0.0455, deltaTC: 0),
    ]

    /// Creates a model from its coefficients.
    public init(a: Double, b: Double, deltaTC: Double) {
        self.a = a
        self.b = b
        self.deltaTC = deltaTC
    }

    /// Cell temperature, °C, for plane-of-array irradiance (W/m²), air temperature (°C) and wind (m/s).
    @inline(__always)
    public func cellTempC(poaWM2: Double, airTempC: Double, windSpeedMS: Double) -> Double {
        let moduleTempC = poaWM2 * exp(a + b * windSpeedMS) + airTempC
        return moduleTempC + poaWM2 / 1000 * deltaTC
    }
}

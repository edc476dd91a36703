/// Facility power from IT power: PUE as a linear function of ambient temperature.
///
/// PUE is facility energy over IT energy (ISO/IEC 30134-2:2016). The curve is linear between
/// (`temp_low_c`, `pue_at_low`) and (`temp_high_c`, `pue_at_high`) and flat outside them, a
/// two-point form of the ambient dependence of chiller and dry-cooler plants (ASHRAE TC 9.9,
/// "Thermal Guidelines for Data Processing Environments", 5th ed., 2021).
public struct CoolingModel: Sendable, Equatable {
    /// The curve's two points.
    public var config: CoolingConfig

    /// Creates the model from `[load.cooling]`.
    public init(config: CoolingConfig) { self.config = config }

    /// PUE at an ambient temperature in °C.
    @inline(__always)
    public func pue(ambientC: Double) -> Double {
        let span = config.tempHighC - config.tempLowC
        let fraction = min(1, max(0, (ambientC - config.tempLowC) / span))
        return config.pueAtLow + (config.pueAtHigh - config.pueAtLow) * fraction
    }
}

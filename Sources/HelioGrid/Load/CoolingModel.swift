/// Facility power from IT power: a design PUE as a linear function of ambient temperature, with an
/// overhead that is partly fixed and partly proportional to IT power.
///
/// PUE is facility energy over IT energy (ISO/IEC 30134-2:2016). The design curve is linear between
/// (`temp_low_c`, `pue_at_low`) and (`temp_high_c`, `pue_at_high`) and flat outside them, a
/// two-point form of the ambient dependence of chiller and dry-cooler plants (ASHRAE TC 9.9,
/// "Thermal Guidelines for Data Processing Environments", 5th ed., 2021). It holds at the design IT
/// load; below it the overhead does not fall in proportion: a share `fixed_share` of the design
/// overhead stays (no-load losses) and the rest scales with IT power (proportional losses), the
/// loss model of N. Rasmussen, "Electrical Efficiency Modeling for Data Centers", APC/Schneider
/// Electric White Paper 113 (2007).
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

    /// Facility power, kW, for `itKW` of IT at `ambientC` in a hall designed for `designITKW`:
    /// IT + (PUE(T) − 1) · (f · design IT + (1 − f) · IT).
    @inline(__always)
    public func facilityKW(itKW: Double, ambientC: Double, designITKW: Double) -> Double {
        let overheadRatio = pue(ambientC: ambientC) - 1
        return itKW + overheadRatio * (config.fixedShare * designITKW + (1 - config.fixedShare) * itKW)
    }
}

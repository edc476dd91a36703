/// One hour of the forward plan: forecast load and PV, the expected dispatch, and the power the
/// campus can count on (for the GPU scheduler), with the expected carbon intensity.
public struct ForecastHour: Sendable, Equatable, Codable {
    /// Start of the hour, Unix ms.
    public var timestampMS: Int64
    /// Forecast facility demand, kW.
    public var loadKW: Double
    /// Forecast PV available, kW.
    public var pvKW: Double
    /// Expected state of charge at the start of the hour (the first hour: the latest reading's).
    public var soc: Double
    /// Gensets expected to run (the most running in any interval of the hour).
    public var dieselUnits: Int
    /// Facility power the plan carries from PV and the battery this hour, counting the PV it curtails:
    /// PV available less battery charging plus discharging, the hour's mean, kW.
    public var cleanKW: Double
    /// Facility power the plant can carry this hour with every genset (and the grid), kW.
    public var firmKW: Double
    /// `cleanKW` as IT power (facility over PUE), kW.
    public var cleanITKW: Double
    /// `firmKW` as IT power, kW.
    public var firmITKW: Double
    /// Expected intensity of the power used, gCO₂e/kWh.
    public var intensityGPerKWh: Double
    /// The forecast's band: the lowest and highest PV and load of the MPC's forecast-ensemble members
    /// (``AnalogEnsemble``) this hour, kW; the forecast itself where there is no ensemble (and for the
    /// present hour, which is measured).
    public var pvLowKW: Double, pvHighKW: Double, loadLowKW: Double, loadHighKW: Double

    enum CodingKeys: String, CodingKey {
        case soc
        case timestampMS = "timestamp_ms", loadKW = "load_kw", pvKW = "pv_kw", dieselUnits = "diesel_units", cleanKW = "clean_kw"
        case firmKW = "firm_kw", cleanITKW = "clean_it_kw", firmITKW = "firm_it_kw", intensityGPerKWh = "intensity_g_per_kwh"
        case pvLowKW = "pv_low_kw", pvHighKW = "pv_high_kw", loadLowKW = "load_low_kw", loadHighKW = "load_high_kw"
    }
}

/// One year of weather on a fixed step, as contiguous arrays.
///
/// Index `i` is the interval starting `i · stepMinutes` minutes after 1 January 00:00 of the
/// non-leap base year in the time base of ``location`` (`utcOffsetMinutes`). Values are interval
/// averages, as TMY data are.
public struct WeatherData: Sendable {
    /// The station and the time base of the stamps.
    public var location: SiteLocation
    /// The format the file was read as.
    public var format: WeatherFormat
    /// Path of the source file, for messages and reports.
    public var source: String
    /// Length of one record, minutes.
    public var stepMinutes: Int
    /// Global horizontal irradiance, W/m².
    public var ghiWM2: [Double]
    /// Direct normal irradiance, W/m².
    public var dniWM2: [Double]
    /// Diffuse horizontal irradiance, W/m².
    public var dhiWM2: [Double]
    /// Dry-bulb air temperature, °C.
    public var tempC: [Double]
    /// Wind speed at 10 m, m/s.
    public var windSpeedMS: [Double]
    /// Station pressure, millibars.
    public var pressureMbar: [Double]
    /// Ground albedo, fraction (0.2 where the file has none).
    public var albedo: [Double]

    /// Number of records.
    public var count: Int { ghiWM2.count }

    /// Albedo assumed where a file gives none (the PVWatts and SAM default).
    public static let defaultAlbedo = 0.2
}

/// One parsed weather record before it is placed on the year grid.
public struct WeatherRecord: Sendable {
    /// The record's stamp as the start of its interval or a moment inside it (NSRDB stamps mid-interval),
    /// minutes after 1 January 00:00 of the non-leap year in the file's time base; the assembler
    /// places the record in the interval that contains this minute.
    public var minuteOfYear: Int
    /// The 1-based line (or record number, for JSON) the record came from.
    public var line: Int
    /// Global horizontal irradiance, W/m².
    public var ghiWM2: Double
    /// Direct normal irradiance, W/m².
    public var dniWM2: Double
    /// Diffuse horizontal irradiance, W/m².
    public var dhiWM2: Double
    /// Air temperature, °C.
    public var tempC: Double
    /// Wind speed, m/s.
    public var windSpeedMS: Double
    /// Pressure, mbar.
    public var pressureMbar: Double
    /// Albedo, fraction; `nil` when the file gives none or marks it missing.
    public var albedo: Double?

    /// Creates a record; units as the properties say.
    public init(minuteOfYear: Int, line: Int, ghiWM2: Double, dniWM2: Double, dhiWM2: Double,
                tempC: Double, windSpeedMS: Double, pressureMbar: Double, albedo: Double?) {
        self.minuteOfYear = minuteOfYear
        self.line = line
        self.ghiWM2 = ghiWM2
        self.dniWM2 = dniWM2
        self.dhiWM2 = dhiWM2
        self.tempC = tempC
        self.windSpeedMS = windSpeedMS
        self.pressureMbar = pressureMbar
        self.albedo = albedo
    }
}

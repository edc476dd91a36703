/// One hour of a numerical weather prediction on HelioGrid's time convention (docs/time.md): the
/// interval `[startMS, startMS + 1 h)`, irradiance as its mean, temperature and wind as their mean.
public struct WeatherForecastHour: Sendable, Equatable, Codable {
    /// Interval start, Unix milliseconds (UTC).
    public var startMS: Int64
    /// Global horizontal irradiance, W/m².
    public var ghiWM2: Double
    /// Direct normal irradiance, W/m².
    public var dniWM2: Double
    /// Diffuse horizontal irradiance, W/m².
    public var dhiWM2: Double
    /// Air temperature at 2 m, °C.
    public var tempC: Double
    /// Wind speed at 10 m, m/s.
    public var windSpeedMS: Double

    enum CodingKeys: String, CodingKey {
        case startMS = "start_ms", ghiWM2 = "ghi_wm2", dniWM2 = "dni_wm2", dhiWM2 = "dhi_wm2", tempC = "temp_c", windSpeedMS = "wind_ms"
    }

    /// Creates an hour; units as the properties say.
    public init(startMS: Int64, ghiWM2: Double, dniWM2: Double, dhiWM2: Double, tempC: Double, windSpeedMS: Double) {
        self.startMS = startMS
        self.ghiWM2 = ghiWM2
        self.dniWM2 = dniWM2
        self.dhiWM2 = dhiWM2
        self.tempC = tempC
        self.windSpeedMS = windSpeedMS
    }

    /// Each field's name in the CSV form, its value and its physically possible range (the weather
    /// files' ranges): a value outside is a data error, never clamped.
    var checkedFields: [(name: String, value: Double, range: ClosedRange<Double>)] {
        [("ghi_wm2", ghiWM2, 0...1500), ("dni_wm2", dniWM2, 0...1500), ("dhi_wm2", dhiWM2, 0...1000),
         ("temp_c", tempC, -90...65), ("wind_ms", windSpeedMS, 0...120)]
    }
}

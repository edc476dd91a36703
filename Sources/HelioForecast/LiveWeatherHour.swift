import HelioGrid

/// One clock hour of the live EMS's weather forecast: the forecast's weather on the hour (UTC clock
/// hours, as the live MPC plans) and the PV output the plant model gives under it.
public struct LiveWeatherHour: Sendable, Equatable, Codable {
    /// The weather; its `startMS` is a whole UTC hour.
    public var weather: WeatherForecastHour
    /// PV AC power available under it, kW (new plant; 0 without PV).
    public var pvKW: Double

    enum CodingKeys: String, CodingKey { case pvKW = "pv_kw" }

    /// Creates an hour.
    public init(weather: WeatherForecastHour, pvKW: Double) {
        self.weather = weather
        self.pvKW = pvKW
    }

    /// JSON: the weather's fields with `pv_kw` beside them.
    public init(from decoder: any Decoder) throws {
        weather = try WeatherForecastHour(from: decoder)
        pvKW = try decoder.container(keyedBy: CodingKeys.self).decode(Double.self, forKey: .pvKW)
    }

    public func encode(to encoder: any Encoder) throws {
        try weather.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pvKW, forKey: .pvKW)
    }
}

/// The PV plant's output under a day-ahead weather forecast: each forecast hour through the same
/// chain as a simulated year (``PVSystemModel``), with the sun by the full NREL SPA (Reda & Andreas
/// 2008, NREL/TP-560-34302) at the middle of the hour, or of its sunlit part at sunrise and sunset.
/// Ground albedo and station pressure, which forecasts do not carry, are the weather file's annual
/// means for the site.
public struct PVForecastModel: Sendable {
    /// The plant's chain.
    public let model: PVSystemModel
    /// The site (from the weather file).
    public let site: SiteLocation
    /// Ground albedo, fraction.
    public let albedo: Double
    /// Station pressure, mbar.
    public let pressureMbar: Double

    /// The model of `pv` at the site of `weather`.
    public init(pv: PVConfig, weather: WeatherData) {
        model = PVSystemModel(config: pv)
        site = weather.location
        albedo = weather.albedo.reduce(0, +) / Double(max(1, weather.albedo.count))
        pressureMbar = weather.pressureMbar.reduce(0, +) / Double(max(1, weather.pressureMbar.count))
    }

    /// AC power available in each hour of `forecast`, kW (new plant).
    public func acPowerKW(_ forecast: WeatherForecast) -> [Double] {
        forecast.hours.map { hour in
            let startMinute = PlantTime(unixMS: hour.startMS).minutesSinceEpoch
            let sunAt = { (minute: Double) in
                SolarPositionAlgorithm.position(unixSeconds: minute * 60, site: site, pressureMbar: pressureMbar, tempC: hour.tempC)
            }
            guard hour.ghiWM2 > 0 || hour.dniWM2 > 0,
                  let sun = model.sunlitMidpointPosition(start: startMinute, step: 60, sunAt: sunAt) else { return 0 }
            return model.acPowerKW(sun: sun, ghiWM2: hour.ghiWM2, dniWM2: hour.dniWM2, dhiWM2: hour.dhiWM2, albedo: albedo,
                                   airTempC: hour.tempC, windSpeedMS: hour.windSpeedMS)
        }
    }
}

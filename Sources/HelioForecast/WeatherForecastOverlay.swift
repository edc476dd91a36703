import Foundation
import HelioGrid
import Synchronization

/// The live EMS's latest numerical weather prediction, on the clock hours its MPC plans on: PV from
/// the plant model under the forecast (``PVForecastModel``) and the forecast temperature, which
/// ``LiveForecasts`` use in place of the modelled year's for the hours they cover. A newer forecast
/// replaces the hours it covers; hours more than ``keptHours`` before a new forecast's start are
/// dropped. Shared between the control loop and the API, so it is a lock-protected reference.
public final class WeatherForecastOverlay: Sendable {
    /// The site forecasts must be for.
    public let site: SiteLocation
    private let pv: PVForecastModel?
    private let hours = Mutex<[Int64: LiveWeatherHour]>([:])

    /// Hours before the plant clock that are kept when a forecast arrives.
    public static let keptHours = 48
    /// How far ahead of the plant clock a forecast may start, hours (NWP runs reach 16 days).
    public static let maxLeadHours = 16 * 24

    private static let hourMS = PlantTime(hourIndex: 1).unixMS

    /// An empty overlay for `site`, with `pv` to turn weather into PV (`nil`: a campus without PV).
    public init(site: SiteLocation, pv: PVForecastModel?) {
        self.site = site
        self.pv = pv
    }

    /// Puts `forecast` (from `source`, for error messages) onto whole UTC hours, each the
    /// time-weighted mean of the forecast hours overlapping it (forecasts in half-hour time zones
    /// start on the half hour), with PV under each forecast hour averaged the same way. Returns the
    /// clock hours set; hours held more than ``keptHours`` before the plant clock `nowMS` are dropped.
    /// Throws when the forecast is for another place, starts more than ``keptHours`` before the plant
    /// clock or more than ``maxLeadHours`` after it (a clock gone wrong: it would replace nothing
    /// useful and must never drop the hours held), or covers no whole clock hour.
    @discardableResult
    public func apply(_ forecast: WeatherForecast, source: String, nowMS: Int64) throws -> [LiveWeatherHour] {
        try forecast.check(isFor: site, source: source)
        let startMS = forecast.hours[0].startMS, lead = Double(startMS - nowMS) / Double(Self.hourMS)
        guard lead >= -Double(Self.keptHours), lead <= Double(Self.maxLeadHours) else {
            throw HelioError(.weather, String(format: "the forecast starts %.0f hours %@ the plant clock; a forecast must start within "
                                              + "%d hours before it and %d hours after it", abs(lead), lead < 0 ? "before" : "after",
                                              Self.keptHours, Self.maxLeadHours), file: source, key: "time")
        }
        let pvKW = pv?.acPowerKW(forecast) ?? Array(repeating: 0, count: forecast.hours.count)
        let onClock = Self.clockHours(forecast.hours, pvKW: pvKW)
        guard !onClock.isEmpty else { throw HelioError(.weather, "the forecast covers no whole clock hour", file: source) }
        replace(with: onClock, droppingBeforeMS: nowMS - Int64(Self.keptHours) * Self.hourMS)
        return onClock
    }

    /// Restores hours stored earlier (a restart).
    public func restore(_ stored: [LiveWeatherHour]) {
        replace(with: stored, droppingBeforeMS: .min)
    }

    /// PV forecast for clock hour `hour` (hours since the Unix epoch), kW, if covered.
    public func pvKW(hour: Int) -> Double? {
        hours.withLock { $0[Int64(hour) * Self.hourMS]?.pvKW }
    }

    /// Forecast temperature for clock hour `hour`, °C, if covered.
    public func tempC(hour: Int) -> Double? {
        hours.withLock { $0[Int64(hour) * Self.hourMS]?.weather.tempC }
    }

    /// The hours held from `fromMS` on, in order.
    public func hours(fromMS: Int64) -> [LiveWeatherHour] {
        hours.withLock { $0.values.filter { $0.weather.startMS + Self.hourMS > fromMS }.sorted { $0.weather.startMS < $1.weather.startMS } }
    }

    private func replace(with new: [LiveWeatherHour], droppingBeforeMS cutoff: Int64) {
        hours.withLock { held in
            held = held.filter { $0.key >= cutoff }
            for hour in new { held[hour.weather.startMS] = hour }
        }
    }

    /// Consecutive forecast hours (with their PV) averaged onto the whole UTC hours they cover.
    static func clockHours(_ forecast: [WeatherForecastHour], pvKW: [Double]) -> [LiveWeatherHour] {
        guard let first = forecast.first else { return [] }
        let shift = ((first.startMS % hourMS) + hourMS) % hourMS
        guard shift != 0 else { return zip(forecast, pvKW).map { LiveWeatherHour(weather: $0, pvKW: $1) } }
        // The clock hour starting 1 h − shift after hour a spends `shift` in a and the rest in b.
        let aShare = Double(shift) / Double(hourMS), bShare = 1 - aShare
        return (0..<(forecast.count - 1)).map { index in
            let (a, b) = (forecast[index], forecast[index + 1])
            func mean(_ x: Double, _ y: Double) -> Double { x * aShare + y * bShare }
            let weather = WeatherForecastHour(startMS: a.startMS + hourMS - shift, ghiWM2: mean(a.ghiWM2, b.ghiWM2), dniWM2: mean(a.dniWM2, b.dniWM2),
                                              dhiWM2: mean(a.dhiWM2, b.dhiWM2), tempC: mean(a.tempC, b.tempC),
                                              windSpeedMS: mean(a.windSpeedMS, b.windSpeedMS))
            return LiveWeatherHour(weather: weather, pvKW: mean(pvKW[index], pvKW[index + 1]))
        }
    }
}

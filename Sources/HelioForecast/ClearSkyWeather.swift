import Foundation
import HelioGrid

/// A cloudless version of a weather year, for clear-sky PV profiles.
///
/// Global horizontal irradiance from the Haurwitz model, GHI = 1098 · cos Z · exp(−0.059 / cos Z)
/// W/m² (B. Haurwitz, J. Meteorology 2(3), 1945; the form and constants of pvlib's
/// `clearsky.haurwitz`), split into direct and diffuse with the Erbs et al. correlation
/// (``ErbsDecomposition``) on the clearness index GHI / (E₀ cos Z). Temperature, wind,
/// pressure and albedo are those of the weather year (a day-ahead temperature forecast is within
/// a few degrees, a sub-percent effect on PV output).
public enum ClearSkyWeather {
    /// `weather` with its irradiance replaced by clear-sky values at each record's mid-point.
    public static func make(from weather: WeatherData) -> WeatherData {
        var clear = weather
        let axis = TimeAxis(stepMinutes: weather.stepMinutes, utcOffsetMinutes: weather.location.utcOffsetMinutes)
        let observer = ObserverGeometry(site: weather.location)
        for index in 0..<weather.count {
            let middle = (Double(index) + 0.5) * Double(weather.stepMinutes)
            let sun = SolarEphemeris.baseYear.position(unixSeconds: axis.unixSeconds(minuteOfYear: middle), observer: observer,
                                                       pressureMbar: weather.pressureMbar[index], tempC: weather.tempC[index])
            let (ghi, dni, dhi) = irradiance(sun: sun)
            clear.ghiWM2[index] = ghi
            clear.dniWM2[index] = dni
            clear.dhiWM2[index] = dhi
        }
        return clear
    }

    /// Clear-sky (GHI, DNI, DHI), W/m², for a sun position.
    static func irradiance(sun: SunPosition) -> (Double, Double, Double) {
        let cosZenith = sun.cosZenith
        guard cosZenith > 0.01 else { return (0, 0, 0) }
        let ghi = 1098 * cosZenith * exp(-0.059 / cosZenith)
        let e0 = PerezTransposition.extraterrestrialWM2(earthSunDistanceAU: sun.earthSunDistanceAU)
        let dhi = ghi * ErbsDecomposition.diffuseFraction(clearness: ghi / (e0 * cosZenith))
        return (ghi, (ghi - dhi) / cosZenith, dhi)
    }
}

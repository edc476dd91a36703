import Foundation

/// The PV plant chain, from weather to AC power, over one year.
///
/// Per step: sun position by SPA (``SolarEphemeris``) at the middle of the interval, or of its
/// sunlit part for the intervals containing sunrise or sunset (as SAM does); plane-of-array
/// irradiance with Perez 1990 sky diffuse and isotropic ground reflection; PVWatts cover loss on
/// the beam; SAPM cell temperature; PVWatts DC and inverter (``PVWattsModel``). Fixed-tilt or
/// single-axis tracking (``SingleAxisTracker``).
public struct PVSystemModel: Sendable {
    /// The plant.
    public let config: PVConfig
    private let pvwatts: PVWattsModel
    private let temperature: CellTemperatureModel
    private let tracker: SingleAxisTracker?
    private let fixedOrientation: SurfaceOrientation

    /// Apparent elevation of the sun's centre when its upper limb meets the horizon, degrees.
    static let sunriseElevationDeg = -0.2667
    /// Fastest change of solar elevation, degrees per minute (Earth's rotation).
    static let maxElevationRateDegPerMinute = 0.25

    /// Creates the chain for a plant.
    public init(config: PVConfig) {
        self.config = config
        pvwatts = PVWattsModel(dcKW: config.dcKW, dcACRatio: config.dcACRatio, gammaPerC: config.gammaPdc,
                               lossesPercent: config.lossesPercent, inverterEfficiency: config.inverterEfficiency)
        temperature = CellTemperatureModel.named[config.temperatureModel]!
        fixedOrientation = SurfaceOrientation(tiltDeg: config.tiltDeg, azimuthDeg: config.azimuthDeg)
        tracker = config.tracking == .singleAxis
            ? SingleAxisTracker(axisTiltDeg: config.tiltDeg, axisAzimuthDeg: config.azimuthDeg,
                                maxAngleDeg: config.maxAngleDeg, backtrack: config.backtrack, gcr: config.gcr)
            : nil
    }

    /// AC output of the new (undegraded) plant at each step of one year, kW.
    public func acPowerKW(weather: WeatherData, stepMinutes: Int) -> [Double] {
        year(weather: weather, stepMinutes: stepMinutes).acKW
    }

    /// AC output, kW, and plane-of-array irradiance, W/m², at each step of one year (the new plant).
    public func year(weather: WeatherData, stepMinutes: Int) -> (acKW: [Double], poaWM2: [Double]) {
        let axis = TimeAxis(stepMinutes: stepMinutes, utcOffsetMinutes: weather.location.utcOffsetMinutes)
        func onStep(_ values: [Double]) -> [Double] {
            WeatherResampler.resample(values, fromMinutes: weather.stepMinutes, toMinutes: stepMinutes)
        }
        let ghi = onStep(weather.ghiWM2), dni = onStep(weather.dniWM2), dhi = onStep(weather.dhiWM2)
        let tempC = onStep(weather.tempC), wind = onStep(weather.windSpeedMS)
        let pressure = onStep(weather.pressureMbar), albedo = onStep(weather.albedo)
        let ephemeris = SolarEphemeris.baseYear
        let observer = ObserverGeometry(site: weather.location)
        var output = [Double](repeating: 0, count: axis.stepsPerYear), poa = output
        let step = Double(stepMinutes)
        for index in 0..<axis.stepsPerYear where ghi[index] > 0 || dni[index] > 0 {
            let start = Double(index) * step
            let sunAt = { (minute: Double) in
                ephemeris.position(unixSeconds: axis.unixSeconds(minuteOfYear: minute), observer: observer,
                                   pressureMbar: pressure[index], tempC: tempC[index])
            }
            guard let sun = sunlitMidpointPosition(start: start, step: step, sunAt: sunAt) else { continue }
            (poa[index], output[index]) = stepOutput(
                sun: sun, ghiWM2: ghi[index], dniWM2: dni[index], dhiWM2: dhi[index],
                albedo: albedo[index], airTempC: tempC[index], windSpeedMS: wind[index])
        }
        return (output, poa)
    }

    /// The sun at the middle of the sunlit part of `[start, start + step)` (minutes of year), or
    /// `nil` when the sun is below the horizon for the whole interval.
    func sunlitMidpointPosition(start: Double, step: Double, sunAt: (Double) -> SunPosition) -> SunPosition? {
        let middle = sunAt(start + step / 2)
        let horizon = Self.sunriseElevationDeg
        let sweep = Self.maxElevationRateDegPerMinute * step / 2 + 0.1
        if middle.elevationDeg - horizon > sweep { return middle }
        if horizon - middle.elevationDeg > sweep { return nil }
        let startElevation = sunAt(start).elevationDeg, endElevation = sunAt(start + step).elevationDeg
        switch (startElevation >= horizon, endElevation >= horizon) {
        case (true, true): return middle
        case (false, false): return nil
        case (false, true):
            let rise = start + step * (horizon - startElevation) / (endElevation - startElevation)
            return sunAt((rise + start + step) / 2)
        case (true, false):
            let set = start + step * (startElevation - horizon) / (startElevation - endElevation)
            return sunAt((start + set) / 2)
        }
    }

    /// AC power, kW, for one sun position and one set of weather values (W/m², °C, m/s).
    public func acPowerKW(sun: SunPosition, ghiWM2: Double, dniWM2: Double, dhiWM2: Double,
                         albedo: Double, airTempC: Double, windSpeedMS: Double) -> Double {
        stepOutput(sun: sun, ghiWM2: ghiWM2, dniWM2: dniWM2, dhiWM2: dhiWM2, albedo: albedo, airTempC: airTempC, windSpeedMS: windSpeedMS).acKW
    }

    /// Plane-of-array irradiance, W/m², and AC power, kW, for one sun position and one set of weather values.
    @inline(__always)
    func stepOutput(sun: SunPosition, ghiWM2: Double, dniWM2: Double, dhiWM2: Double,
                    albedo: Double, airTempC: Double, windSpeedMS: Double) -> (poaWM2: Double, acKW: Double) {
        let orientation = tracker?.orientation(sun: sun) ?? fixedOrientation
        let cosIncidence = orientation.cosIncidence(sun: sun)
        let sunUp = sun.zenithDeg < 90
        let beamWM2 = sunUp ? dniWM2 * max(0, cosIncidence) : 0
        let skyWM2 = PerezTransposition.skyDiffuseWM2(
            dhiWM2: dhiWM2, dniWM2: sunUp ? dniWM2 : 0,
            extraterrestrialWM2: PerezTransposition.extraterrestrialWM2(earthSunDistanceAU: sun.earthSunDistanceAU),
            zenithDeg: min(sun.zenithDeg, 90), cosIncidence: cosIncidence, surface: orientation)
        let groundWM2 = ghiWM2 * albedo * (1 - orientation.cosTilt) / 2
        let poaWM2 = beamWM2 + skyWM2 + groundWM2
        guard poaWM2 > 0 else { return (0, 0) }
        let incidenceDeg = radiansToDegrees(acos(min(1, max(-1, cosIncidence))))
        let transmittedWM2 = poaWM2 - beamWM2 * (1 - IncidenceAngleModifier.interpolated(incidenceDeg: incidenceDeg))
        let cellTempC = temperature.cellTempC(poaWM2: poaWM2, airTempC: airTempC, windSpeedMS: windSpeedMS)
        return (poaWM2, pvwatts.acPowerKW(dcPowerKW: pvwatts.dcPowerKW(transmittedPOAWM2: transmittedWM2, cellTempC: cellTempC)))
    }
}

import Foundation

/// The sun's apparent position seen from a site at one instant, with the sines and cosines the
/// plane-of-array models need computed once.
public struct SunPosition: Sendable, Equatable {
    /// Topocentric zenith angle including atmospheric refraction, degrees.
    public let zenithDeg: Double
    /// Topocentric azimuth, degrees eastward from north.
    public let azimuthDeg: Double
    /// Earth–sun distance, astronomical units.
    public let earthSunDistanceAU: Double
    /// cos(zenith).
    public let cosZenith: Double
    /// sin(zenith).
    public let sinZenith: Double
    /// sin(azimuth).
    public let sinAzimuth: Double
    /// cos(azimuth).
    public let cosAzimuth: Double

    /// Apparent elevation above the horizon, degrees.
    public var elevationDeg: Double { 90 - zenithDeg }

    /// Creates a position from its zenith and azimuth (degrees) and Earth–sun distance (AU).
    public init(zenithDeg: Double, azimuthDeg: Double, earthSunDistanceAU: Double) {
        let zenith = degreesToRadians(zenithDeg), azimuth = degreesToRadians(azimuthDeg)
        self.init(zenithDeg: zenithDeg, azimuthDeg: azimuthDeg, earthSunDistanceAU: earthSunDistanceAU,
                  cosZenith: cos(zenith), sinZenith: sin(zenith), sinAzimuth: sin(azimuth), cosAzimuth: cos(azimuth))
    }

    /// Creates a position whose trigonometric values are already known.
    init(zenithDeg: Double, azimuthDeg: Double, earthSunDistanceAU: Double,
         cosZenith: Double, sinZenith: Double, sinAzimuth: Double, cosAzimuth: Double) {
        self.zenithDeg = zenithDeg
        self.azimuthDeg = azimuthDeg
        self.earthSunDistanceAU = earthSunDistanceAU
        self.cosZenith = cosZenith
        self.sinZenith = sinZenith
        self.sinAzimuth = sinAzimuth
        self.cosAzimuth = cosAzimuth
    }
}

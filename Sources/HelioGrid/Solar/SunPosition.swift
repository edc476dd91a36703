/// The sun's apparent position seen from a site at one instant.
public struct SunPosition: Sendable, Equatable {
    /// Topocentric zenith angle including atmospheric refraction, degrees.
    public var zenithDeg: Double
    /// Topocentric azimuth, degrees eastward from north.
    public var azimuthDeg: Double
    /// Earth–sun distance, astronomical units.
    public var earthSunDistanceAU: Double

    /// Apparent elevation above the horizon, degrees.
    public var elevationDeg: Double { 90 - zenithDeg }

    /// Creates a position from its zenith and azimuth (degrees) and Earth–sun distance (AU).
    public init(zenithDeg: Double, azimuthDeg: Double, earthSunDistanceAU: Double) {
        self.zenithDeg = zenithDeg
        self.azimuthDeg = azimuthDeg
        self.earthSunDistanceAU = earthSunDistanceAU
    }
}

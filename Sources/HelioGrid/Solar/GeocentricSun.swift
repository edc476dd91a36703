/// The slowly varying, site-independent part of the NREL SPA solution at one instant.
///
/// Reda & Andreas (2008), NREL/TP-560-34302, steps 3.1–3.9: geocentric right ascension and
/// declination, Earth radius vector and the nutation correction of sidereal time. These change by
/// about a degree a day, so ``SolarEphemeris`` evaluates them once a day and interpolates.
public struct GeocentricSun: Sendable, Equatable {
    /// Geocentric sun right ascension α, degrees in [0, 360).
    public var rightAscensionDeg: Double
    /// Geocentric sun declination δ, degrees.
    public var declinationDeg: Double
    /// Earth radius vector R, astronomical units.
    public var radiusAU: Double
    /// Nutation in longitude times cos(true obliquity), Δψ·cos ε, degrees (sidereal-time correction).
    public var siderealNutationDeg: Double

    /// Creates a geocentric solution from its four quantities (degrees, AU).
    public init(rightAscensionDeg: Double, declinationDeg: Double, radiusAU: Double, siderealNutationDeg: Double) {
        self.rightAscensionDeg = rightAscensionDeg
        self.declinationDeg = declinationDeg
        self.radiusAU = radiusAU
        self.siderealNutationDeg = siderealNutationDeg
    }
}

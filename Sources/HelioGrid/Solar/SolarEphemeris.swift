import Foundation

/// Fast sun positions over a period: the expensive geocentric part of SPA at daily nodes,
/// interpolated, and the site-dependent part evaluated exactly at each instant.
///
/// Reda & Andreas (2008), NREL/TP-560-34302, Appendix A.2 interpolates α and δ between daily
/// values at 0 h with `x₀ + n(a + b + n·c)/2`; the same three-point formula is applied here to
/// α, δ, R and the sidereal nutation term. Its error against full SPA is below 1e-4° (tested).
public struct SolarEphemeris: Sendable {
    private let firstNodeJulianDay: Double
    private let rightAscensionDeg: [Double]
    private let declinationDeg: [Double]
    private let radiusAU: [Double]
    private let siderealNutationDeg: [Double]

    /// Daily nodes covering the simulation's base year (2001) in any time zone (±1 day), built once
    /// per process: the geocentric sun does not depend on the site.
    public static let baseYear = SolarEphemeris(
        startUnixSeconds: CivilCalendar.baseYearUnixSeconds - 86_400,
        endUnixSeconds: CivilCalendar.baseYearUnixSeconds + 366 * 86_400)

    /// Builds daily nodes covering `[startUnixSeconds, endUnixSeconds]` with a day of margin either side.
    public init(startUnixSeconds: Double, endUnixSeconds: Double,
                deltaTSeconds: Double = SolarPositionAlgorithm.defaultDeltaTSeconds) {
        let firstJD = (SolarPositionAlgorithm.julianDay(unixSeconds: startUnixSeconds) - 0.5).rounded(.down) + 0.5 - 2
        let nodeCount = Int((endUnixSeconds - startUnixSeconds) / 86_400) + 6
        var alpha = [Double](), delta = [Double](), radius = [Double](), nutation = [Double]()
        alpha.reserveCapacity(nodeCount)
        delta.reserveCapacity(nodeCount)
        radius.reserveCapacity(nodeCount)
        nutation.reserveCapacity(nodeCount)
        for node in 0..<nodeCount {
            let geo = SolarPositionAlgorithm.geocentric(julianDay: firstJD + Double(node), deltaTSeconds: deltaTSeconds)
            var ra = geo.rightAscensionDeg
            if let previous = alpha.last {
                while ra < previous - 180 { ra += 360 }  // keep α continuous across the 360° wrap
            }
            alpha.append(ra)
            delta.append(geo.declinationDeg)
            radius.append(geo.radiusAU)
            nutation.append(geo.siderealNutationDeg)
        }
        firstNodeJulianDay = firstJD
        rightAscensionDeg = alpha
        declinationDeg = delta
        radiusAU = radius
        siderealNutationDeg = nutation
    }

    /// The interpolated geocentric solution at Julian day `jd` (must lie inside the covered period).
    public func geocentric(julianDay jd: Double) -> GeocentricSun {
        let offset = jd - firstNodeJulianDay
        let node = min(max(Int(offset.rounded()), 1), rightAscensionDeg.count - 2)
        let n = offset - Double(node)
        return GeocentricSun(
            rightAscensionDeg: Self.interpolate(rightAscensionDeg, node, n),
            declinationDeg: Self.interpolate(declinationDeg, node, n),
            radiusAU: Self.interpolate(radiusAU, node, n),
            siderealNutationDeg: Self.interpolate(siderealNutationDeg, node, n))
    }

    /// Sun position at a Unix time for a site; pressure in mbar and temperature in °C feed refraction.
    public func position(unixSeconds: Double, observer: ObserverGeometry, pressureMbar: Double, tempC: Double) -> SunPosition {
        let jd = SolarPositionAlgorithm.julianDay(unixSeconds: unixSeconds)
        return SolarPositionAlgorithm.topocentric(
            geocentric(julianDay: jd), julianDay: jd, observer: observer, pressureMbar: pressureMbar, tempC: tempC)
    }

    @inline(__always)
    private static func interpolate(_ values: [Double], _ node: Int, _ n: Double) -> Double {
        let a = values[node] - values[node - 1]
        let b = values[node + 1] - values[node]
        return values[node] + n * (a + b + n * (b - a)) / 2
    }
}

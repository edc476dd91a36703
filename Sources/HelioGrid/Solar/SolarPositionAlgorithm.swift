import Foundation

/// NREL Solar Position Algorithm (SPA).
///
/// I. Reda and A. Andreas, "Solar Position Algorithm for Solar Radiation Applications",
/// NREL/TP-560-34302, 2003 (revised January 2008). Uncertainty ±0.0003° for years −2000…6000.
/// Step numbers in the comments refer to section 3 of that report. Periodic terms: ``SPATables``.
public enum SolarPositionAlgorithm {
    /// Default difference between terrestrial time and UT1, seconds (the SPA report's example value).
    public static let defaultDeltaTSeconds = 67.0

    /// Julian day (UT) of a Unix time in seconds (report eq. 4 for the Gregorian calendar).
    public static func julianDay(unixSeconds: Double) -> Double {
        unixSeconds / 86_400 + 2_440_587.5
    }

    /// Full SPA: the apparent topocentric position of the sun.
    /// - Parameters:
    ///   - unixSeconds: the instant, seconds since 1970-01-01T00:00Z (UT).
    ///   - site: observer latitude, longitude (degrees) and elevation (m).
    ///   - pressureMbar: annual-average or actual local pressure, millibars (for refraction).
    ///   - tempC: local air temperature, °C (for refraction).
    ///   - deltaTSeconds: TT − UT1, seconds.
    public static func position(
        unixSeconds: Double, site: SiteLocation, pressureMbar: Double, tempC: Double,
        deltaTSeconds: Double = defaultDeltaTSeconds
    ) -> SunPosition {
        let jd = julianDay(unixSeconds: unixSeconds)
        let geo = geocentric(julianDay: jd, deltaTSeconds: deltaTSeconds)
        return topocentric(geo, julianDay: jd, observer: ObserverGeometry(site: site), pressureMbar: pressureMbar, tempC: tempC)
    }

    /// Steps 3.1–3.9: geocentric right ascension, declination, radius vector and nutation.
    public static func geocentric(julianDay jd: Double, deltaTSeconds: Double = defaultDeltaTSeconds) -> GeocentricSun {
        let jde = jd + deltaTSeconds / 86_400
        let jce = (jde - 2_451_545) / 36_525
        let jme = jce / 10
        // 3.2 Earth heliocentric longitude, latitude and radius vector.
        let lDeg = normalizedDegrees(radiansToDegrees(series(longitudeTables, jme) / 1e8))
        let bDeg = radiansToDegrees(series(latitudeTables, jme) / 1e8)
        let radius = series(radiusTables, jme) / 1e8
        // 3.3 Geocentric longitude and latitude.
        let thetaDeg = normalizedDegrees(lDeg + 180)
        let betaDeg = -bDeg
        // 3.4 Nutation in longitude and obliquity.
        let (deltaPsi, deltaEpsilon) = nutation(jce: jce)
        // 3.5 True obliquity of the ecliptic.
        let u = jme / 10
        let epsilon0 = polynomial(obliquityCoefficients, u)
        let epsilonDeg = epsilon0 / 3600 + deltaEpsilon
        // 3.6–3.7 Aberration and apparent sun longitude.
        let lambdaDeg = thetaDeg + deltaPsi - 20.4898 / (3600 * radius)
        // 3.9–3.10 Geocentric right ascension and declination.
        let lambda = degreesToRadians(lambdaDeg)
        let epsilon = degreesToRadians(epsilonDeg)
        let beta = degreesToRadians(betaDeg)
        let alpha = atan2(sin(lambda) * cos(epsilon) - tan(beta) * sin(epsilon), cos(lambda))
        let delta = asin(sin(beta) * cos(epsilon) + cos(beta) * sin(epsilon) * sin(lambda))
        return GeocentricSun(
            rightAscensionDeg: normalizedDegrees(radiansToDegrees(alpha)),
            declinationDeg: radiansToDegrees(delta),
            radiusAU: radius,
            siderealNutationDeg: deltaPsi * cos(epsilon))
    }

    /// Steps 3.8 and 3.11–3.15: sidereal time, hour angle, parallax, refraction, zenith and azimuth.
    public static func topocentric(
        _ geo: GeocentricSun, julianDay jd: Double, observer: ObserverGeometry, pressureMbar: Double, tempC: Double
    ) -> SunPosition {
        let jc = (jd - 2_451_545) / 36_525
        let nu0 = 280.46061837 + 360.98564736629 * (jd - 2_451_545) + 0.000387933 * jc * jc - jc * jc * jc / 38_710_000
        let nu = nu0 + geo.siderealNutationDeg
        let hourAngle = degreesToRadians(normalizedDegrees(nu + observer.longitudeDeg - geo.rightAscensionDeg))
        let xi = degreesToRadians(8.794 / (3600 * geo.radiusAU))
        let x = observer.x, y = observer.y
        let sinPhi = observer.sinLatitude, cosPhi = observer.cosLatitude
        let delta = degreesToRadians(geo.declinationDeg)
        let denominator = cos(delta) - x * sin(xi) * cos(hourAngle)
        let deltaAlpha = atan2(-x * sin(xi) * sin(hourAngle), denominator)
        let deltaPrime = atan2((sin(delta) - y * sin(xi)) * cos(deltaAlpha), denominator)
        let hPrime = hourAngle - deltaAlpha
        let e0Deg = radiansToDegrees(asin(sinPhi * sin(deltaPrime) + cosPhi * cos(deltaPrime) * cos(hPrime)))
        let eDeg = e0Deg + refractionDeg(trueElevationDeg: e0Deg, pressureMbar: pressureMbar, tempC: tempC)
        // Step 3.15: azimuth Φ = Γ + 180°, so sin Φ = −sin Γ and cos Φ = −cos Γ.
        let gammaY = sin(hPrime), gammaX = cos(hPrime) * sinPhi - tan(deltaPrime) * cosPhi
        let gammaNorm = (gammaY * gammaY + gammaX * gammaX).squareRoot()
        let elevation = degreesToRadians(eDeg)
        return SunPosition(
            zenithDeg: 90 - eDeg,
            azimuthDeg: normalizedDegrees(radiansToDegrees(atan2(gammaY, gammaX)) + 180),
            earthSunDistanceAU: geo.radiusAU,
            cosZenith: sin(elevation), sinZenith: cos(elevation),
            sinAzimuth: -gammaY / gammaNorm, cosAzimuth: -gammaX / gammaNorm)
    }

    /// Step 3.14.2: atmospheric refraction correction Δe, degrees; zero with the sun well below the
    /// horizon (below −(0.26667 + 0.5667)°, the sun's radius plus refraction at the horizon).
    static func refractionDeg(trueElevationDeg e0: Double, pressureMbar: Double, tempC: Double) -> Double {
        guard e0 >= -(0.26667 + 0.5667) else { return 0 }
        return (pressureMbar / 1010) * (283 / (273 + tempC))
            * 1.02 / (60 * tan(degreesToRadians(e0 + 10.3 / (e0 + 5.11))))
    }

    /// Nutation in longitude and obliquity (Δψ, Δε), degrees (step 3.4, Table A4.3).
    static func nutation(jce: Double) -> (Double, Double) {
        let jce2 = jce * jce
        let jce3 = jce2 * jce
        let x0 = 297.85036 + 445_267.111480 * jce - 0.0019142 * jce2 + jce3 / 189_474
        let x1 = 357.52772 + 35_999.050340 * jce - 0.0001603 * jce2 - jce3 / 300_000
        let x2 = 134.96298 + 477_198.867398 * jce + 0.0086972 * jce2 + jce3 / 56_250
        let x3 = 93.27191 + 483_202.017538 * jce - 0.0036825 * jce2 + jce3 / 327_270
        let x4 = 125.04452 - 1934.136261 * jce + 0.0020708 * jce2 + jce3 / 450_000
        var psi = 0.0
        var eps = 0.0
        SPATables.nutation.withUnsafeBufferPointer { rows in
            var index = 0
            while index < rows.count {
                let argument = degreesToRadians(
                    x0 * rows[index] + x1 * rows[index + 1] + x2 * rows[index + 2]
                        + x3 * rows[index + 3] + x4 * rows[index + 4])
                psi += (rows[index + 5] + rows[index + 6] * jce) * sin(argument)
                eps += (rows[index + 7] + rows[index + 8] * jce) * cos(argument)
                index += 9
            }
        }
        return (psi / 36_000_000, eps / 36_000_000)
    }

    /// Σᵢ (Σ A·cos(B + C·JME)) · JMEⁱ over the tables of one Earth quantity (step 3.2).
    private static func series(_ tables: [[Double]], _ jme: Double) -> Double {
        var total = 0.0
        var power = 1.0
        for table in tables {
            var sum = 0.0
            table.withUnsafeBufferPointer { terms in
                var index = 0
                while index < terms.count {
                    sum += terms[index] * cos(terms[index + 1] + terms[index + 2] * jme)
                    index += 3
                }
            }
            total += sum * power
            power *= jme
        }
        return total
    }

    private static func polynomial(_ coefficients: [Double], _ x: Double) -> Double {
        var value = 0.0
        for coefficient in coefficients.reversed() { value = value * x + coefficient }
        return value
    }

    private static let longitudeTables = [SPATables.l0, SPATables.l1, SPATables.l2, SPATables.l3, SPATables.l4, SPATables.l5]
    private static let latitudeTables = [SPATables.b0, SPATables.b1]
    private static let radiusTables = [SPATables.r0, SPATables.r1, SPATables.r2, SPATables.r3, SPATables.r4]
    /// Mean obliquity of the ecliptic ε₀ (arc-seconds) as a polynomial in U = JME/10 (report eq. 24).
    private static let obliquityCoefficients = [84381.448, -4680.93, -1.55, 1999.25, -51.38, -249.67, -39.05, 7.12, 27.87, 5.79, 2.45]
}

/// Degrees to radians.
@inline(__always) func degreesToRadians(_ degrees: Double) -> Double { degrees * .pi / 180 }
/// Radians to degrees.
@inline(__always) func radiansToDegrees(_ radians: Double) -> Double { radians * 180 / .pi }
/// An angle in degrees reduced to [0, 360).
@inline(__always) func normalizedDegrees(_ degrees: Double) -> Double {
    let reduced = degrees.truncatingRemainder(dividingBy: 360)
    return reduced < 0 ? reduced + 360 : reduced
}

import Foundation

/// Sky-diffuse irradiance on a tilted plane by the Perez 1990 model.
///
/// R. Perez, P. Ineichen, R. Seals, J. Michalsky and R. Stewart, "Modeling daylight availability
/// and irradiance components from direct and global irradiance", Solar Energy 44(5), 271–289
/// (1990); brightness coefficients from its Table 6 ("all sites composite", the set SAM and pvlib
/// use by default). Clearness ε with κ = 1.041 (zenith in radians), brightness Δ = DHI·AM/E₀ with
/// Kasten & Young (1989) relative air mass.
public enum PerezTransposition {
    /// Upper bounds of the eight sky-clearness bins (the last is open).
    static let clearnessBinUpperBounds = [1.065, 1.23, 1.5, 1.95, 2.8, 4.5, 6.2]
    /// Coefficients f11, f12, f13, f21, f22, f23 per clearness bin (Perez et al. 1990, Table 6).
    static let coefficients: [Double] = [
        -0.0080, 0.5880, -0.0620, -0.0600, 0.0720, -0.0220,
        0.1300, 0.6830, -0.1510, -0.0190, 0.0660, -0.0290,
        0.3300, 0.4870, -0.2210, 0.0550, -0.0640, -0.0260,
        0.5680, 0.1870, -0.2950, 0.1090, -0.1520, -0.0140,
        0.8730, -0.3920, -0.3620, 0.2260, -0.4620, 0.0010,
        1.1320, -1.2370, -0.4120, 0.2880, -0.8230, 0.0560,
        1.0600, -1.6000, -0.3590, 0.2640, -1.1270, 0.1310,
        0.6780, -0.3270, -0.2500, 0.1560, -1.3770, 0.2510,
    ]

    /// Floor of cos(zenith) in the circumsolar term (Perez et al. 1990: zenith capped at 85°).
    static let cosine85 = cos(degreesToRadians(85))

    /// Sky-diffuse plane-of-array irradiance, W/m².
    /// - Parameters:
    ///   - dhiWM2, dniWM2: diffuse horizontal and direct normal irradiance, W/m².
    ///   - extraterrestrialWM2: extraterrestrial normal irradiance E₀, W/m².
    ///   - zenithDeg: apparent solar zenith, degrees (at most 90).
    ///   - cosIncidence: cosine of the angle of incidence on the plane.
    ///   - surface: the plane (its tilt's sine and cosine are used).
    public static func skyDiffuseWM2(
        dhiWM2: Double, dniWM2: Double, extraterrestrialWM2: Double, zenithDeg: Double,
        cosIncidence: Double, surface: SurfaceOrientation
    ) -> Double {
        guard dhiWM2 > 0 else { return 0 }
        let zenith = degreesToRadians(zenithDeg)
        let cosZenith = cos(zenith)
        let kappaZ3 = 1.041 * zenith * zenith * zenith
        let clearness = ((dhiWM2 + dniWM2) / dhiWM2 + kappaZ3) / (1 + kappaZ3)
        let brightness = dhiWM2 * relativeAirMass(zenithDeg: zenithDeg, cosZenith: cosZenith) / extraterrestrialWM2
        var bin = 0
        while bin < clearnessBinUpperBounds.count && clearness >= clearnessBinUpperBounds[bin] { bin += 1 }
        let row = bin * 6
        let f1 = max(0, coefficients[row] + coefficients[row + 1] * brightness + coefficients[row + 2] * zenith)
        let f2 = coefficients[row + 3] + coefficients[row + 4] * brightness + coefficients[row + 5] * zenith
        let a = max(0, cosIncidence)
        let b = max(cosine85, cosZenith)
        let sky = dhiWM2 * ((1 - f1) * (1 + surface.cosTilt) / 2 + f1 * a / b + f2 * surface.sinTilt)
        return max(0, sky)
    }

    /// Relative optical air mass, Kasten & Young (1989), Applied Optics 28(22), 4735–4738;
    /// the value at 90° is used for the sun at or below the horizon.
    public static func relativeAirMass(zenithDeg: Double) -> Double {
        let z = min(zenithDeg, 90)
        return relativeAirMass(zenithDeg: z, cosZenith: cos(degreesToRadians(z)))
    }

    @inline(__always)
    static func relativeAirMass(zenithDeg z: Double, cosZenith: Double) -> Double {
        1 / (cosZenith + 0.50572 * pow(96.07995 - z, -1.6364))
    }

    /// Extraterrestrial normal irradiance, W/m²: solar constant 1366.1 W/m² (ASTM E490-00a)
    /// scaled by the inverse square of the Earth–sun distance in AU.
    public static func extraterrestrialWM2(earthSunDistanceAU: Double) -> Double {
        1366.1 / (earthSunDistanceAU * earthSunDistanceAU)
    }
}

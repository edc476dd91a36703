import Foundation

/// The split of global horizontal irradiance into its diffuse and direct parts from the hourly
/// clearness index.
///
/// D. G. Erbs, S. A. Klein and J. A. Duffie, "Estimation of the diffuse radiation fraction for
/// hourly, daily and monthly-average global radiation", Solar Energy 28(4), 1982, eq. 1 (the form of
/// pvlib's `irradiance.erbs`).
public enum ErbsDecomposition {
    /// The diffuse fraction DHI / GHI at hourly clearness index `clearness` = GHI / (E₀ cos Z).
    public static func diffuseFraction(clearness: Double) -> Double {
        switch clearness {
        case ...0.22: return 1 - 0.09 * clearness
        case ...0.80:
            return 0.9511 - 0.1604 * clearness + 4.388 * pow(clearness, 2) - 16.638 * pow(clearness, 3) + 12.336 * pow(clearness, 4)
        default: return 0.165
        }
    }

    /// (DNI, DHI), W/m², of `ghiWM2` with the sun at `cosZenith` and extraterrestrial normal
    /// irradiance `extraterrestrialWM2`. With the sun within 3° of the horizon (cos Z < 0.05) all
    /// of it is taken as diffuse: the direct part's division by cos Z is then unbounded.
    public static func split(ghiWM2: Double, cosZenith: Double, extraterrestrialWM2: Double) -> (dniWM2: Double, dhiWM2: Double) {
        guard ghiWM2 > 0 else { return (0, 0) }
        guard cosZenith >= 0.05 else { return (0, ghiWM2) }
        let dhi = ghiWM2 * diffuseFraction(clearness: ghiWM2 / (extraterrestrialWM2 * cosZenith))
        return ((ghiWM2 - dhi) / cosZenith, dhi)
    }
}

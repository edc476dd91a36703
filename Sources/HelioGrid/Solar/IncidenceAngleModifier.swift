import Foundation

/// Cover transmittance loss versus angle of incidence, as PVWatts applies it.
///
/// A. Dobos, "PVWatts Version 5 Manual", NREL/TP-6A20-62641 (2014), section 3.3, from the
/// physical model of W. De Soto et al., Solar Energy 80 (2006): Snell and Fresnel reflection plus
/// absorption in a glass cover of refractive index n = 1.526, extinction K = 4 m⁻¹ and thickness
/// L = 2 mm, normalised to normal incidence. PVWatts applies it to the beam component only.
public enum IncidenceAngleModifier {
    /// Refractive index of the module glass.
    public static let refractiveIndex = 1.526
    /// Glazing extinction coefficient times thickness, K·L (4 m⁻¹ × 0.002 m).
    static let extinctionThickness = 4.0 * 0.002

    /// Transmittance at normal incidence, used for normalisation.
    static let normalTransmittance: Double = {
        let r = (refractiveIndex - 1) / (refractiveIndex + 1)
        return exp(-extinctionThickness) * (1 - r * r)
    }()

    /// Relative transmittance τ(θ)/τ(0) for an angle of incidence in degrees (0 at or beyond 90°).
    public static func modifier(incidenceDeg: Double) -> Double {
        guard incidenceDeg > 1e-6 else { return 1 }
        guard incidenceDeg < 90 else { return 0 }
        let theta = degreesToRadians(incidenceDeg)
        let thetaR = asin(sin(theta) / refractiveIndex)
        let minus = thetaR - theta, plus = thetaR + theta
        let sinRatio = sin(minus) / sin(plus)
        let tanRatio = tan(minus) / tan(plus)
        let tau = exp(-extinctionThickness / cos(thetaR)) * (1 - 0.5 * (sinRatio * sinRatio + tanRatio * tanRatio))
        return max(0, tau / normalTransmittance)
    }

    /// ``modifier(incidenceDeg:)`` every 0.01° from 0° to 90°, built once per process.
    static let table: [Double] = (0...9000).map { modifier(incidenceDeg: Double($0) / 100) }

    /// ``modifier(incidenceDeg:)`` by linear interpolation in ``table``: within 2e-7 of it (tested)
    /// at a fraction of the cost, for the per-step PV chain.
    @inline(__always)
    public static func interpolated(incidenceDeg: Double) -> Double {
        guard incidenceDeg < 90 else { return 0 }
        let position = max(0, incidenceDeg) * 100
        let index = Int(position)
        let fraction = position - Double(index)
        return table[index] + (table[index + 1] - table[index]) * fraction
    }
}

import Foundation

/// The orientation of a module plane at one instant, held as the sines and cosines of its tilt
/// and azimuth (what the irradiance models use).
public struct SurfaceOrientation: Sendable, Equatable {
    /// cos(tilt).
    public let cosTilt: Double
    /// sin(tilt).
    public let sinTilt: Double
    /// sin(azimuth).
    public let sinAzimuth: Double
    /// cos(azimuth).
    public let cosAzimuth: Double

    /// Creates an orientation from tilt (from horizontal) and azimuth (clockwise from north) in degrees.
    public init(tiltDeg: Double, azimuthDeg: Double) {
        let tilt = degreesToRadians(tiltDeg), azimuth = degreesToRadians(azimuthDeg)
        self.init(cosTilt: cos(tilt), sinTilt: sin(tilt), sinAzimuth: sin(azimuth), cosAzimuth: cos(azimuth))
    }

    /// Creates an orientation from its trigonometric values.
    init(cosTilt: Double, sinTilt: Double, sinAzimuth: Double, cosAzimuth: Double) {
        self.cosTilt = cosTilt
        self.sinTilt = sinTilt
        self.sinAzimuth = sinAzimuth
        self.cosAzimuth = cosAzimuth
    }

    /// Tilt from horizontal, degrees.
    public var tiltDeg: Double { radiansToDegrees(atan2(sinTilt, cosTilt)) }
    /// Azimuth of the plane's normal, degrees clockwise from north.
    public var azimuthDeg: Double { normalizedDegrees(radiansToDegrees(atan2(sinAzimuth, cosAzimuth))) }

    /// Cosine of the angle of incidence of the sun's rays on the plane (negative when behind it):
    /// cos θ = cos β cos Z + sin β sin Z cos(γ_s − γ) (Duffie & Beckman, *Solar Engineering of
    /// Thermal Processes*, 4th ed., eq. 1.6.3).
    @inline(__always)
    public func cosIncidence(sun: SunPosition) -> Double {
        let cosAzimuthDifference = sun.cosAzimuth * cosAzimuth + sun.sinAzimuth * sinAzimuth
        return cosTilt * sun.cosZenith + sinTilt * sun.sinZenith * cosAzimuthDifference
    }
}

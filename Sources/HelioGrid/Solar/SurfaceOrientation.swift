import Foundation

/// The orientation of a module plane at one instant, with its sines and cosines.
public struct SurfaceOrientation: Sendable, Equatable {
    /// Tilt from horizontal, degrees.
    public let tiltDeg: Double
    /// Azimuth of the plane's normal, degrees clockwise from north.
    public let azimuthDeg: Double
    /// cos(tilt).
    public let cosTilt: Double
    /// sin(tilt).
    public let sinTilt: Double
    private let sinAzimuth: Double
    private let cosAzimuth: Double

    /// Creates an orientation from tilt and azimuth in degrees.
    public init(tiltDeg: Double, azimuthDeg: Double) {
        let tilt = degreesToRadians(tiltDeg), azimuth = degreesToRadians(azimuthDeg)
        self.tiltDeg = tiltDeg
        self.azimuthDeg = azimuthDeg
        cosTilt = cos(tilt)
        sinTilt = sin(tilt)
        sinAzimuth = sin(azimuth)
        cosAzimuth = cos(azimuth)
    }

    /// Cosine of the angle of incidence of the sun's rays on the plane (negative when behind it):
    /// cos θ = cos β cos Z + sin β sin Z cos(γ_s − γ) (Duffie & Beckman, *Solar Engineering of
    /// Thermal Processes*, 4th ed., eq. 1.6.3).
    @inline(__always)
    public func cosIncidence(sun: SunPosition) -> Double {
        let cosAzimuthDifference = sun.cosAzimuth * cosAzimuth + sun.sinAzimuth * sinAzimuth
        return cosTilt * sun.cosZenith + sinTilt * sun.sinZenith * cosAzimuthDifference
    }
}

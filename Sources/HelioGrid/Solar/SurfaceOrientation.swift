import Foundation

/// The orientation of a module plane at one instant.
public struct SurfaceOrientation: Sendable, Equatable {
    /// Tilt from horizontal, degrees.
    public var tiltDeg: Double
    /// Azimuth of the plane's normal, degrees clockwise from north.
    public var azimuthDeg: Double

    /// Creates an orientation from tilt and azimuth in degrees.
    public init(tiltDeg: Double, azimuthDeg: Double) {
        self.tiltDeg = tiltDeg
        self.azimuthDeg = azimuthDeg
    }

    /// Cosine of the angle of incidence of the sun's rays on the plane (negative when behind it).
    @inline(__always)
    public func cosIncidence(sun: SunPosition) -> Double {
        let tilt = degreesToRadians(tiltDeg)
        let zenith = degreesToRadians(sun.zenithDeg)
        return cos(tilt) * cos(zenith)
            + sin(tilt) * sin(zenith) * cos(degreesToRadians(sun.azimuthDeg - azimuthDeg))
    }
}

import Foundation

/// A horizontal or tilted single-axis tracker with optional backtracking.
///
/// True-tracking angle and surface orientation: W. F. Marion and A. P. Dobos, "Rotation Angle
/// for the Optimum Tracking of One-Axis Trackers", NREL/TP-6A20-58891 (2013), eqs. 1–7. Backtracking:
/// K. Anderson and M. Mikofski, "Slope-Aware Backtracking for Single-Axis Trackers",
/// NREL/TP-5K00-76626 (2020), eqs. 11–14, with the cross-axis slope of the ground taken as zero
/// (the tracking angle is computed in the frame of the tilted axis, so a tilted axis is handled).
public struct SingleAxisTracker: Sendable, Equatable {
    /// Tilt of the rotation axis from horizontal, degrees.
    public let axisTiltDeg: Double
    /// Azimuth of the axis (direction it points down-slope), degrees clockwise from north.
    public let axisAzimuthDeg: Double
    /// Rotation limit either side of flat, degrees.
    public var maxAngleDeg: Double
    /// Whether to backtrack to avoid row-to-row shading.
    public var backtrack: Bool
    /// Ground coverage ratio: collector width over row pitch.
    public var gcr: Double

    /// Creates a tracker; angles in degrees.
    public init(axisTiltDeg: Double, axisAzimuthDeg: Double, maxAngleDeg: Double, backtrack: Bool, gcr: Double) {
        self.axisTiltDeg = axisTiltDeg
        self.axisAzimuthDeg = axisAzimuthDeg
        self.maxAngleDeg = maxAngleDeg
        self.backtrack = backtrack
        self.gcr = gcr
        let tilt = degreesToRadians(axisTiltDeg), azimuth = degreesToRadians(axisAzimuthDeg)
        sinAxisTilt = sin(tilt)
        cosAxisTilt = cos(tilt)
        sinAxisAzimuth = sin(azimuth)
        cosAxisAzimuth = cos(azimuth)
    }

    private let sinAxisTilt: Double
    private let cosAxisTilt: Double
    private let sinAxisAzimuth: Double
    private let cosAxisAzimuth: Double

    /// Rotation angle, degrees (positive turns the modules toward the west for a south-pointing axis).
    public func rotationDeg(sun: SunPosition) -> Double {
        let sx = sun.sinZenith * sun.sinAzimuth, sy = sun.sinZenith * sun.cosAzimuth, sz = sun.cosZenith
        let xp = sx * cosAxisAzimuth - sy * sinAxisAzimuth
        let zp = sx * sinAxisAzimuth * sinAxisTilt + sy * sinAxisTilt * cosAxisAzimuth + sz * cosAxisTilt
        var theta = radiansToDegrees(atan2(xp, zp))
        if backtrack {
            let shadeRatio = abs(cos(degreesToRadians(theta))) / gcr
            if shadeRatio < 1 {
                theta += (theta < 0 ? 1 : -1) * radiansToDegrees(acos(shadeRatio))
            }
        }
        return min(max(theta, -maxAngleDeg), maxAngleDeg)
    }

    /// Orientation of the module plane for the sun's position (Marion & Dobos 2013, eqs. 1–7):
    /// cos β = cos R · cos β_a, and the plane's azimuth is the axis azimuth turned by
    /// asin(sin R / sin β) (|R| ≤ 90°, so that angle's cosine is non-negative).
    public func orientation(sun: SunPosition) -> SurfaceOrientation {
        let theta = degreesToRadians(rotationDeg(sun: sun))
        let cosTilt = cos(theta) * cosAxisTilt
        let sinTilt = (1 - cosTilt * cosTilt).squareRoot()
        guard sinTilt > 1e-12 else {
            // Flat: the azimuth is arbitrary; take the axis azimuth turned 90° as the limit from the west side.
            return SurfaceOrientation(cosTilt: 1, sinTilt: 0, sinAzimuth: cosAxisAzimuth, cosAzimuth: -sinAxisAzimuth)
        }
        let sinDelta = min(1, max(-1, sin(theta) / sinTilt))
        let cosDelta = (1 - sinDelta * sinDelta).squareRoot()
        return SurfaceOrientation(
            cosTilt: cosTilt, sinTilt: sinTilt,
            sinAzimuth: sinAxisAzimuth * cosDelta + cosAxisAzimuth * sinDelta,
            cosAzimuth: cosAxisAzimuth * cosDelta - sinAxisAzimuth * sinDelta)
    }
}

import Foundation

/// Site constants of SPA's topocentric step (Reda & Andreas 2008, eqs. 37–40), computed once per
/// site instead of at every instant.
public struct ObserverGeometry: Sendable, Equatable {
    /// Observer longitude, degrees east.
    public let longitudeDeg: Double
    let sinLatitude: Double
    let cosLatitude: Double
    /// x = cos u + E/R_e · cos φ.
    let x: Double
    /// y = 0.99664719 sin u + E/R_e · sin φ.
    let y: Double

    /// The geometry of a site (latitude, longitude, elevation).
    public init(site: SiteLocation) {
        let phi = degreesToRadians(site.latitudeDeg)
        let u = atan(0.99664719 * tan(phi))
        longitudeDeg = site.longitudeDeg
        sinLatitude = sin(phi)
        cosLatitude = cos(phi)
        x = cos(u) + site.elevationM / 6_378_140 * cos(phi)
        y = 0.99664719 * sin(u) + site.elevationM / 6_378_140 * sin(phi)
    }
}

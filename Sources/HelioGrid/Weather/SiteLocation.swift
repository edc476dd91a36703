/// Where a weather file was recorded: the observer for sun position and the time zone of its stamps.
public struct SiteLocation: Sendable, Equatable {
    /// Station or site name from the file.
    public var name: String
    /// Latitude, degrees north positive.
    public var latitudeDeg: Double
    /// Longitude, degrees east positive.
    public var longitudeDeg: Double
    /// Elevation above sea level, metres.
    public var elevationM: Double
    /// Offset of the time base of the data from UTC, minutes (local standard time, or 0 for UTC data).
    public var utcOffsetMinutes: Int

    /// Creates a location; angles in degrees, elevation in metres, offset in minutes east of UTC.
    public init(name: String, latitudeDeg: Double, longitudeDeg: Double, elevationM: Double, utcOffsetMinutes: Int) {
        self.name = name
        self.latitudeDeg = latitudeDeg
        self.longitudeDeg = longitudeDeg
        self.elevationM = elevationM
        self.utcOffsetMinutes = utcOffsetMinutes
    }
}

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

    /// Names of a file's header fields, for error messages.
    public struct FieldNames: Sendable {
        public var latitude, longitude, elevation, zone: String

        /// Names as the file spells them.
        public init(latitude: String = "latitude", longitude: String = "longitude", elevation: String = "elevation", zone: String = "time zone") {
            (self.latitude, self.longitude, self.elevation, self.zone) = (latitude, longitude, elevation, zone)
        }
    }

    /// Ranges a site on Earth can have: latitude −90…90°, longitude −180…180°, elevation −500…9,000 m
    /// (the Dead Sea shore is at −430 m, Everest at 8,849 m), standard-time offset −12…+14 h (UTC−12
    /// to UTC+14, the extremes in use).
    public static let latitudeRange = -90.0...90.0, longitudeRange = -180.0...180.0, elevationRange = -500.0...9_000.0
    /// Offsets from UTC in use, hours.
    public static let utcOffsetHoursRange = -12.0...14.0

    /// This location, or an error naming `file`, `line` and the header field that lies outside the
    /// Earth's ranges (a time zone of −70 h turned a year's 1,762 MWh of PV into 191 before this check).
    public func checked(file: String, line: Int?, fields: FieldNames = FieldNames()) throws -> SiteLocation {
        func check(_ value: Double, _ range: ClosedRange<Double>, _ field: String, _ unit: String) throws {
            guard range.contains(value) else {
                throw HelioError(.weather, "\(field): \(value) is outside \(range.lowerBound)…\(range.upperBound) \(unit)", file: file, line: line)
            }
        }
        try check(latitudeDeg, Self.latitudeRange, fields.latitude, "degrees")
        try check(longitudeDeg, Self.longitudeRange, fields.longitude, "degrees")
        try check(elevationM, Self.elevationRange, fields.elevation, "m")
        try check(Double(utcOffsetMinutes) / 60, Self.utcOffsetHoursRange, fields.zone, "hours from UTC")
        return self
    }
}

/// The station line at the top of TMY3 and EPW files: name, latitude, longitude, time zone
/// (hours from UTC, standard time) and elevation at fixed field positions.
struct LocationLine {
    /// Field positions of name, latitude, longitude, time zone and elevation.
    let name: Int, latitude: Int, longitude: Int, zone: Int, elevation: Int
    /// The error message for a line with too few fields, saying what it should hold.
    let requirement: String

    /// The site on line 1 of `file`.
    func parse(_ fields: [Substring], file: String) throws -> SiteLocation {
        guard fields.count > max(name, latitude, longitude, zone, elevation) else {
            throw HelioError(.weather, requirement, file: file, line: 1)
        }
        func number(_ index: Int, _ column: String) throws -> Double {
            let value = try CSVText.number(fields[index], column: column, line: 1, file: file, kind: .weather)
            guard abs(value) < 1e6 else { throw HelioError(.weather, "\(column): \(value) is not a plausible value", file: file, line: 1) }
            return value
        }
        return try SiteLocation(
            name: String(fields[name]), latitudeDeg: try number(latitude, "latitude"), longitudeDeg: try number(longitude, "longitude"),
            elevationM: try number(elevation, "elevation"), utcOffsetMinutes: Int((try number(zone, "time zone") * 60).rounded()))
            .checked(file: file, line: 1)
    }
}

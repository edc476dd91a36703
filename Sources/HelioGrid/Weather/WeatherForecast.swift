import Foundation

/// A day-ahead weather forecast for the live EMS: consecutive hours of irradiance, temperature and
/// wind, read from a numerical-weather-prediction API's answer (``OpenMeteoForecastReader``) or from
/// HelioGrid's CSV form (``WeatherForecastCSVReader``) by ``WeatherForecastLoader``, and run through
/// the PV model by ``PVForecastModel``. docs/forecasts.md describes both forms.
public struct WeatherForecast: Sendable, Equatable {
    /// The hours, consecutive and in order.
    public let hours: [WeatherForecastHour]
    /// Latitude the forecast is for, degrees north (when the source says).
    public let latitudeDeg: Double?
    /// Longitude the forecast is for, degrees east (when the source says).
    public let longitudeDeg: Double?

    /// Most hours one forecast may hold (31 days; public NWP services give up to 16).
    public static let maxHours = 744

    /// Checks `hours`: at least one and at most ``maxHours``, each exactly one hour after the one
    /// before, every value finite and within its physical range. `where` names an hour's place in
    /// the source (line, or JSON key) for the error.
    public init(hours: [WeatherForecastHour], latitudeDeg: Double? = nil, longitudeDeg: Double? = nil, source: String,
                where place: (Int) -> (line: Int?, key: String?)) throws {
        guard !hours.isEmpty else { throw HelioError(.weather, "the forecast holds no hours", file: source) }
        guard hours.count <= Self.maxHours else {
            throw HelioError(.weather, "the forecast holds \(hours.count) hours; at most \(Self.maxHours) are accepted", file: source)
        }
        for (index, hour) in hours.enumerated() {
            let (line, key) = place(index)
            for field in hour.checkedFields where !(field.value.isFinite && field.range.contains(field.value)) {
                throw HelioError(.weather, "\(field.name) \(field.value) is outside the physical range \(field.range.lowerBound)…\(field.range.upperBound)",
                                 file: source, line: line, key: key)
            }
            if index > 0, PlantTime(unixMS: hour.startMS) != PlantTime(unixMS: hours[index - 1].startMS) + .hours(1) {
                let gapMinutes = PlantTime(unixMS: hour.startMS).hours(since: PlantTime(unixMS: hours[index - 1].startMS)) * 60
                throw HelioError(.weather, "hours must follow each other one hour apart; this one starts \(gapMinutes) minutes after the one before",
                                 file: source, line: line, key: key)
            }
        }
        self.hours = hours
        self.latitudeDeg = latitudeDeg
        self.longitudeDeg = longitudeDeg
    }

    /// Greatest distance between the site and the point a forecast is for, km: a forecast for
    /// another place is refused rather than used (NWP grid cells are 1–25 km across).
    public static let maxDistanceKM = 50.0

    /// Throws when the forecast names a point more than ``maxDistanceKM`` from `site`.
    public func check(isFor site: SiteLocation, source: String) throws {
        guard let latitudeDeg, let longitudeDeg else { return }
        guard (-90...90).contains(latitudeDeg) else {
            throw HelioError(.weather, "latitude \(latitudeDeg)° is not within -90° to 90°", file: source, key: "latitude")
        }
        guard (-180...180).contains(longitudeDeg) else {
            throw HelioError(.weather, "longitude \(longitudeDeg)° is not within -180° to 180°", file: source, key: "longitude")
        }
        let distance = Self.distanceKM(latitudeDeg, longitudeDeg, site.latitudeDeg, site.longitudeDeg)
        guard distance <= Self.maxDistanceKM else {
            throw HelioError(.weather, String(format: "the forecast is for %.3f°, %.3f°, %.0f km from the site (%.3f°, %.3f°); at most %.0f km is accepted",
                                              latitudeDeg, longitudeDeg, distance, site.latitudeDeg, site.longitudeDeg, Self.maxDistanceKM),
                             file: source, key: "latitude")
        }
    }

    /// Great-circle distance between two points on a sphere of the Earth's mean radius (6,371 km),
    /// haversine formula, km.
    static func distanceKM(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let radians = Double.pi / 180
        let dLat = (lat2 - lat1) * radians, dLon = (lon2 - lon1) * radians
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * radians) * cos(lat2 * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6371 * asin(min(1, a.squareRoot()))
    }
}

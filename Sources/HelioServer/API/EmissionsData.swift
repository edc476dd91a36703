import Foundation

/// A carbon-intensity data point shaped like the Green Software Foundation Carbon Aware SDK's
/// `EmissionsData` (`location`, `time`, `rating` in gCO₂e/kWh, `duration` as `hh:mm:ss`), so
/// carbon-aware schedulers can read the microgrid's own intensity.
struct EmissionsData: Codable, Sendable, Equatable {
    var location: String
    var time: String
    var rating: Double
    var duration: String

    init(location: String, timeMS: Int64, rating: Double, seconds: Int) {
        self.location = location
        time = Self.iso8601(timeMS)
        self.rating = rating
        duration = String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }

    static func iso8601(_ milliseconds: Int64) -> String {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000).formatted(.iso8601)
    }
}

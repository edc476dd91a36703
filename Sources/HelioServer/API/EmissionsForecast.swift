/// A forecast shaped like the Carbon Aware SDK's `EmissionsForecast`.
struct EmissionsForecast: Codable, Sendable {
    var generatedAt: String
    var location: String
    var dataStartAt: String
    var dataEndAt: String
    var windowSize: Int
    var optimalDataPoints: [EmissionsData]
    var forecastData: [EmissionsData]
}

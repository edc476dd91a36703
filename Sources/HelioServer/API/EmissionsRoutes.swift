import HelioGrid
import Hummingbird

/// The Carbon-Aware-SDK-shaped resources under `/emissions`: measured hourly intensity
/// (`bylocation`) and the forward plan's (`forecasts/current`), for the one location the service
/// answers for (``EMSApplication/location``).
struct EmissionsRoutes {
    let services: EMSServices

    func add(to emissions: RouterGroup<EMSRequestContext>) {
        emissions.getAndHead("bylocation") { request, _ in try await byLocation(request) }
        emissions.getAndHead("forecasts/current") { request, _ in try await forecast(request) }
    }

    private func checkLocation(_ request: Request) throws -> String {
        let named = EMSApplication.location
        guard let location = request.uri.queryParameters.get("location") else {
            throw HTTPError(.badRequest, message: "location is required (this service answers for '\(named)')")
        }
        guard location == named else { throw HTTPError(.notFound, message: "unknown location '\(location)'; use '\(named)'") }
        return location
    }

    private func byLocation(_ request: Request) async throws -> Response {
        let location = try checkLocation(request)
        let now = await services.now()
        let query = request.uri.queryParameters
        let from = try query.get("time").map { try TimeRangeQuery.time($0, name: "time") } ?? (now - .hours(24)).unixMS
        let to = try query.get("toTime").map { try TimeRangeQuery.time($0, name: "toTime") } ?? now.unixMS + 1
        guard to > from else { throw HTTPError(.badRequest, message: "toTime must be after time") }
        let points = try await services.store.hourlyIntensity(fromMS: from, toMS: to).map {
            EmissionsData(location: location, timeMS: $0.hourMS, rating: $0.gPerKWh, seconds: 3600)
        }
        return try JSONResponse.make(points)
    }

    private func forecast(_ request: Request) async throws -> Response {
        let location = try checkLocation(request)
        let hours = try await services.forecast(request, defaultHours: 24)
        let data = hours.map { EmissionsData(location: location, timeMS: $0.timestampMS, rating: $0.intensityGPerKWh, seconds: 3600) }
        let best = data.min { $0.rating < $1.rating }.map { [$0] } ?? []
        let forecast = EmissionsForecast(
            generatedAt: EmissionsData.iso8601(await services.now().unixMS), location: location, dataStartAt: data.first?.time ?? "",
            dataEndAt: data.last?.time ?? "", windowSize: 0, optimalDataPoints: best, forecastData: data)
        return try JSONResponse.make([forecast])
    }
}

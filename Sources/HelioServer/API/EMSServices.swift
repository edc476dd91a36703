import HelioForecast
import HelioGrid
import Hummingbird

/// What the API's route controllers serve from: the scenario and its modelled year, the received
/// weather forecasts, the control loop, the store, the metrics, the plant and the forward planner;
/// with the reads several resources share (the plant clock, a time range, the forward plan).
struct EMSServices: Sendable {
    let scenario: Scenario
    let inputs: SimulationInputs
    let weather: WeatherForecastOverlay
    let loop: ControlLoop
    let store: EMSStore
    let metrics: ServiceMetrics
    let plant: any PlantAdapter
    let simulatedPlant: SimulatedPlant?
    let forwardPlanner: ForwardPlanner
    /// Live streams held, against their caps.
    let streams = StreamLimiter()
    /// Telemetry ingest per token, against its rate.
    let ingestRate = IngestRateLimiter()

    /// The plant clock now.
    func now() async -> PlantTime { PlantTime(unixMS: await plant.plantTimeMS()) }

    /// The `from`/`to`/`limit`/`offset` query, the last 24 plant hours by default.
    func range(_ request: Request) async throws -> TimeRangeQuery {
        let now = await now()
        return try TimeRangeQuery(request, defaultFromMS: (now - .hours(24)).unixMS, defaultToMS: now.unixMS + 1)
    }

    /// The forward plan of the query's `hours` (1 to 48; `defaultHours` when not given).
    func forecast(_ request: Request, defaultHours: Int) async throws -> [ForecastHour] {
        let hours = try request.uri.queryParameters.get("hours").map { try TimeRangeQuery.integer($0, name: "hours", in: 1...48) } ?? defaultHours
        return await forwardPlan(hours: hours)
    }

    /// The forward plan of `hours` hours from the plant clock, stepped from the loop's present state.
    func forwardPlan(hours: Int) async -> [ForecastHour] {
        let start = await loop.forwardStart()
        return await forwardPlanner.hours(from: start, at: await now(), hours: hours)
    }

    /// Sets the stream caps and the ingest rate of `limits`.
    func apply(_ limits: ServerLimits) {
        streams.setCaps(all: limits.maxStreams, perToken: limits.maxStreamsPerToken)
        ingestRate.set(ratePerS: limits.ingestReadingsPerS, burst: limits.ingestBurstReadings)
    }

    /// The 422 answer for `error`, naming its field.
    static func refused(_ error: ValidationError) -> HTTPError {
        HTTPError(.unprocessableContent, message: error.message)
    }
}

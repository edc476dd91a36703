import Foundation
import HelioGrid
import HelioOptimize
import Hummingbird
import NIOCore

/// The EMS's HTTP API on Hummingbird 2: `/v1/…` (status, history, forecasts, power budget, live
/// stream, telemetry ingest, mode and overrides), Carbon-Aware-SDK-shaped `/emissions/…`, and the
/// unauthenticated `/`, `/openapi.json` and `/metrics`. Reads need a `read` token, writes a
/// `control` token.
public struct EMSApplication: Sendable {
    /// The location name the carbon-aware endpoints answer for.
    public static let location = "campus"
    let scenario: Scenario
    let inputs: SimulationInputs
    let weather: WeatherForecastOverlay
    let loop: ControlLoop
    let store: EMSStore
    let metrics: ServiceMetrics
    let plant: any PlantAdapter
    let simulatedPlant: SimulatedPlant?
    let forwardPlanner: ForwardPlanner

    /// An API over a running control loop, `weather` holding the forecasts `PUT /v1/weather-forecast`
    /// receives; `simulatedPlant` enables fault injection.
    public init(scenario: Scenario, inputs: SimulationInputs, weather: WeatherForecastOverlay, loop: ControlLoop, store: EMSStore, metrics: ServiceMetrics, plant: any PlantAdapter,
                simulatedPlant: SimulatedPlant?) {
        self.scenario = scenario
        self.inputs = inputs
        self.weather = weather
        self.loop = loop
        self.store = store
        self.metrics = metrics
        self.plant = plant
        self.simulatedPlant = simulatedPlant
        forwardPlanner = ForwardPlanner(scenario: scenario, inputs: inputs, weather: weather)
    }

    /// Every path and the methods it serves (the OpenAPI document lists exactly these).
    public static let routes: [String: [HTTPRequest.Method]] = [
        "/": [.get], "/openapi.json": [.get], "/metrics": [.get], "/v1/status": [.get], "/v1/telemetry": [.get, .post],
        "/v1/ledger": [.get], "/v1/decisions": [.get], "/v1/forecasts": [.get], "/v1/weather-forecast": [.get, .put], "/v1/power-budget": [.get], "/v1/stream": [.get],
        "/v1/mode": [.put], "/v1/overrides": [.post, .delete], "/v1/faults": [.get, .post], "/emissions/bylocation": [.get],
        "/v1/jobs": [.get, .post], "/v1/jobs/{id}": [.get], "/v1/curtailments": [.get, .post],
        "/emissions/forecasts/current": [.get], "/v1/prices": [.get],
    ]

    /// The router with every route.
    public func router() -> Router<EMSRequestContext> {
        let router = Router(context: EMSRequestContext.self)
        router.add(middleware: MethodNotAllowedMiddleware(routes: Self.routes))
        router.getAndHead("/") { _, _ in try Self.resource("dashboard.html", type: "text/html; charset=utf-8") }
        router.getAndHead("/openapi.json") { _, _ in try Self.resource("openapi.json", type: "application/json") }
        router.getAndHead("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: .init(byteBuffer: ByteBuffer(string: metrics.render())))
        }
        let v1 = router.group("v1").add(middleware: BearerAuthMiddleware(store: store))
        v1.getAndHead("status") { _, _ in try JSONResponse.make(await loop.status()) }
        v1.getAndHead("telemetry") { request, _ in
            let query = try await range(request)
            if let bucket = try request.uri.queryParameters.get("bucket_s").map({ try TimeRangeQuery.integer($0, name: "bucket_s", in: 1...86_400) }) {
                return try JSONResponse.make(Page(items: try store.telemetryMeans(fromMS: query.fromMS, toMS: query.toMS, bucketS: bucket,
                                                                                 limit: query.limit, offset: query.offset), query: query))
            }
            return try JSONResponse.make(Page(items: try store.telemetry(fromMS: query.fromMS, toMS: query.toMS, limit: query.limit, offset: query.offset), query: query))
        }
        v1.getAndHead("ledger") { request, _ in
            let query = try await range(request)
            return try JSONResponse.make(Page(items: try store.ledger(fromMS: query.fromMS, toMS: query.toMS, limit: query.limit, offset: query.offset), query: query))
        }
        v1.getAndHead("decisions") { request, _ in
            let query = try await range(request)
            return try JSONResponse.make(Page(items: try store.decisions(fromMS: query.fromMS, toMS: query.toMS, limit: query.limit, offset: query.offset), query: query))
        }
        v1.getAndHead("forecasts") { request, _ in try JSONResponse.make(try await forecast(request, defaultHours: 48)) }
        v1.getAndHead("prices") { request, _ in
            guard let grid = scenario.connectedGrid else { throw HTTPError(.notFound, message: "the campus has no grid connection ([grid] enabled = false)") }
            let hours = try request.uri.queryParameters.get("hours").map { try TimeRangeQuery.integer($0, name: "hours", in: 1...168) } ?? 48
            return try JSONResponse.make(PriceForecast(grid: grid, currency: scenario.economics.currency, inputs: inputs,
                                                       nowMS: await plant.plantTimeMS(), count: hours))
        }
        v1.getAndHead("weather-forecast") { _, _ in try JSONResponse.make(weather.hours(fromMS: await plant.plantTimeMS())) }
        v1.put("weather-forecast") { request, context in try await receiveWeather(request, context: context) }
        v1.getAndHead("power-budget") { request, _ in
            let hours = try await forecast(request, defaultHours: 24)
            return try JSONResponse.make(PowerBudget(hours: hours, headroom: try await headroom(hours)))
        }
        v1.getAndHead("jobs") { _, _ in try JSONResponse.make(try await jobStatuses()) }
        v1.getAndHead("jobs/:id") { _, context in
            let id = try context.parameters.require("id")
            guard let job = try store.job(id: id) else { throw HTTPError(.notFound, message: "no job '\(id)'") }
            if let status = try await jobStatuses().first(where: { $0.job.id == id }) { return try JSONResponse.make(status) }
            return try JSONResponse.make(JobStatus(job, nowMS: await plant.plantTimeMS()))
        }
        v1.post("jobs") { request, context in try await placeJob(request, context: context) }
        v1.getAndHead("curtailments") { _, _ in try JSONResponse.make(try store.curtailments(endingAfterMS: await plant.plantTimeMS())) }
        v1.post("curtailments") { request, context in try await receiveCurtailment(request, context: context) }
        v1.getAndHead("stream") { _, _ in await stream() }
        v1.post("telemetry") { request, context in try await ingest(request, context: context) }
        v1.put("mode") { request, context in
            let body = try await JSONResponse.decode(ModeRequest.self, from: request, context: context)
            guard let mode = OperatingMode(rawValue: body.mode) else {
                throw HTTPError(.unprocessableContent, message: "mode: '\(body.mode)' is not auto or safe")
            }
            do throws(ValidationError) { try await loop.setMode(mode) } catch { throw HTTPError(.unprocessableContent, message: error.message) }
            return try JSONResponse.make(await loop.status())
        }
        v1.post("overrides") { request, context in
            let body = try await JSONResponse.decode(OperatorOverride.self, from: request, context: context)
            do throws(ValidationError) { try await loop.setOverride(body) } catch { throw HTTPError(.unprocessableContent, message: error.message) }
            return try JSONResponse.make(body, status: .created)
        }
        v1.delete("overrides") { _, _ in
            await loop.clearOverride()
            return Response(status: .noContent)
        }
        v1.getAndHead("faults") { _, _ in try JSONResponse.make(FaultRequest.List(active: await simulated().activeFaults.map(\.rawValue))) }
        v1.post("faults") { request, context in
            let body = try await JSONResponse.decode(FaultRequest.self, from: request, context: context)
            guard let fault = PlantFault(rawValue: body.fault) else {
                throw HTTPError(.unprocessableContent, message: "fault: '\(body.fault)' is not one of \(PlantFault.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let plant = try simulated()
            if body.active { await plant.inject(fault) } else { await plant.clear(fault) }
            return try JSONResponse.make(FaultRequest.List(active: await plant.activeFaults.map(\.rawValue)))
        }
        let emissions = router.group("emissions").add(middleware: BearerAuthMiddleware(store: store))
        emissions.getAndHead("bylocation") { request, _ in try await byLocation(request) }
        emissions.getAndHead("forecasts/current") { request, _ in try await carbonForecast(request) }
        return router
    }

    // MARK: Handlers

    private func simulated() throws -> SimulatedPlant {
        guard let simulatedPlant else { throw HTTPError(.conflict, message: "faults can be injected into the simulated plant only") }
        return simulatedPlant
    }

    private func range(_ request: Request) async throws -> TimeRangeQuery {
        let now = await plant.plantTimeMS()
        return try TimeRangeQuery(request, defaultFromMS: (PlantTime(unixMS: now) - .hours(24)).unixMS, defaultToMS: now + 1)
    }

    private func forecast(_ request: Request, defaultHours: Int) async throws -> [ForecastHour] {
        let hours = try request.uri.queryParameters.get("hours").map { try TimeRangeQuery.integer($0, name: "hours", in: 1...48) } ?? defaultHours
        return await forwardPlan(hours: hours)
    }

    /// The forward plan of `hours` hours from the plant clock, stepped from the loop's present state.
    private func forwardPlan(hours: Int) async -> [ForecastHour] {
        let start = await loop.forwardStart()
        return await forwardPlanner.hours(from: start, at: PlantTime(unixMS: await plant.plantTimeMS()), hours: hours)
    }

    /// Flexible headroom over `hours` with the jobs placed and the curtailments received.
    private func headroom(_ hours: [ForecastHour]) async throws -> [HeadroomHour] {
        let now = await plant.plantTimeMS()
        return JobPlanner(scenario: scenario).headroom(hours, jobs: try store.jobs(endingAfterMS: now),
                                                       curtailments: try store.curtailments(endingAfterMS: now))
    }

    /// The jobs not past their deadline at the plant clock, with what each must do now for the
    /// curtailment in force (``JobPlanner/directives(jobs:curtailments:campusITKW:nowMS:)``).
    private func jobStatuses() async throws -> [JobStatus] {
        let now = await plant.plantTimeMS()
        let curtailments = try store.curtailments(endingAfterMS: now)
        // Every job of the curtailments in force, also those due since they began: the share each sheds
        // must not change as jobs come due.
        let jobs = try store.jobs(endingAfterMS: min(now, curtailments.map(\.startMS).min() ?? now))
        let directives = JobPlanner(scenario: scenario).directives(
            jobs: jobs, curtailments: curtailments, campusITKW: { ms in
                let profile = ForwardPlan.profiles(scenario: scenario, inputs: inputs, weather: weather, reading: nil,
                                                   at: PlantTime(unixMS: ms), hours: 1)
                return profile.loadKW[0] * profile.itShare[0]
            }, nowMS: now)
        return jobs.filter { $0.deadlineMS >= now }.map { JobStatus($0, nowMS: now, directive: directives[$0.id]) }
    }

    /// `POST /v1/jobs`: places a flexible job on the next 48 hours (``JobPlanner``) and stores the
    /// plan; 409 when the id is taken, 422 naming the field for a bad request.
    private func placeJob(_ request: Request, context: EMSRequestContext) async throws -> Response {
        let body = try await JSONResponse.decode(JobRequest.self, from: request, context: context)
        func refuse(_ message: String) -> HTTPError { HTTPError(.unprocessableContent, message: message) }
        guard !body.id.isEmpty, body.id.count <= 128 else { throw refuse("id: give 1 to 128 characters") }
        guard (1...scenario.load.gpus).contains(body.gpus) else { throw refuse("gpus: 1 to the campus's \(scenario.load.gpus), found \(body.gpus)") }
        guard body.hours.isFinite, body.hours > 0, body.hours <= 168 else { throw refuse("hours: above 0 and at most 168, found \(body.hours)") }
        guard let jobClass = JobClass(rawValue: body.jobClass ?? JobClass.batch.rawValue), jobClass != .interactive else {
            throw refuse("class: batch or training (interactive work is never deferred), found '\(body.jobClass ?? "")'")
        }
        let cap = body.minPowerCap ?? 1
        guard cap.isFinite, (FlexibilityConfig.lowestPowerCapFloor...1).contains(cap) else {
            throw refuse("min_power_cap: \(FlexibilityConfig.lowestPowerCapFloor) to 1, found \(cap)")
        }
        guard let stamp = ISOTimestamp(Substring(body.deadline)) else {
            throw refuse("deadline: '\(body.deadline)' is not an ISO 8601 timestamp with offset (YYYY-MM-DDTHH:MM:SS±HH:MM)")
        }
        let now = await plant.plantTimeMS(), deadline = PlantTime(unixMinutes: stamp.utcMinutes).unixMS
        guard deadline >= PlantTime(unixMS: now).adding(hours: body.hours, rounding: .towardZero).unixMS else { throw refuse("deadline: the job cannot finish by it if it starts now") }
        let hours = await forwardPlan(hours: 48)
        let planner = JobPlanner(scenario: scenario)
        let job = planner.place(id: body.id, gpus: body.gpus, runHours: body.hours, jobClass: jobClass, minPowerCap: cap, deadlineMS: deadline,
                                nowMS: now, hours: hours, headroom: try await headroom(hours))
        guard try store.insert(job: job) else { throw HTTPError(.conflict, message: "a job '\(body.id)' is already placed") }
        return try JSONResponse.make(JobStatus(job, nowMS: now), status: .created)
    }

    /// `POST /v1/curtailments`: stores a request to shed IT power; it lowers the flexible headroom the
    /// next jobs are placed on and tells schedulers to hold and cap.
    private func receiveCurtailment(_ request: Request, context: EMSRequestContext) async throws -> Response {
        let body = try await JSONResponse.decode(CurtailmentRequest.self, from: request, context: context)
        guard let stamp = ISOTimestamp(Substring(body.start)) else {
            throw HTTPError(.unprocessableContent, message: "start: '\(body.start)' is not an ISO 8601 timestamp with offset")
        }
        guard body.hours.isFinite, body.hours > 0, body.hours <= 168 else {
            throw HTTPError(.unprocessableContent, message: "hours: above 0 and at most 168, found \(body.hours)")
        }
        guard body.shedFraction.isFinite, body.shedFraction > 0, body.shedFraction <= 1 else {
            throw HTTPError(.unprocessableContent, message: "shed_fraction: above 0 and at most 1, found \(body.shedFraction)")
        }
        let record = try store.insert(curtailment: CurtailmentRecord(startMS: PlantTime(unixMinutes: stamp.utcMinutes).unixMS, hours: body.hours,
                                                                      shedFraction: body.shedFraction, receivedMS: await plant.plantTimeMS()))
        return try JSONResponse.make(record, status: .created)
    }

    /// `PUT /v1/weather-forecast`: an Open-Meteo-shaped JSON answer or HelioGrid's forecast CSV, run
    /// through the PV model onto clock hours, stored, and used by the MPC and the forward plan from
    /// the next re-plan. A bad forecast is refused whole (422, naming the key or line).
    private func receiveWeather(_ request: Request, context: EMSRequestContext) async throws -> Response {
        let buffer = try await JSONResponse.body(of: request, context: context)
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self), !text.contains("\0") else {
            throw HTTPError(.badRequest, message: "the body is not UTF-8 text")
        }
        let hours: [LiveWeatherHour]
        do {
            hours = try weather.apply(WeatherForecastLoader.read(text, source: "weather forecast"), source: "weather forecast")
        } catch let error as HelioError {
            throw HTTPError(.unprocessableContent, message: error.description)
        }
        try store.save(weatherForecast: hours, receivedMS: await plant.plantTimeMS())
        return try JSONResponse.make(hours)
    }

    private func ingest(_ request: Request, context: EMSRequestContext) async throws -> Response {
        let body = try await JSONResponse.decode(TelemetryIngest.self, from: request, context: context)
        guard (1...1000).contains(body.readings.count) else {
            throw HTTPError(.unprocessableContent, message: "readings: send 1 to 1000 readings, found \(body.readings.count)")
        }
        let resolutionS = body.resolutionS ?? 1
        guard resolutionS.isFinite, resolutionS > 0, resolutionS <= 86_400 else {
            throw HTTPError(.unprocessableContent, message: "resolution_s: must be above 0 and at most 86400 seconds, found \(resolutionS)")
        }
        let now = await plant.plantTimeMS()
        let validator = TelemetryValidator(scenario: scenario, maxAgeMS: Int64(Duration.hours(24).milliseconds))
        for (index, reading) in body.readings.enumerated() {
            do throws(ValidationError) { try validator.check(reading, nowMS: now) } catch {
                throw HTTPError(.unprocessableContent, message: "readings[\(index)].\(error.message)")
            }
            if index > 0, reading.timestampMS <= body.readings[index - 1].timestampMS {
                throw HTTPError(.unprocessableContent, message: "readings[\(index)].timestamp_ms: \(reading.timestampMS) is not after "
                                + "readings[\(index - 1)]'s \(body.readings[index - 1].timestampMS) (send each stamp once, oldest first)")
            }
        }
        try store.insert(body.readings.map { TelemetryEntry(source: "api", resolutionS: resolutionS, reading: $0) })
        return try JSONResponse.make(["accepted": body.readings.count], status: .created)
    }

    private func stream() async -> Response {
        let updates = await loop.subscribe()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
            body: ResponseBody { writer in
                for await status in updates {
                    let json = (try? encoder.encode(status)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
                    try await writer.write(ByteBuffer(string: "event: status\ndata: \(json)\n\n"))
                }
                try await writer.finish(nil)
            })
    }

    private func checkLocation(_ request: Request) throws -> String {
        guard let location = request.uri.queryParameters.get("location") else {
            throw HTTPError(.badRequest, message: "location is required (this service answers for '\(Self.location)')")
        }
        guard location == Self.location else { throw HTTPError(.notFound, message: "unknown location '\(location)'; use '\(Self.location)'") }
        return location
    }

    private func byLocation(_ request: Request) async throws -> Response {
        let location = try checkLocation(request)
        let now = await plant.plantTimeMS()
        let query = request.uri.queryParameters
        let from = try query.get("time").map { try TimeRangeQuery.time($0, name: "time") } ?? (PlantTime(unixMS: now) - .hours(24)).unixMS
        let to = try query.get("toTime").map { try TimeRangeQuery.time($0, name: "toTime") } ?? now + 1
        guard to > from else { throw HTTPError(.badRequest, message: "toTime must be after time") }
        let points = try store.hourlyIntensity(fromMS: from, toMS: to).map {
            EmissionsData(location: location, timeMS: $0.hourMS, rating: $0.gPerKWh, seconds: 3600)
        }
        return try JSONResponse.make(points)
    }

    private func carbonForecast(_ request: Request) async throws -> Response {
        let location = try checkLocation(request)
        let hours = try await forecast(request, defaultHours: 24)
        let data = hours.map { EmissionsData(location: location, timeMS: $0.timestampMS, rating: $0.intensityGPerKWh, seconds: 3600) }
        let best = data.min { $0.rating < $1.rating }.map { [$0] } ?? []
        let now = await plant.plantTimeMS()
        let forecast = EmissionsForecast(
            generatedAt: EmissionsData.iso8601(now), location: location, dataStartAt: data.first?.time ?? "", dataEndAt: data.last?.time ?? "",
            windowSize: 0, optimalDataPoints: best, forecastData: data)
        return try JSONResponse.make([forecast])
    }

    /// Where a file of the module's resources is.
    static func resourceURL(_ name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
    }

    /// A file of the module's resources.
    static func resource(_ name: String, type: String) throws -> Response {
        guard let url = resourceURL(name), let data = FileManager.default.contents(atPath: url.path) else {
            throw HTTPError(.internalServerError, message: "missing resource \(name)")
        }
        return Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

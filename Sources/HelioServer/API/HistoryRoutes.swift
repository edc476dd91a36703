import HelioGrid
import Hummingbird

/// What the plant did, under `/v1`: `telemetry` (read in pages or minute-bucket means; written by
/// ingest), the carbon `ledger` and the `decisions`.
struct HistoryRoutes {
    let services: EMSServices

    func add(to v1: RouterGroup<EMSRequestContext>) {
        let store = services.store
        v1.getAndHead("telemetry") { request, _ in
            let query = try await services.range(request)
            if let bucket = try request.uri.queryParameters.get("bucket_s").map({ try TimeRangeQuery.integer($0, name: "bucket_s", in: 1...86_400) }) {
                return try JSONResponse.make(Page(items: try await store.telemetryMeans(fromMS: query.fromMS, toMS: query.toMS, bucketS: bucket,
                                                                                       limit: query.limit, offset: query.offset), query: query))
            }
            return try JSONResponse.make(Page(items: try await store.telemetry(fromMS: query.fromMS, toMS: query.toMS, limit: query.limit,
                                                                               offset: query.offset), query: query))
        }
        v1.post("telemetry") { request, context in try await ingest(request, context: context) }
        v1.getAndHead("ledger") { request, _ in
            let query = try await services.range(request)
            return try JSONResponse.make(Page(items: try await store.ledger(fromMS: query.fromMS, toMS: query.toMS, limit: query.limit,
                                                                            offset: query.offset), query: query))
        }
        v1.getAndHead("decisions") { request, _ in
            let query = try await services.range(request)
            return try JSONResponse.make(Page(items: try await store.decisions(fromMS: query.fromMS, toMS: query.toMS, limit: query.limit,
                                                                               offset: query.offset), query: query))
        }
    }

    /// `POST /v1/telemetry`: 1 to 1,000 readings, each checked as a live one (up to a day old), oldest
    /// first, within the token's ingest rate (429 past it). Readings whose stamp is stored already
    /// are skipped: 201 when any is new, 200 when the whole batch was stored before.
    private func ingest(_ request: Request, context: EMSRequestContext) async throws -> Response {
        let body = try await JSONResponse.decode(TelemetryIngest.self, from: request, context: context)
        guard (1...1000).contains(body.readings.count) else {
            throw HTTPError(.unprocessableContent, message: "readings: send 1 to 1000 readings, found \(body.readings.count)")
        }
        let resolutionS = body.resolutionS ?? 1
        guard resolutionS.isFinite, resolutionS > 0, resolutionS <= 86_400 else {
            throw HTTPError(.unprocessableContent, message: "resolution_s: must be above 0 and at most 86400 seconds, found \(resolutionS)")
        }
        let now = await services.now().unixMS
        let validator = TelemetryValidator(scenario: services.scenario, maxAgeMS: Int64(Duration.hours(24).milliseconds))
        for (index, reading) in body.readings.enumerated() {
            do throws(ValidationError) { try validator.check(reading, nowMS: now) } catch {
                throw HTTPError(.unprocessableContent, message: "readings[\(index)].\(error.message)")
            }
            if index > 0, reading.timestampMS <= body.readings[index - 1].timestampMS {
                throw HTTPError(.unprocessableContent, message: "readings[\(index)].timestamp_ms: \(reading.timestampMS) is not after "
                                + "readings[\(index - 1)]'s \(body.readings[index - 1].timestampMS) (send each stamp once, oldest first)")
            }
        }
        if let waitS = services.ingestRate.take(body.readings.count, token: context.tokenHash ?? "") {
            throw HTTPError(.tooManyRequests, headers: [.retryAfter: "\(Int(waitS.rounded(.up)))"],
                            message: "this token's ingest rate is spent; retry in \(Int(waitS.rounded(.up))) s")
        }
        let (stored, duplicates) = try await services.store.ingest(body.readings.map { TelemetryEntry(source: "api", resolutionS: resolutionS, reading: $0) })
        return try JSONResponse.make(["accepted": stored, "duplicates": duplicates], status: stored > 0 ? .created : .ok)
    }
}

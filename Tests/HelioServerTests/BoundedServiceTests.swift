import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOEmbedded
import HelioServerTestSupport
import HelioTestSupport
import Testing
@testable import HelioGrid
@testable import HelioServer

/// What the service holds and answers is bounded: telemetry ingest (idempotent by stamp, rate
/// limited), history reads (offsets, buckets, rows scanned), jobs (pages, a cap, retirement, checked
/// ids and deadlines), forecasts near the plant clock, storage failures answered 503, live streams
/// capped and evicted for a control request.
@Suite struct BoundedServiceTests {
    typealias API = ServerAPITests

    /// `count` balanced readings (the battery carries the load) ending one second before `nowMS`, oldest first, as an ingest body.
    static func readings(_ count: Int, endingBeforeMS nowMS: Int64, offsetS: Int = 0) -> String {
        let items = (0..<count).reversed().map { back in
            #"{"timestamp_ms":\#(nowMS - Int64(back + 1 + offsetS) * 1000),"load_kw":14000,"pv_available_kw":0,"pv_kw":0,"#
                + #""battery_kw":14000,"soc":0.5,"diesel_kw":0,"diesel_units":0,"grid_kw":0,"unserved_kw":0,"battery_online":true}"#
        }
        return #"{"readings": [\#(items.joined(separator: ","))]}"#
    }

    @Test func ingestIsIdempotentRateLimitedAndAStorageFailureIsA503() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1), interval: 600)
        let control = try server.store.createToken(scope: .control, label: "test", nowMS: 0)
        var limits = ServerFixture.limits
        limits.ingestReadingsPerS = 1   // a burst of 1,000 readings, then one a second
        try await server.application(port: 0, limits: limits).test(.live) { client in
            let now = await server.plant.plantTimeMS()
            let first = try await API.send(client, "/v1/telemetry", .post, token: control, json: Self.readings(2, endingBeforeMS: now))
            #expect(try first.status == .created && API.object(first)["accepted"] as? Int == 2)
            let again = try await API.send(client, "/v1/telemetry", .post, token: control, json: Self.readings(2, endingBeforeMS: now))
            let repeated = try API.object(again)
            #expect(again.status == .ok && repeated["duplicates"] as? Int == 2 && repeated["accepted"] as? Int == 0)
            // A body holds at most 64 KiB: about 300 readings.
            for batch in 0..<4 {
                let count = batch < 3 ? 300 : 96
                let rest = try await API.send(client, "/v1/telemetry", .post, token: control,
                                              json: Self.readings(count, endingBeforeMS: now, offsetS: 2 + 300 * batch))
                #expect(rest.status == .created, "\(API.message(rest))")
            }
            let over = try await API.send(client, "/v1/telemetry", .post, token: control, json: Self.readings(3, endingBeforeMS: now, offsetS: 998))
            #expect(over.status == .tooManyRequests && over.headers[.retryAfter] != nil, "\(API.message(over))")
            #expect(try await server.store.telemetry(fromMS: 0, toMS: .max, limit: 1000, offset: 0).filter { $0.source == "api" }.count == 998)
            // Another writer holds the database past the API's lock wait: a JSON 503, not a bare 500.
            let lock = try WriteLockHolder(path: path)
            let body = #"{"start": "2026-01-15T02:00:00-07:00", "hours": 1, "shed_fraction": 0.2}"#
            let refused = try await API.send(client, "/v1/curtailments", .post, token: control, json: body)
            try lock.release()
            #expect(refused.status == .serviceUnavailable && refused.headers[.retryAfter] == "5")
            let error = try #require(try API.object(refused)["error"] as? [String: Any])
            let message = error["message"] as? String
            #expect(message?.contains("database write failed") == true, "\(message ?? "")")
        }
    }

    @Test func historyReadsAreBounded() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1), interval: 600)
        let read = try server.store.createToken(scope: .read, label: "test", nowMS: 0)
        let now = await server.plant.plantTimeMS()
        // Two readings 200,000 s apart: 1-second buckets over them are too many, hourly ones are not.
        _ = try await server.store.ingest([now - 200_000_000, now - 1000].map { ms in
            TelemetryEntry(source: "simulated", resolutionS: 1, reading: PlantTelemetry(
                timestampMS: ms, loadKW: 1, pvAvailableKW: 0, pvKW: 0, batteryKW: 1, soc: 0.5, dieselKW: 0, dieselUnits: 0, gridKW: 0, unservedKW: 0))
        })
        try await server.application(port: 0, limits: ServerFixture.limits).test(.live) { client in
            let deep = try await API.get(client, "/v1/telemetry?from=0&offset=100001", token: read)
            #expect(deep.status == .badRequest && API.message(deep).contains("page on with from="))
            let fine = try await API.get(client, "/v1/telemetry?from=0&bucket_s=1", token: read)
            #expect(fine.status == .unprocessableContent && API.message(fine).contains("buckets of 1 s; at most 100000"), "\(API.message(fine))")
            #expect(try await API.get(client, "/v1/telemetry?from=0&bucket_s=3600", token: read).status == .ok)
            #expect(try await API.get(client, "/v1/telemetry?from=0x10", token: read).status == .badRequest)
        }
        // More readings in range than one query aggregates.
        try ServerFixture.seedReadings(path, count: EMSStore.maxScannedRows + 1, firstMS: now - 900_000, spanMS: Int64(EMSStore.maxScannedRows + 1))
        await #expect { try await server.store.telemetryMeans(fromMS: 0, toMS: now, bucketS: 3600, limit: 10, offset: 0) } throws: { error in
            (error as? StoreError)?.kind == .tooLarge
        }
    }

    @Test func jobsArePagedCheckedCappedAndRetired() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 7, 15, hour: 1), interval: 600)
        let control = try server.store.createToken(scope: .control, label: "test", nowMS: 0)
        @Sendable func job(_ id: String, deadline: String = "2026-07-16T01:00:00-07:00", gpus: String = "8", hours: String = "1") -> String {
            #"{"id": \#(id), "gpus": \#(gpus), "hours": \#(hours), "deadline": "\#(deadline)"}"#
        }
        try await server.application(port: 0, limits: ServerFixture.limits).test(.live) { client in
            for id in ["a", "b", "x:y"] {
                #expect(try await API.send(client, "/v1/jobs", .post, token: control, json: job("\"\(id)\"")).status == .created)
            }
            let first = try API.object(try await API.get(client, "/v1/jobs?limit=2", token: control))
            #expect((first["items"] as? [Any])?.count == 2 && first["next_offset"] as? Int == 2)
            let last = try API.object(try await API.get(client, "/v1/jobs?limit=2&offset=2", token: control))
            #expect((last["items"] as? [Any])?.count == 1 && last["next_offset"] is NSNull)
            #expect(try await API.get(client, "/v1/jobs/x%3Ay", token: control).status == .ok, "a percent-encoded id")
            let refusals: [(String, HTTPResponse.Status, String)] = [
                (job(#""far""#, deadline: "9999-12-31T00:00:00+00:00"), .unprocessableContent, "more than 31 days ahead"),
                (job(#""secs""#, deadline: "2026-07-16T01:00:30-07:00"), .unprocessableContent, "seconds are 00"),
                (job(#""zone""#, deadline: "2026-07-16T01:00:00+14:59"), .unprocessableContent, "-14:00 to +14:00"),
                (job(#""a\u0000b""#), .unprocessableContent, "letters, digits"),
                (job(#""a\nb""#), .unprocessableContent, "letters, digits"),
                (job(#""../b""#), .unprocessableContent, "letters, digits"),
                (job(#""a b""#), .unprocessableContent, "letters, digits"),
                (job(#""tiny""#, hours: "5e-324"), .unprocessableContent, "one minute"),
                (job(#""huge""#, gpus: "1e308"), .badRequest, "gpus"),
            ]
            for (body, status, words) in refusals {
                let answer = try await API.send(client, "/v1/jobs", .post, token: control, json: body)
                #expect(answer.status == status && API.message(answer).contains(words), "\(body): \(answer.status) \(API.message(answer))")
            }
            let ancient = #"{"start": "0000-01-01T00:00:00+00:00", "hours": 1, "shed_fraction": 0.2}"#
            #expect(try await API.send(client, "/v1/curtailments", .post, token: control, json: ancient).status == .unprocessableContent)
        }
        // The cap on jobs still due, and retirement a week after the deadline.
        let now = await server.plant.plantTimeMS()
        let stored = try #require(try await server.store.job(id: "a"))
        var extra = stored
        extra.id = "c"
        #expect(try await server.store.insert(job: extra, nowMS: now, maxActive: 3) == .full(active: 3))
        #expect(try await server.store.insert(job: extra, nowMS: now, maxActive: 4) == .inserted)
        try await server.store.applyRetention(TelemetryRetention(), nowMS: stored.deadlineMS + 6 * 86_400_000)
        #expect(try await server.store.jobs(endingAfterMS: 0).count == 4)
        try await server.store.applyRetention(TelemetryRetention(), nowMS: stored.deadlineMS + 8 * 86_400_000)
        #expect(try await server.store.jobs(endingAfterMS: 0).isEmpty)
    }

    @Test func telemetryRowsAreCappedOldestFirst() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let store = try EMSStore(path: path)
        _ = try await store.ingest((1...50).map { second in
            TelemetryEntry(source: "api", resolutionS: 1, reading: PlantTelemetry(
                timestampMS: Int64(second) * 1000, loadKW: 1, pvAvailableKW: 0, pvKW: 0, batteryKW: 1, soc: 0.5, dieselKW: 0, dieselUnits: 0,
                gridKW: 0, unservedKW: 0))
        })
        try await store.applyRetention(TelemetryRetention(rawHours: 24, minuteDays: 400, maxRows: 20), nowMS: 60_000)
        let kept = try await store.telemetry(fromMS: 0, toMS: .max, limit: 100, offset: 0)
        #expect(kept.map(\.reading.timestampMS) == (31...50).map { Int64($0) * 1000 })
    }

    /// Streams are capped per token and in all (429 past either), so they never fill the connection
    /// cap: with the streams and silent connections at the cap, a control request is answered.
    @Test func streamsAreCappedAndAControlRequestAlwaysGetsThrough() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let server = try ServerFixture.server(path: path, at: ServerFixture.phoenix(2026, 1, 15, hour: 1), interval: 600)
        let tokens = try (0..<3).map { _ in try server.store.createToken(scope: .read, label: "stream", nowMS: 0) }
        let control = try server.store.createToken(scope: .control, label: "test", nowMS: 0)
        var limits = ServerFixture.limits
        (limits.maxConnections, limits.maxStreams, limits.maxStreamsPerToken) = (16, 8, 4)
        try await server.application(port: 0, limits: limits).test(.live) { client in
            let port = try #require(client.port)
            func stream(_ token: String) -> (RawSocket?, String) {
                guard let socket = RawSocket.connect(port: port) else { return (nil, "") }
                // Connection: close, so a refused stream's connection is gone once answered.
                socket.send("GET /v1/stream HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\nConnection: close\r\n\r\n")
                // A stream's head; a refusal's whole answer (its connection then closes).
                let head = socket.readToEnd(timeout: .seconds(60), orUntil: "\r\n\r\n")
                guard !head.closed, !head.text.hasPrefix("HTTP/1.1 200") else { return (socket, head.text) }
                return (socket, head.text + socket.readToEnd(timeout: .seconds(60)).text)
            }
            var open: [RawSocket] = []
            defer { open.forEach { $0.close() } }
            for token in tokens.prefix(2) {
                for _ in 0..<4 {
                    let (socket, head) = stream(token)
                    #expect(head.hasPrefix("HTTP/1.1 200"), "\(head)")
                    open += [socket].compactMap { $0 }
                }
                let (refused, refusedHead) = stream(token)
                #expect(open.count == 8 || refusedHead.contains("this token holds 4 live streams"), "\(refusedHead)")
                refused?.close()
            }
            let (overall, overallHead) = stream(tokens[2])
            #expect(overallHead.hasPrefix("HTTP/1.1 429") && overallHead.contains("8 live streams are open"), "\(overallHead)")
            overall?.close()
            // Eight silent connections fill the cap with the streams: a control request is still answered.
            for _ in 0..<8 { open += [RawSocket.connect(port: port)].compactMap { $0 } }
            let mode = "PUT /v1/mode HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(control)\r\nContent-Type: application/json\r\n"
                + "Content-Length: 15\r\nConnection: close\r\n\r\n{\"mode\":\"auto\"}"
            #expect(RawSocket.request(port: port, mode).status == "HTTP/1.1 200 OK")
        }
    }

    /// At the cap a new connection closes the longest-idle one; with none idle, the oldest live
    /// stream; with every other connection busy with a request, itself.
    @Test func theCapClosesIdleThenTheOldestStreamThenTheNewcomer() {
        let registry = ConnectionRegistry(maxConnections: 3, metrics: ServiceMetrics())
        let channels = (0..<6).map { _ in EmbeddedChannel() }
        #expect(registry.opened(channels[0]) == nil && registry.opened(channels[1]) == nil && registry.opened(channels[2]) == nil)
        registry.mark(channels[0], busy: true)
        registry.markStream(channels[0])
        registry.mark(channels[1], busy: true)
        registry.markStream(channels[1])
        #expect(registry.opened(channels[3]) === channels[2], "the idle one")
        registry.mark(channels[3], busy: true)
        #expect(registry.opened(channels[4]) === channels[0], "no idle one: the oldest stream")
        registry.mark(channels[4], busy: true)
        #expect(registry.opened(channels[5]) === channels[1], "the next oldest stream")
        registry.mark(channels[5], busy: true)
        let last = EmbeddedChannel()
        #expect(registry.opened(last) === last, "every other one busy with a request: the newcomer")
    }
}

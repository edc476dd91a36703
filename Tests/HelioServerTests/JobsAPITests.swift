import Foundation
import HelioTestSupport
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import HelioServer

/// `POST /v1/jobs`, `GET /v1/jobs[/{id}]`, `POST /v1/curtailments` and the flexible headroom of the
/// power budget (docs/compute.md), on a live server on the default campus at 01:00 on 15 July.
@Suite struct JobsAPITests {
    typealias API = ServerAPITests

    static func list(_ response: TestResponse) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]])
    }

    /// A 2,000-GPU, 3-hour batch job due in 24 hours goes to the earliest hours whose flexible headroom
    /// (clean IT power less the forecast IT load) holds it uncapped: every hour of its window has the
    /// room, and every earlier start lacks it somewhere. The plan is kept (409 for its id again), held
    /// until its start, and reserved in the budget; a curtailment sheds its share of the hours it covers.
    @Test func jobsArePlacedOnTheCleanHeadroom() async throws {
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let now = ServerFixture.phoenix(2026, 7, 15, hour: 1)
        // A plant clock at a tenth of real time: the forecast hours cannot move on during the test.
        let server = try ServerFixture.server(path: path, at: now, interval: 600)
        let read = try server.store.createToken(scope: .read, label: "test", nowMS: 0)
        let control = try server.store.createToken(scope: .control, label: "test", nowMS: 0)
        try await server.application(port: 0).test(.live) { client in
            let before = try API.object(try await API.get(client, "/v1/power-budget?hours=48", token: read))
            let headroom = try #require(before["headroom"] as? [[String: Any]]).map { $0["flexible_headroom_it_kw"] as? Double ?? -1 }
            let deadline = "2026-07-16T01:00:00-07:00"
            let body = #"{"id": "slurm-1", "gpus": 2000, "hours": 3, "deadline": "\#(deadline)", "class": "batch"}"#
            #expect(try await API.send(client, "/v1/jobs", .post, token: read, json: body).status == .forbidden)
            let placed = try await API.send(client, "/v1/jobs", .post, token: control, json: body)
            #expect(placed.status == .created, "\(API.message(placed))")
            let job = try API.object(placed)
            let itKW = try #require(job["it_kw"] as? Double), start = try #require(job["planned_start_ms"] as? Int64)
            let first = headroom.indices.first { index in (index..<(index + 3)).allSatisfy { $0 < headroom.count && headroom[$0] >= itKW } }
            let planStatusTime = try #require(before["hours"] as? [[String: Any]]).first?["timestamp_ms"] as? Int64 ?? 0
            let expectedStart = max(now, planStatusTime + Int64(try #require(first)) * 3_600_000)
            #expect(abs(start - expectedStart) < 3_600_000 && job["cap"] as? Double == 1 && job["state"] as? String == "held")
            #expect(abs(itKW - 2000 * 6.4 * 1.05 / 8) < 1e-9)
            #expect(try await API.send(client, "/v1/jobs", .post, token: control, json: body).status == .conflict)
            #expect(try API.object(try await API.get(client, "/v1/jobs/slurm-1", token: read))["planned_start_ms"] as? Int64 == start)
            #expect(try await API.get(client, "/v1/jobs/nope", token: read).status == .notFound)
            #expect(try Self.list(try await API.get(client, "/v1/jobs", token: read)).count == 1)
            let after = try API.object(try await API.get(client, "/v1/power-budget?hours=48", token: read))
            let reserved = try #require(after["headroom"] as? [[String: Any]]).map { $0["reserved_it_kw"] as? Double ?? 0 }
            #expect(abs(reserved.reduce(0, +) - 3 * itKW) < 1e-6)

            for (json, field) in [(#"{"id": "a", "gpus": 0, "hours": 1, "deadline": "\#(deadline)"}"#, "gpus"),
                                  (#"{"id": "a", "gpus": 8, "hours": 30, "deadline": "\#(deadline)"}"#, "deadline"),
                                  (#"{"id": "a", "gpus": 8, "hours": 1, "deadline": "\#(deadline)", "class": "interactive"}"#, "class"),
                                  (#"{"id": "a", "gpus": 8, "hours": 1, "deadline": "tomorrow"}"#, "deadline"),
                                  (#"{"id": "a", "gpus": 8, "hours": 1, "deadline": "\#(deadline)", "min_power_cap": 0.1}"#, "min_power_cap")] {
                let refused = try await API.send(client, "/v1/jobs", .post, token: control, json: json)
                #expect(refused.status == .unprocessableContent && API.message(refused).contains(field), "\(field): \(API.message(refused))")
            }

            let curtailment = #"{"start": "2026-07-15T18:00:00-07:00", "hours": 3, "shed_fraction": 0.25}"#
            #expect(try await API.send(client, "/v1/curtailments", .post, token: control, json: curtailment).status == .created)
            #expect(try Self.list(try await API.get(client, "/v1/curtailments", token: read)).count == 1)
            let curtailed = try API.object(try await API.get(client, "/v1/power-budget?hours=48", token: read))
            let shed = try #require(curtailed["headroom"] as? [[String: Any]]).map { ($0["timestamp_ms"] as? Int64 ?? 0, $0["shed_it_kw"] as? Double ?? 0) }
            let evening = ServerFixture.phoenix(2026, 7, 15, hour: 18)
            #expect(shed.filter { $0.1 > 0 }.map(\.0).allSatisfy { $0 >= evening - 3_600_000 && $0 < evening + 3 * 3_600_000 })
            #expect(shed.contains { $0.1 > 0 })
        }
    }
}

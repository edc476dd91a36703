import Foundation
import HelioGrid
import HelioOptimize
import HelioServerTestSupport
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

    /// The items of a page (`GET /v1/jobs`).
    static func items(_ response: TestResponse) throws -> [[String: Any]] {
        let page = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
        return try #require(page["items"] as? [[String: Any]])
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
        try await server.application(port: 0, limits: ServerFixture.limits).test(.live) { client in
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
            #expect(try Self.items(try await API.get(client, "/v1/jobs", token: read)).count == 1)
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

    /// A running job placed at `startH` hours after `t0` for `hours`, due `slackH` hours after its end
    /// plus the placement margin.
    static func job(_ id: String, itKW: Double, startH: Double, hours: Double, slackH: Double, minCap: Double = 1,
                    submittedMS: Int64 = 0) -> FlexibleJob {
        let h = 3_600_000.0, start = Int64(startH * h)
        return FlexibleJob(id: id, gpus: 8, hours: hours, jobClass: .batch, submittedMS: submittedMS,
                           deadlineMS: start + Int64((hours + slackH) * h) + Int64(JobPlanner.margin.milliseconds), minPowerCap: minCap,
                           plannedStartMS: start, cap: 1, itKW: itKW, reason: "test")
    }

    /// Worked by hand: a 25 % curtailment from hour 1 to 4, received at hour 0, on a campus of
    /// 8,000 kW IT with jobs A (1,600 kW, 8.5 h of slack), B (1,200 kW, running from hour 0 to 3, 1 h
    /// of slack, lowest cap 0.7) and C (800 kW, no slack) running at its start: shed
    /// 0.25 × (8,000 + 3,600) = 2,900 kW. A has the most slack and its 3-hour pause fits: suspended
    /// (1,300 kW left). B's pause does not fit; capped for the 2 hours it overlaps, 0.7 costs
    /// 2 × (1 − 0.8976) = 0.2048 h ≤ 1 h: capped to its floor 0.7. C cannot lose any time: runs. D,
    /// placed after the curtailment arrived, runs as planned. With B due 0.1 h after its end and
    /// allowed down to 0.4, the deadline binds: 2 × (1 − throughput) = 0.1 h, throughput 0.95, cap
    /// 0.8 + 0.05 × (0.95 − 0.9457) / (0.9668 − 0.9457) = 0.81019.
    @Test func curtailmentsSuspendThenCapRunningJobsWithinTheirDeadlines() throws {
        let h: Int64 = 3_600_000
        let planner = JobPlanner(scenario: TestData.defaultScenario)
        let curtailment = CurtailmentRecord(startMS: h, hours: 3, shedFraction: 0.25, receivedMS: 0)
        let a = Self.job("A", itKW: 1600, startH: 1, hours: 2, slackH: 8.5)
        let b = Self.job("B", itKW: 1200, startH: 0, hours: 3, slackH: 1, minCap: 0.7)
        let c = Self.job("C", itKW: 800, startH: 0, hours: 2, slackH: 0, minCap: 0.4)
        let d = Self.job("D", itKW: 500, startH: 1, hours: 2, slackH: 8.5, submittedMS: h / 2)
        let directives = planner.directives(jobs: [a, b, c, d], curtailments: [curtailment], campusITKW: { $0 == h ? 8000 : .nan },
                                            nowMS: 2 * h)
        #expect(directives["A"]?.action == .suspend && directives["A"]?.untilMS == 4 * h && directives["A"]?.delayMS == 3 * h)
        #expect(directives["B"]?.action == .cap && directives["B"]?.cap == 0.7)
        #expect(abs(Double(directives["B"]?.delayMS ?? 0) - 0.2048 * 3_600_000) <= 1)
        #expect(directives["C"] == .planned(1) && directives["D"] == .planned(1))
        let none = planner.directives(jobs: [a, b, c, d], curtailments: [curtailment], campusITKW: { _ in 8000 }, nowMS: 4 * h)
        #expect(none.values.allSatisfy { $0 == .planned(1) })

        let tight = Self.job("B", itKW: 1200, startH: 0, hours: 3, slackH: 0.1, minCap: 0.4)
        let bound = try #require(planner.directives(jobs: [a, tight, c], curtailments: [curtailment], campusITKW: { _ in 8000 },
                                                    nowMS: 2 * h)["B"])
        #expect(bound.action == .cap && abs(bound.cap - 0.81019) < 1e-4 && bound.delayMS <= h / 10)
        #expect(abs(ThroughputCurve.zeus.throughput(atPowerFraction: bound.cap) - 0.95) < 1e-6)
    }

    /// Under MPC the forward plan is the live MPC stepped forward (re-planning as it would live): the
    /// flexible headroom is at most the PV available (none at night, when the battery's energy is the
    /// plan's for later hours), and a job goes to the first window whose headroom holds it. A curtailment received while a job runs caps it: the job may not be paused (its deadline is
    /// 30 minutes after its end at the margin) and goes to its lowest cap, 0.5, for the hour of its run
    /// the curtailment covers.
    @Test func mpcPlacesJobsOnItsPlansSpareCleanEnergy() async throws {
        var scenario = TestData.defaultScenario
        scenario.dispatch.strategy = .mpc
        let path = ServerFixture.databasePath()
        defer { ServerFixture.remove(path) }
        let now = ServerFixture.phoenix(2026, 7, 15, hour: 1)
        let server = try ServerFixture.server(scenario, path: path, at: now, interval: 600)
        let read = try server.store.createToken(scope: .read, label: "test", nowMS: 0)
        let control = try server.store.createToken(scope: .control, label: "test", nowMS: 0)
        try await server.application(port: 0, limits: ServerFixture.limits).test(.live) { client in
            #expect(try await ServerFixture.waitUntil { await server.loop.mpcReplans > 0 })
            let budget = try API.object(try await API.get(client, "/v1/power-budget?hours=48", token: read))
            let rows = try #require(budget["hours"] as? [[String: Any]])
            let headroom = try #require(budget["headroom"] as? [[String: Any]]).map { $0["flexible_headroom_it_kw"] as? Double ?? -1 }
            for (offset, row) in rows.enumerated() {
                let pvKW = row["pv_kw"] as? Double ?? -1
                #expect(headroom[offset] <= pvKW + 1e-6, "hour \(offset): headroom \(headroom[offset]) kW, PV \(pvKW) kW")
            }
            #expect(headroom.contains { $0 > 0 })
            let body = #"{"id": "day-1", "gpus": 2000, "hours": 3, "deadline": "2026-07-16T01:00:00-07:00"}"#
            let job = try API.object(try await API.send(client, "/v1/jobs", .post, token: control, json: body))
            let itKW = try #require(job["it_kw"] as? Double), start = try #require(job["planned_start_ms"] as? Int64)
            let first = try #require(headroom.indices.first { index in (index..<(index + 3)).allSatisfy { $0 < headroom.count && headroom[$0] >= itKW } })
            #expect(start == max(now, rows[first]["timestamp_ms"] as? Int64 ?? 0) && job["cap"] as? Double == 1)
            #expect((first..<(first + 3)).allSatisfy { (rows[$0]["pv_kw"] as? Double ?? 0) >= itKW })

            let urgent = #"{"id": "now-1", "gpus": 8, "hours": 1, "deadline": "2026-07-15T03:00:00-07:00", "min_power_cap": 0.5}"#
            let running = try API.object(try await API.send(client, "/v1/jobs", .post, token: control, json: urgent))
            #expect(running["state"] as? String == "released")
            let curtailment = #"{"start": "2026-07-15T01:00:00-07:00", "hours": 2, "shed_fraction": 0.25}"#
            #expect(try await API.send(client, "/v1/curtailments", .post, token: control, json: curtailment).status == .created)
            let capped = try API.object(try await API.get(client, "/v1/jobs/now-1", token: read))
            let directive = try #require(capped["directive"] as? [String: Any])
            #expect(directive["action"] as? String == "cap" && directive["cap"] as? Double == 0.5, "\(directive)")
            let runEnd = try #require(running["planned_end_ms"] as? Int64)
            let overlapH = Double(runEnd - max(now, try #require(running["planned_start_ms"] as? Int64))) / 3_600_000
            #expect(abs(Double(directive["delay_ms"] as? Int64 ?? 0) / 3_600_000 - overlapH * (1 - 0.6250)) < 1e-3)
            #expect(capped["planned_end_ms"] as? Int64 == runEnd + (directive["delay_ms"] as? Int64 ?? 0))
            let daytime = try API.object(try await API.get(client, "/v1/jobs/day-1", token: read))
            #expect((daytime["directive"] as? [String: Any])?["action"] as? String == "run")
        }
    }
}

import AsyncHTTPClient
import Foundation
import HelioTestSupport
import Hummingbird
import HummingbirdTesting
import Testing
@testable import HelioGrid
import HelioServer
@testable import heliogrid

/// The Slurm agent's reading of a job (its comment into an EMS request, held or not); the agent
/// against a real Slurm and EMS is scripts/slurm-flex-demo.sh, which CI runs.
@Suite struct SlurmAgentTests {
    @Test func commentBecomesTheEMSRequest() throws {
        let job = SlurmQueue.Job(id: "42", state: "PENDING", reason: "JobHeldUser",
                                 comment: "gpus=1024;hours=2 deadline=2026-07-16T06:00:00-07:00,cap=0.7")
        #expect(job.isHeld)
        let body = try SlurmAgent.request(job)
        #expect(body == JobRequest(id: "42", gpus: 1024, hours: 2, deadline: "2026-07-16T06:00:00-07:00", jobClass: .batch, minPowerCap: 0.7))
        // On the wire as the service reads it.
        let wire = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(body)) as? [String: Any])
        #expect(wire["class"] as? String == "batch" && wire["min_power_cap"] as? Double == 0.7 && wire["gpus"] as? Int == 1024)
        let training = SlurmQueue.Job(id: "44", state: "PENDING", reason: "", comment: "gpus=8;hours=1;deadline=2026-07-16T06:00:00-07:00;class=gpu")
        #expect { try SlurmAgent.request(training) } throws: { error in
            (error as? HelioError)?.description.contains("job 44: class must be batch or training, found 'gpu'") == true
        }
        let bare = SlurmQueue.Job(id: "43", state: "PENDING", reason: "Resources", comment: "gpus=8")
        #expect(!bare.isHeld)
        #expect { try SlurmAgent.request(bare) } throws: { error in
            (error as? HelioError)?.description.contains("job 43: its comment must give gpus=N;hours=H;deadline=") == true
        }
    }

    /// The cap command's `{job}` and `{watts}` are filled in; without `{watts}` the watts are appended.
    @Test func capCommandGetsTheJobAndTheWatts() {
        #expect(SlurmAgent.capArguments(["--jobid={job}", "--overlap", "nvidia-smi", "-pl", "{watts}"], job: "17", watts: 490)
            == ["--jobid=17", "--overlap", "nvidia-smi", "-pl", "490"])
        #expect(SlurmAgent.capArguments(["-pl"], job: "17", watts: 350) == ["-pl", "350"])
    }

    /// The agent keeps steering whatever one job or the EMS does (a fake EMS and a fake Slurm, which
    /// logs every command the agent runs): a job whose comment cannot be read ahead of a valid one is
    /// left as it was and the valid one is placed; a job the EMS refuses (422) has the agent's hold
    /// taken off; the EMS failing (500), answering garbage, overloaded (503) or down ends the pass
    /// before any Slurm command; caps of 1e308, 1e17 and −1 are never carried out and nothing traps;
    /// a valid cap reaches the cap command in watts; a job the EMS has retired is forgotten.
    @Test func agentKeepsSteeringWhateverAJobOrTheEMSDoes() async throws {
        let ems = FakeEMS(), slurm = try FakeSlurm()
        let deadline = "2026-07-16T06:00:00-07:00"
        @Sendable func pending(_ id: String, _ comment: String?) -> (id: String, state: String, reason: String, comment: String) {
            (id, "PENDING", "Priority", comment ?? "gpus=8;hours=1;deadline=\(deadline)")
        }
        let app = Application(router: ems.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let http = HTTPClient(eventLoopGroupProvider: .singleton)
            do {
                try await Self.steer(client: client, http: http, ems: ems, slurm: slurm, pending: pending)
            } catch {
                try await http.shutdown()   // a client not shut down traps in its deinit
                throw error
            }
            try await http.shutdown()
        }
    }

    /// The cases of ``agentKeepsSteeringWhateverAJobOrTheEMSDoes()`` against the fake EMS `client` serves.
    static func steer(client: some TestClientProtocol, http: HTTPClient, ems: FakeEMS, slurm: FakeSlurm,
                      pending: @Sendable (String, String?) -> (id: String, state: String, reason: String, comment: String)) async throws {
        func agent(port: Int) -> SlurmAgent {
            SlurmAgent(ems: EMSClient(baseURL: "http://127.0.0.1:\(port)", token: "t", client: http, timeout: .seconds(60)),
                       queue: SlurmQueue(partition: "flex", binDirectory: slurm.directory), capCommand: [slurm.capCommand, "-pl"],
                       gpuWatts: 700, minGPUWatts: 200)
        }
        var steering = agent(port: try #require(client.port))
        // 1. An unreadable comment ahead of a valid job.
        var queue = [pending("1", "gpus=eight;hours=1"), pending("2", nil)]
        try slurm.setQueue(queue)
        ems.answer("place 2", 201, try FakeEMS.plan("2", startInMS: 3_600_000, cap: 1))
        ems.answer("plan 2", 200, try FakeEMS.plan("2", startInMS: 3_600_000, cap: 1))
        try await steering.pass()
        #expect(try slurm.takeLog() == ["scontrol hold 2"])
        #expect(steering.jobs.keys.sorted() == ["2"])
        try await steering.pass()
        #expect(try slurm.takeLog().isEmpty, "the unreadable job is not tried again; job 2 waits for its start")
        // 2. The EMS refuses a job.
        queue.append(pending("3", nil))
        try slurm.setQueue(queue)
        ems.answer("place 3", 422, #"{"error": {"message": "deadline: the job cannot finish by it if it starts now"}}"#)
        try await steering.pass()
        #expect(try slurm.takeLog() == ["scontrol hold 3", "scontrol release 3"])
        // 3. The EMS failing, answering garbage, overloaded, or down: Slurm is left alone.
        for (status, body) in [(500, "internal error"), (200, "<html>not the API</html>"), (503, "")] {
            ems.answer("status", status, body)
            await #expect(throws: SlurmAgentError.self) { try await steering.pass() }
            #expect(try slurm.takeLog().isEmpty)
        }
        var down = agent(port: RawSocket.freePort())
        await #expect(throws: SlurmAgentError.self) { try await down.pass() }
        #expect(try slurm.takeLog().isEmpty)
        ems.answer("status", 200, #"{"timestamp_ms": \#(FakeEMS.nowMS)}"#)
        // 4. Caps outside the GPU's limits, on new jobs and on a running one.
        for (id, cap) in [("4", 1e308), ("5", 1e17), ("6", -1.0)] {
            queue.append(pending(id, nil))
            ems.answer("place \(id)", 201, try FakeEMS.plan(id, startInMS: 0, cap: cap))
        }
        try slurm.setQueue(queue)
        try await steering.pass()
        #expect(try slurm.takeLog() == ["scontrol hold 4", "scontrol release 4", "scontrol hold 5", "scontrol release 5",
                                       "scontrol hold 6", "scontrol release 6"])
        ems.answer("plan 2", 200, try FakeEMS.plan("2", startInMS: -60_000, cap: 0.7))
        try await steering.pass()
        #expect(try slurm.takeLog() == ["scontrol release 2"])
        queue[1] = ("2", "RUNNING", "None", queue[1].comment)
        try slurm.setQueue(queue)
        try await steering.pass()
        #expect(try slurm.takeLog() == ["cap -pl 490"], "70 % of 700 W")
        for cap in [1e308, 1e17, -1.0] {
            ems.answer("plan 2", 200, try FakeEMS.plan("2", startInMS: -60_000, cap: cap))
            try await steering.pass()
            #expect(try slurm.takeLog().isEmpty)
        }
        // 5. A job the EMS no longer knows is forgotten.
        ems.answer("plan 2", 404, #"{"error": {"message": "no job '2'"}}"#)
        try await steering.pass()
        #expect(steering.jobs["2"] == nil)
        #expect(try slurm.takeLog().isEmpty)
    }

    /// Failed passes back off exponentially from the interval, to at most a minute (or the interval if longer).
    @Test func failedPassesBackOff() {
        #expect(SlurmAgentCommand.backoff(1, interval: 1) == 2 && SlurmAgentCommand.backoff(3, interval: 1) == 8)
        #expect(SlurmAgentCommand.backoff(10, interval: 1) == 60 && SlurmAgentCommand.backoff(100, interval: 1) == 60)
        #expect(SlurmAgentCommand.backoff(2, interval: 120) == 120)
    }
}

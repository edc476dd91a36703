import Foundation
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
}

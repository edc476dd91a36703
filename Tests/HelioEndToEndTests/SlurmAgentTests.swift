import Foundation
import Testing
@testable import HelioGrid
@testable import heliogrid

/// The Slurm agent's reading of a job (its comment into an EMS request, held or not); the agent
/// against a real Slurm and EMS is scripts/slurm-flex-demo.sh, which CI runs.
@Suite struct SlurmAgentTests {
    @Test func commentBecomesTheEMSRequest() throws {
        let job = SlurmQueue.Job(id: "42", state: "PENDING", reason: "JobHeldUser",
                                 comment: "gpus=1024;hours=2 deadline=2026-07-16T06:00:00-07:00,cap=0.7")
        #expect(job.isHeld)
        let body = try SlurmAgent.request(job)
        #expect(body["id"] as? String == "42" && body["gpus"] as? Int == 1024 && body["hours"] as? Double == 2)
        #expect(body["deadline"] as? String == "2026-07-16T06:00:00-07:00" && body["min_power_cap"] as? Double == 0.7)
        #expect(body["class"] as? String == "batch")
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

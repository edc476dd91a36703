import HelioTestSupport
import Testing
@testable import HelioGrid
@testable import HelioReport

/// A run that must keep every step checks the memory it will need before it starts.
@Suite struct MemoryBudgetTests {
    /// 20 years at one minute keep 10,512,000 steps: × 104 bytes + 300 MiB = 1.32 GiB. Against 1 GiB
    /// available that is refused with both figures; against 2 GiB it runs.
    @Test func runsThatDoNotFitAreRefusedBeforeTheyStart() throws {
        var scenario = TestData.defaultScenario
        scenario.site.years = 20
        scenario.site.timestepMinutes = 1
        #expect { try MemoryBudget.check(scenario, bytesPerStep: 104, what: "this run", available: 1 << 30) } throws: { error in
            (error as? HelioError)?.message.hasPrefix("this run keeps every step in memory: about 1.3 GB for 10512000 steps (20 years at 1 min), but 1.0 GB") == true
        }
        #expect(throws: Never.self) { try MemoryBudget.check(scenario, bytesPerStep: 104, what: "this run", available: 2 << 30) }
        #expect(MemoryBudget.availableBytes().map { $0 > 0 } ?? true)
    }
}

import Testing
@testable import HelioTransients

/// The gensets' governor and swing equation, on cases worked by hand.
@Suite struct GensetDynamicsTests {
    static func fleet() -> GensetDynamics {
        GensetDynamics(nominalHz: 60, ratedKW: 10_000, inertiaS: 1.5, droop: 0.04, timeConstantS: 0.5, setpointKW: 5000)
    }

    /// A 1,000 kW load step on 10,000 kW of units with 4 % droop: the steady state sits at
    /// 60 × (1 − 0.04 × 1,000 / 10,000) = 59.76 Hz, the units carrying the whole 6,000 kW; in the first
    /// millisecond, before the governor answers, frequency falls at 60 × 1,000 / (2 × 1.5 × 10,000)
    /// = 2 Hz/s.
    @Test func droopSteadyStateAndInitialRoCoFByHand() {
        var fleet = Self.fleet()
        fleet.step(seconds: 0.001, loadKW: 6000, otherSourcesKW: 0)
        #expect(abs((fleet.frequencyHz - 60) / 0.001 - -2) < 0.01)
        for _ in 0..<60_000 { fleet.step(seconds: 0.001, loadKW: 6000, otherSourcesKW: 0) }
        #expect(abs(fleet.frequencyHz - 59.76) < 1e-4 && abs(fleet.mechanicalKW - 6000) < 0.1)
    }
}

import Testing
@testable import HelioGrid
import HelioTestSupport
@testable import HelioTransients

/// The default campus (Phoenix TMY3, rule EMS) at its night operating point: the point is the one
/// the year says, the waveform keeps the hour's IT power, the bus balances on every step, smoothing
/// does what it is for, and the sizing rule's answers sit on the boundary of the limits.
@Suite struct CampusTransientsTests {
    static let study = TestData.shared { try TransientsStudy(scenario: TestData.defaultScenario, series: TestData.hybrid.series!, axis: TestData.hybrid.axis) }

    @Test func theNightPointOfTheYear() {
        let series = TestData.hybrid.series!, point = Self.study.model.point
        let night = (0..<8760).filter { series.pvAvailableKW[$0] == 0 && series.dieselUnits[$0] > 0 }
        #expect(point.itKW == night.map { series.itKW[$0] }.max() && point.pvKW == 0 && point.gensetsRunning == series.dieselUnits[point.step])
        #expect(point.gensetKW == series.dieselKW[point.step] && point.soc == series.soc[point.step - 1])
        // Over the undisturbed periods the waveform draws the hour's IT power.
        let trace = Self.study.smoothed, steady = Self.study.model.steadyRange
        let periodSteps = Int(2 / trace.stepSeconds), whole = steady.lowerBound..<(steady.lowerBound + (steady.count / periodSteps) * periodSteps)
        let mean = whole.reduce(0) { $0 + trace.itRawKW[$1] } / Double(whole.count)
        #expect(abs(mean - point.itKW) < 1e-6 * point.itKW)
    }

    @Test func busBalancesAndSmoothingHelps() {
        for trace in [Self.study.unsmoothed, Self.study.smoothed] {
            for i in 0..<trace.count { #expect(abs(trace.loadKW[i] - trace.pvKW[i] - trace.bessKW[i] - trace.gensetKW[i]) < 1e-6) }
        }
        let plain = Self.study.unsmoothedOutcome, smoothed = Self.study.smoothedOutcome
        #expect(plain.frequency.classMet == nil && (smoothed.frequency.classMet ?? .g1) >= .g2)
        #expect(smoothed.gensetInBandFraction < plain.gensetInBandFraction / 5 && plain.gensetInBandFraction == plain.itInBandFraction)
        #expect(smoothed.maxGensetRamp1sKWPerS < plain.maxGensetRamp1sKWPerS && smoothed.smoothingPeakKW > 0)
    }

    /// The battery answer meets the limits and a 2 % faster ramp does not; the floor meets them and
    /// one a point lower does not.
    @Test func sizingAnswersSitOnTheBoundary() throws {
        let model = Self.study.model, sizing = Self.study.sizing, config = model.config
        let ramp = try #require(sizing.battery.parameter)
        let meets = { (mitigation: Mitigation) in TransientOutcome(model.run(mitigation), model: model).meets(config.targetClass, maxInBand: config.maxInBandFraction) }
        #expect(meets(Mitigation(smoothing: RampRateLimit(rampKWPerS: ramp), unlimitedBattery: true)))
        #expect(!meets(Mitigation(smoothing: RampRateLimit(rampKWPerS: ramp * 1.02), unlimitedBattery: true)))
        let floor = try #require(sizing.gpuFloor.floorShare)
        #expect(meets(Mitigation(smoothing: HeldBattery(), gpu: model.configuredGPUSmoothing(floorShare: floor))))
        #expect(!meets(Mitigation(smoothing: HeldBattery(), gpu: model.configuredGPUSmoothing(floorShare: floor - 0.01))))
        #expect(sizing.battery.installedSuffices && sizing.battery.capex < sizing.gpuFloor.lifetimeCost)
    }

    /// A bound step counter counts whole windows, no more than the study's stated maximum: both
    /// runs and the sizing's trials, each search trying at least its two ends.
    @Test func stepCounterCountsTheWindows() throws {
        let counter = StepCounter()
        let study = try StepCounter.$current.withValue(counter) {
            try TransientsStudy(scenario: TestData.defaultScenario, series: TestData.hybrid.series!, axis: TestData.hybrid.axis, windowS: 4)
        }
        let windows = counter.value / study.model.count
        #expect(study.model.count == 4_000 && counter.value % study.model.count == 0)
        #expect(windows >= 2 + 2 + 2 && counter.value <= TransientsStudy.maximumSteps(of: TestData.defaultScenario, windowS: 4))
        #expect(TransientsStudy.maximumSteps(of: TestData.defaultScenario, windowS: 4) == 66 * 4_000)
    }
}

import Foundation
import Testing
@testable import HelioTransients

/// GPU-side smoothing and the low-pass policy, on cases worked by hand.
@Suite struct GPUSmoothingTests {
    /// A cluster of 10,000 kW swinging 0.5 s at 10,000 kW and 0.5 s at 2,000 kW, ten periods, 1 ms steps.
    static let square = (0..<10_000).map { index in index % 1000 < 500 ? 10_000.0 : 2000.0 }

    /// A floor of 60 % of TDP fills the low half to 6,000 kW: (6,000 − 2,000) × 0.5 s = 2,000 kW·s a
    /// period burned. A fall limit of 16,000 kW/s adds the triangle of the 0.25 s fall from 10,000 to
    /// 6,000: 4,000 × 0.25 / 2 = 500 kW·s (498 on 1 ms steps). The smoothed power never drops under
    /// the floor nor falls faster than the limit; rises stay instant.
    @Test func floorAndFallLimitByHand() {
        let floorOnly = GPUPowerSmoothing(ratedKW: 10_000, floorShare: 0.6).apply(Self.square, stepSeconds: 0.001)
        #expect(abs(floorOnly.burnedKWh * 3600 - 10 * 2000) < 1e-6)
        let limited = GPUPowerSmoothing(ratedKW: 10_000, floorShare: 0.6, rampDownKWPerS: 16_000).apply(Self.square, stepSeconds: 0.001)
        #expect(abs(limited.burnedKWh * 3600 - 10 * 2498) < 1e-6)
        #expect(limited.powerKW.allSatisfy { $0 >= 6000 })
        #expect(zip(limited.powerKW, limited.powerKW.dropFirst()).allSatisfy { $0 - $1 <= 16 + 1e-9 })
        #expect(limited.powerKW[1000] == 10_000)
    }

    /// A 10,000 kW step through a 2 s low-pass: the gensets reach 10,000 × (1 − e⁻¹) = 6,321.2 kW after
    /// 2 s, and over 20 s the battery delivers ΔP·τ = 20,000 kW·s (less half a step's worth on 1 ms steps).
    @Test func lowPassStepByHand() {
        let load = [0.0] + Array(repeating: 10_000.0, count: 20_000)
        let gensets = LowPassSmoothing(timeConstantS: 2).apply(load, stepSeconds: 0.001)
        #expect(abs(gensets[2000] - 10_000 * (1 - exp(-1))) < 1)
        let batteryKWs = zip(load, gensets).reduce(0) { $0 + $1.0 - $1.1 } * 0.001
        #expect(abs(batteryKWs - 20_000) < 20)
    }
}

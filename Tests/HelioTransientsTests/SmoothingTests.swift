import Foundation
import Testing
@testable import HelioTransients

/// The in-band share of variation energy and ramp-rate smoothing, on cases worked by hand.
@Suite struct SmoothingTests {
    static func sine(hz: Double, amplitude: Double, seconds: Double = 60, stepSeconds: Double = 0.001) -> [Double] {
        (0..<Int((seconds / stepSeconds).rounded())).map { amplitude * sin(2 * .pi * hz * Double($0) * stepSeconds) }
    }

    /// A 1 Hz sinusoid lies wholly in the 0.1–20 Hz band and a 50 Hz one wholly outside; their sum
    /// with amplitudes 3 and 4 has 3² / (3² + 4²) = 0.36 of its variation energy in the band. A
    /// constant series has none.
    @Test func sinusoidsInAndOutOfTheBandByHand() {
        let oneHz = Self.sine(hz: 1, amplitude: 1000).map { $0 + 15_000 }
        #expect(VariationSpectrum.inBandFraction(oneHz, stepSeconds: 0.001) > 0.9999)
        #expect(VariationSpectrum.inBandFraction(Self.sine(hz: 50, amplitude: 1000), stepSeconds: 0.001) < 1e-4)
        let mixed = zip(Self.sine(hz: 1, amplitude: 3), Self.sine(hz: 50, amplitude: 4)).map(+)
        #expect(abs(VariationSpectrum.inBandFraction(mixed, stepSeconds: 0.001) - 0.36) < 1e-4)
        #expect(VariationSpectrum.inBandFraction(Array(repeating: 5.0, count: 1000), stepSeconds: 0.001) == 0)
    }

    /// Parseval: the one-sided spectrum sums to N² × the variance (a 1 Hz sinusoid of amplitude A: A²/2).
    @Test func spectrumSumsToTheVariance() {
        let series = Self.sine(hz: 1, amplitude: 2, seconds: 10)
        let n = Double(series.count)
        #expect(abs(VariationSpectrum.powerSpectrum(series).reduce(0, +) / (n * n) - 2.0) < 1e-3)
    }

    /// A square wave of ΔP = 10,000 kW (5 s low, 5 s high) with the gensets held to R = 2,000 kW/s:
    /// they never move faster than R, reach the high level 5 s into each up-step, and the battery
    /// delivers ΔP² / (2R) = 25,000 kW·s per up-step (and takes as much back on the way down).
    @Test func rampLimitedSquareWaveByHand() {
        let step = 0.001, period = 10.0
        let load = (0..<Int((3 * period / step).rounded())).map { index in
            (Double(index) * step).truncatingRemainder(dividingBy: period) < period / 2 ? 5000.0 : 15_000.0
        }
        let gensets = RampRateLimit(rampKWPerS: 2000).apply(load, stepSeconds: step)
        #expect(zip(gensets, gensets.dropFirst()).allSatisfy { abs($1 - $0) <= 2000 * step + 1e-9 })
        let firstUp = Int((period / 2 / step).rounded()), samples = { (seconds: Double) in Int((seconds / step).rounded()) }
        let battery = (firstUp..<(firstUp + samples(period / 2))).map { load[$0] - gensets[$0] }
        #expect(abs(battery.reduce(0, +) * step - 10_000 * 10_000 / (2 * 2000)) < 10_000 * step)
        #expect(abs(gensets[firstUp + samples(5) - 1] - 15_000) < 1e-6 && gensets[firstUp + samples(4.9)] < 15_000)
    }
}


import Foundation
import Testing
@testable import HelioGrid
@testable import HelioTransients

/// The battery inverter, the training waveform, the cloud and the ISO 8528-5 evaluation, each on a
/// case worked by hand.
@Suite struct BusComponentTests {
    static func battery() -> BatteryConfig {
        var battery = BatteryConfig(energyKWh: 100, powerKW: 5000)
        (battery.chargeEfficiency, battery.dischargeEfficiency) = (1, 1)
        (battery.socMin, battery.socMax) = (0.1, 0.9)
        return battery
    }

    /// A 1,000 kW command through a 20 ms response reaches 1,000 (1 − e⁻¹) = 632.1 kW at 20 ms; a
    /// 10,000 kW/s ramp limit holds a 5,000 kW command to 1,000 kW after 100 ms; 3,600 kW for one
    /// second takes 1 kWh, 1 % of a 100 kWh battery; and discharge stops at `soc_min`.
    @Test func inverterResponseRampAndEnergyByHand() {
        var lagged = BatteryInverter(Self.battery(), soc: 0.5, powerKW: 0, rampKWPerS: .infinity, responseS: 0.02)
        for _ in 0..<20 { lagged.step(seconds: 0.001, commandKW: 1000) }
        #expect(abs(lagged.powerKW - 1000 * (1 - exp(-1))) < 1e-6)
        var ramped = BatteryInverter(Self.battery(), soc: 0.5, powerKW: 0, rampKWPerS: 10_000, responseS: 0)
        for _ in 0..<100 { ramped.step(seconds: 0.001, commandKW: 5000) }
        #expect(abs(ramped.powerKW - 1000) < 1e-9)
        var draining = BatteryInverter(Self.battery(), soc: 0.5, powerKW: 0, rampKWPerS: .infinity, responseS: 0)
        for _ in 0..<1000 { draining.step(seconds: 0.001, commandKW: 3600) }
        #expect(abs(draining.soc - 0.49) < 1e-12)
        for _ in 0..<200_000 { draining.step(seconds: 0.001, commandKW: 3600) }
        #expect(abs(draining.soc - 0.1) < 1e-9 && draining.powerKW == 0)
    }

    /// Trough 3,000, peak 10,000, duty 0.75, 20 ms ramps: the period's mean is 3,000 + 7,000 × 0.75 =
    /// 8,250 kW; a checkpoint from 4 s to 5 s and a failure at 7 s bring the nodes to idle.
    @Test func waveformKeepsTheMeanAndPausesByHand() {
        let wave = TrainingWaveform(steadyKW: 500, peakKW: 10_000, troughKW: 3000, idleKW: 1000, periodS: 2, duty: 0.75, rampS: 0.02,
                                    checkpointAtS: 4, checkpointS: 1, failureAtS: 7)
        let period = wave.series(count: 2000, stepSeconds: 0.001)
        let mean: Double = period.reduce(0, +) / 2000
        #expect(abs(mean - 8750) < 1e-6 && wave.meanSwingKW == 8250)
        #expect(wave.powerKW(at: 0.5) == 10_500 && wave.powerKW(at: 1.75) == 3500)
        #expect(wave.powerKW(at: 4.5) == 1500 && wave.powerKW(at: 5.3) == 10_500 && wave.powerKW(at: 8) == 1500)
        #expect(abs(wave.powerKW(at: 4.01) - 6000) < 1e-9)   // halfway down the checkpoint's ramp: 500 + (10,000 + 1,000) / 2
    }

    /// A cloud from 10 s taking 60 % over 10 s, shading 20 s: 30 % off at 15 s, 60 % from 20 to 40 s,
    /// 30 % at 45 s, none from 50 s.
    @Test func cloudRampByHand() {
        let cloud = CloudRamp(atS: 10, depth: 0.6, rampS: 10, shadedS: 20)
        #expect(cloud.shade(at: 5) == 0 && abs(cloud.shade(at: 15) - 0.3) < 1e-12 && cloud.shade(at: 30) == 0.6)
        #expect(abs(cloud.shade(at: 45) - 0.3) < 1e-12 && cloud.shade(at: 55) == 0)
    }

    /// 60 Hz for a second, down to 55.5 Hz (7.5 %) by 1.1 s, held to 1.5 s, back to 60 Hz by 2 s: the
    /// frequency leaves the ±1 % band at 1.0133 s and is back at 1.9333 s, 0.92 s outside; 7.5 % is
    /// beyond G3's 7 % and within G2's 10 %, so G2 at 3 % droop — but only G1 at 6 % (G2 allows 5 %).
    @Test func isoClassOfAHandMadeDip() {
        let frequency = (0..<3000).map { i -> Double in
            let t = Double(i) / 1000
            switch t {
            case ..<1: return 60
            case ..<1.1: return 60 - 45 * (t - 1)
            case ..<1.5: return 55.5
            case ..<2: return 55.5 + 9 * (t - 1.5)
            default: return 60
            }
        }
        let steady = [Double](repeating: 60, count: 3000)
        let response = FrequencyResponse(frequencyHz: frequency, steadyHz: steady, stepSeconds: 0.001, nominalHz: 60, steadyRange: 0..<1000, droop: 0.03)
        #expect(abs(response.dipPercent - 7.5) < 1e-9 && response.risePercent == 0 && response.steadyBandPercent == 0)
        #expect(abs(response.recoveryS - 0.92) < 0.002)
        #expect(response.classMet == .g2 && abs(response.maxROCOFHzPerS - 45) < 1e-6)
        let looser = FrequencyResponse(frequencyHz: frequency, steadyHz: steady, stepSeconds: 0.001, nominalHz: 60, steadyRange: 0..<1000, droop: 0.06)
        #expect(looser.classMet == .g1)
        let slow = FrequencyResponse(frequencyHz: frequency.map { 60 - (60 - $0) * 2.2 }, steadyHz: steady, stepSeconds: 0.001, nominalHz: 60,
                                     steadyRange: 0..<1000, droop: 0.03)
        #expect(slow.classMet == nil)   // a 16.5 % dip is beyond even G1's 15 %
    }
}

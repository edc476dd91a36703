import Foundation
import Testing
@testable import HelioGrid
@testable import HelioTransients

/// The whole islanded bus on cases worked by hand: the square wave under a genset ramp limit, the
/// droop's steady state after a load drop, a genset start after sustained loading, and the bus
/// balancing on every step.
@Suite struct TransientModelTests {
    /// A 2,000 ↔ 10,000 kW square wave (1 s each) with the gensets held to 16,000 kW/s: the gensets
    /// take each 8,000 kW step over 0.5 s and never faster, and the battery delivers the triangle
    /// ΔP²/(2R) = 8,000² / 32,000 = 2,000 kW·s on each up-step (1,996 on 1 ms steps) and takes as much
    /// back on each down-step.
    @Test func squareWaveUnderARampLimitByHand() throws {
        let model = try TransientModel(scenario: TransientCase.scenario(), config: TransientCase.config(), point: TransientCase.point())
        #expect(model.waveform.peakKW == 10_000 && model.waveform.troughKW == 2000)
        let trace = model.run(model.configuredMitigation)
        let steps = zip(trace.gensetKW.dropFirst(), trace.gensetKW).map { abs($0 - $1) / trace.stepSeconds }
        #expect(steps.max()! <= 16_000 * (1 + 1e-9))
        let upStep = (2000..<3000).reduce(0) { $0 + trace.bessKW[$1] } * trace.stepSeconds   // the third period's compute phase
        let downStep = (3000..<4000).reduce(0) { $0 + trace.bessKW[$1] } * trace.stepSeconds
        #expect(abs(upStep - 1996) < 1 && abs(downStep + 1996) < 1)
        #expect(abs(trace.gensetKW[2499] - 10_000) < 1e-9 && abs(trace.gensetKW[3499] - 2000) < 1e-9)
        for i in 0..<trace.count { #expect(abs(trace.loadKW[i] - trace.pvKW[i] - trace.bessKW[i] - trace.gensetKW[i]) < 1e-9) }
        // Held battery: the gensets take each edge whole.
        let plain = model.run(.none)
        #expect(abs(plain.gensetKW[1000] - plain.gensetKW[999] + 8000) < 1e-9 && plain.bessKW.allSatisfy { $0 == 0 })
    }

    /// The job fails at 1 s and its nodes fall from 6,000 kW to idle, 1,000 kW, on 10,000 kW of gensets
    /// at 3 % droop with nothing else on the bus: frequency settles at 60 × (1 + 0.03 × 5,000 / 10,000)
    /// = 60.9 Hz, a 1.5 % rise.
    @Test func droopSettlesWhereTheHandSays() throws {
        var config = TransientCase.config(policy: .none)
        config.duty = 1
        config.idleShare = 0.1
        config.failureAtS = 1
        config.windowS = 40
        let model = try TransientModel(scenario: TransientCase.scenario(battery: false), config: config, point: TransientCase.point())
        let trace = model.run(model.configuredMitigation)
        #expect(abs(trace.frequencyHz.last! - 60.9) < 1e-4 && abs(trace.steadyHz.last! - 60.9) < 1e-9)
        #expect(abs(trace.frequencyHz[999] - 60) < 1e-9)
        let outcome = TransientOutcome(trace, model: model)
        #expect(outcome.frequency.risePercent >= 1.5 && outcome.frequency.dipPercent == 0)
    }

    /// The gensets idle until the job starts at 1 s and asks 9,800 kW of their 10,000: the EMS's
    /// one-second measurement of loading passes 95 % after ln(9,800 / 300) = 3.49 s, and the unit it
    /// starts joins 10 s (`start_seconds`) later, at 14.49 s; then six run.
    @Test func aStartFollowsSustainedLoadingAndTheStartDelay() throws {
        var config = TransientCase.config(policy: .none)
        config.duty = 1
        config.troughShare = 0
        config.idleShare = 0
        config.checkpointAtS = 0
        config.checkpointS = 1
        config.windowS = 20
        let model = try TransientModel(scenario: TransientCase.scenario(battery: false), config: config,
                                       point: TransientCase.point(itKW: 9800, gensetKW: 0))
        let trace = model.run(model.configuredMitigation)
        let joined = try #require(trace.startsJoinedS.first)
        #expect(trace.startsJoinedS.count == 1 && abs(joined - (1 + log(9800.0 / 300) + 10)) < 0.003)
        #expect(trace.gensetUnits.first == 5 && trace.gensetUnits.last == 6)
    }

    /// GPU ramp limits are per GPU: 10,000 kW of nodes rated 10.2 kW with 8 GPUs each hold
    /// 10,000 / 10.2 × 8 = 7,843 GPUs, so 1,000 W/s each is 7,843 kW/s for the cluster.
    @Test func gpuRampLimitsScaleWithTheGPUs() throws {
        var config = TransientCase.config()
        config.gpuRampUpWPerS = 1000
        let model = try TransientModel(scenario: TransientCase.scenario(), config: config, point: TransientCase.point())
        let gpu = try #require(model.configuredGPUSmoothing(floorShare: 0))
        #expect(abs(gpu.rampUpKWPerS - 10_000 / 10.2 * 8) < 1e-9 && gpu.rampDownKWPerS == .infinity && gpu.ratedKW == 10_000)
        let plain = try TransientModel(scenario: TransientCase.scenario(), config: TransientCase.config(), point: TransientCase.point())
        #expect(plain.configuredGPUSmoothing(floorShare: 0) == nil)   // no floor, no limits: nothing to smooth
    }

    /// Settings that cannot describe the hour name their key.
    @Test func impossibleWaveformsNameTheirKey() {
        var config = TransientCase.config()
        config.duty = 0.3   // 2,000 + 4,000 / 0.3 = 15,333 kW, above the 10,000 kW rated
        #expect(throws: HelioError.self) { try TransientModel(scenario: TransientCase.scenario(), config: config, point: TransientCase.point()) }
        do {
            _ = try TransientModel(scenario: TransientCase.scenario(), config: config, point: TransientCase.point())
        } catch let error as HelioError {
            #expect(error.key == "transients.training.duty" && error.message.contains("15333"))
        } catch {}
        config = TransientCase.config()
        config.troughShare = 0.7   // 7,000 kW trough above the 6,000 kW mean
        #expect(throws: HelioError.self) { try TransientModel(scenario: TransientCase.scenario(), config: config, point: TransientCase.point()) }
        config = TransientCase.config()
        #expect(throws: HelioError.self) {
            try TransientModel(scenario: TransientCase.scenario(), config: config, point: TransientCase.point(), stepMS: 100)
        }
        #expect(throws: HelioError.self) { try TransientModel(scenario: TransientCase.scenario(battery: false), config: config, point: TransientCase.point()) }
    }
}

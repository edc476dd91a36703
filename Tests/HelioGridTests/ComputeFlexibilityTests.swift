import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid

/// Flexible GPU work (docs/compute.md), worked by hand on one-hour steps: batch work deferred out of
/// a genset start into PV hours, deferred to its deadline and run there, training capped so the
/// battery can carry the load; the throughput curve recomputed from the Zeus traces; the default
/// campus flexible against rigid with its work conserved and its energy balanced.
@Suite struct ComputeFlexibilityTests {
    static let axis = ComputeCase.axis

    /// The campus of ``ComputeCase`` run by the rule EMS (wrapped for flexible work at `throughputPerKWh`).
    static func run(batch: [Int: Double] = [:], training: [Int: Double] = [:], pv: [Int: Double] = [:], slackHours: Int = 12,
                    batteryKWh: Double = 0, batteryKW: Double = 0, throughputPerKWh: Double = 0, events: [CurtailmentEvent] = [],
                    compute: DispatchConfig.Compute) -> SimulationResult {
        let (scenario, inputs) = ComputeCase.make(batch: batch, training: training, pv: pv, slackHours: slackHours, batteryKWh: batteryKWh,
                                                  batteryKW: batteryKW, events: events, compute: compute)
        var strategy: any DispatchStrategy = compute == .flexible
            ? FlexibleComputeDispatch(base: RuleBasedDispatch(scenario: scenario),
                                      costs: ComputeCosts(dieselPerKWh: 0.35, throughputPerKWh: throughputPerKWh, unservedPerKWh: 10))
            : RuleBasedDispatch(scenario: scenario)
        let result = SimulationEngine.run(scenario, inputs: inputs, strategy: &strategy, recordSeries: true)
        ComputeCase.checkInvariants(result)
        return result
    }

    /// 100 kWh of batch work arrives at 00:00 with nothing but a genset to run it; PV of 150 kW comes
    /// at 06:00. Rigid: the genset makes 100 kWh at once. Flexible: the start is avoided by deferring
    /// the work (nothing is due before 12:00); at 06:00 the rule EMS would curtail 150 kW, so the queue
    /// runs there: 100 kWh on PV, 6 hours late, no diesel, 50 kW still curtailed.
    @Test func batchWorkMovesOutOfAGensetStartIntoPV() {
        let rigid = Self.run(batch: [0: 100], pv: [6: 150], compute: .rigid)
        #expect(abs(rigid.totals.dieselKWh - 100) < 1e-9 && rigid.totals.compute == ComputeTotals())
        let flexible = Self.run(batch: [0: 100], pv: [6: 150], compute: .flexible)
        let c = flexible.totals.compute
        #expect(flexible.totals.dieselKWh == 0 && flexible.totals.fuelL == 0)
        #expect(abs(flexible.series!.loadKW[6] - 100) < 1e-9 && abs(flexible.series!.curtailedKW[6] - 50) < 1e-9)
        #expect(abs(c.batchDeferredKWh - 100) < 1e-9 && abs(c.batchMeanDelayHours - 6) < 1e-9 && c.batchMaxDelayHours == 6)
        #expect(abs(c.shiftedIntoPVKWh - 100) < 1e-9 && c.batchMissedKWh == 0 && c.batchQueuedAtEndKWh < 1e-9)
        #expect(abs(flexible.totals.loadKWh - rigid.totals.loadKWh) < 1e-9)
    }

    /// Without PV the work waits for its deadline: due by the end of 12:00, it runs then on the genset,
    /// 12 hours late; nothing misses.
    @Test func deferredWorkRunsAtItsDeadline() {
        let flexible = Self.run(batch: [0: 100], compute: .flexible)
        let c = flexible.totals.compute
        #expect(abs(flexible.series!.loadKW[12] - 100) < 1e-9 && abs(flexible.series!.dieselKW[12] - 100) < 1e-9)
        #expect(c.batchMaxDelayHours == 12 && c.batchMissedKWh == 0 && c.shiftedIntoPVKWh == 0)
    }

    /// 100 kW of training at 00:00 with an 80 kW battery (1,000 kWh, half full): rigid, the 100 kW
    /// deficit is above what the battery gives, so the genset starts, at its 160 kW target loading
    /// (60 kW into the battery). Flexible, training is capped to its floor, 70 kW, which the battery
    /// carries: no genset, 30 kWh saved, and a throughput loss of 100 kWh × (1 − 0.8976) = 10.24 kWh
    /// of work. At 0.35 a kWh the cap avoids 160 kWh of diesel, worth 56: it is taken while the lost
    /// work costs less (5 a kWh: 51.2) and refused when it costs more (6 a kWh: 61.4).
    @Test func trainingIsCappedWhenTheDieselAvoidedIsWorthTheWorkLost() {
        let rigid = Self.run(training: [0: 100], batteryKWh: 1_000, batteryKW: 80, compute: .rigid)
        #expect(rigid.series!.dieselUnits[0] == 1 && abs(rigid.series!.dieselKW[0] - 160) < 1e-9)
        let flexible = Self.run(training: [0: 100], batteryKWh: 1_000, batteryKW: 80, throughputPerKWh: 5, compute: .flexible)
        let c = flexible.totals.compute
        #expect(flexible.series!.dieselUnits[0] == 0 && abs(flexible.series!.batteryKW[0] - 70) < 1e-9)
        #expect(abs(c.trainingCapSavedKWh - 30) < 1e-9 && c.cappedSteps == 1)
        #expect(abs(c.trainingLostKWh - 100 * (1 - 0.8976)) < 1e-9)
        let refused = Self.run(training: [0: 100], batteryKWh: 1_000, batteryKW: 80, throughputPerKWh: 6, compute: .flexible)
        #expect(refused.series!.dieselUnits[0] == 1 && refused.totals.compute.cappedSteps == 0)
    }

    /// 100 kW of training and 50 kW of batch work at 10:00 with PV covering it all (no genset need),
    /// under events from 10:00 (UTC−7) for an hour. Shedding 40 %: the limit is 0.6 × 150 = 90 kW; the
    /// batch work is deferred (100 kW left) and training capped to 0.9, losing 100 × (1 − 0.9799) =
    /// 2.01 kWh of work. Shedding 60 % (limit 60 kW): deferral and the 0.7 floor reach 70 kW, 10 kWh short.
    /// Half an hour of a 40 % event from 10:30 sheds 20 % of the hour: limit 120 kW, batch deferred by 30 kW.
    @Test func curtailmentEventsAreHonouredByDeferralThenCaps() throws {
        func event(_ start: String, hours: Double, shed: Double) -> CurtailmentEvent {
            CurtailmentEvent(start: ISOTimestamp(Substring(start))!, hours: hours, shedFraction: shed)
        }
        let work: (batch: [Int: Double], training: [Int: Double], pv: [Int: Double]) = ([10: 50], [10: 100], [10: 400])
        let forty = Self.run(batch: work.batch, training: work.training, pv: work.pv,
                             events: [event("2026-01-01T10:00:00-07:00", hours: 1, shed: 0.4)], compute: .flexible)
        #expect(abs(forty.series!.itKW[10] - 90) < 1e-9)
        #expect(abs(forty.totals.compute.trainingLostKWh - 100 * (1 - 0.9799)) < 1e-9 && forty.totals.compute.eventShortfallKWh == 0)
        let sixty = Self.run(batch: work.batch, training: work.training, pv: work.pv,
                             events: [event("2026-01-01T18:00:00+01:00", hours: 1, shed: 0.6)], compute: .flexible)
        #expect(abs(sixty.series!.itKW[10] - 70) < 1e-9 && abs(sixty.totals.compute.eventShortfallKWh - 10) < 1e-9)
        let half = Self.run(batch: work.batch, training: work.training, pv: work.pv,
                            events: [event("2026-01-01T10:30:00-07:00", hours: 2, shed: 0.4)], compute: .flexible)
        #expect(abs(half.series!.itKW[10] - 120) < 1e-9 && abs(half.series!.itKW[11]) < 1e-9)
    }

    /// Events are refused with their key: outside the run's years, on 29 February, a malformed start,
    /// or in a rigid run.
    @Test func badEventsAreNamed() throws {
        let base = try String(contentsOfFile: TestData.defaultScenario.source, encoding: .utf8)
            .replacingOccurrences(of: "weather = \"phoenix-az-722780.tmy3.csv\"", with: "weather = \"\(TestData.phoenixPath)\"")
        func failure(_ events: String, compute: String = "flexible") throws -> String {
            let text = base.replacingOccurrences(of: "[dispatch]\n", with: "[dispatch]\ncompute = \"\(compute)\"\n") + events
            do {
                let scenario = try ScenarioLoader.parse(text: text, file: "events.toml", baseDirectory: "/")
                _ = try SimulationInputs.prepare(scenario, weather: TestData.phoenix)
                return ""
            } catch let error as HelioError {
                return error.description
            }
        }
        let event = { (start: String) in "\n[[load.events]]\nstart = \"\(start)\"\nhours = 3\nshed_fraction = 0.25\n" }
        #expect(try failure(event("2026-07-15T18:00:00-07:00")) == "")
        #expect(try failure(event("2031-07-15T18:00:00-07:00")).contains("load.events[0].start: falls in 2031"))
        #expect(try failure(event("2026-07-15 18:00")).contains("load.events[0].start: expected an ISO 8601"))
        #expect(try failure(event("2026-07-15T18:00:00-07:00"), compute: "rigid").contains("load.events: curtailment events are honoured"))
        #expect(try failure(event("2026-07-15T18:00:00-07:00") + "shed = 1\n").contains("load.events[0].shed: unknown key"))
    }

    /// The default campus on Phoenix TMY3 under the rule EMS, flexible against rigid: rigid operation's
    /// facility power is the load model's at every step; the flexible run balances every step, runs
    /// all batch work inside its 12 h deadline, keeps the work (IT energy differs by exactly what caps
    /// saved and what waits at the end), and burns less fuel.
    @Test func defaultCampusFlexibleAgainstRigid() throws {
        var scenario = TestData.defaultScenario
        let rigid = try TestData.run(scenario, recordSeries: false)
        scenario.dispatch.compute = .flexible
        let inputs = try SimulationInputs.prepare(scenario, weather: TestData.phoenix)
        let profile = try #require(inputs.compute)
        var largestGap = 0.0
        for index in 0..<Self.axis.stepsPerYear {
            let nominal = profile.facilityFixedKW[index] + profile.facilityPerITKW[index]
                * (profile.fixedITKW[index] + profile.trainingKW[index] + profile.batchArrivalKW[index])
            largestGap = max(largestGap, abs(nominal - inputs.load.facilityKW[index]))
        }
        #expect(largestGap < 1e-6)
        var strategy = FlexibleComputeDispatch(base: RuleBasedDispatch(scenario: scenario), costs: ComputeCosts(scenario: scenario))
        let flexible = SimulationEngine.run(scenario, inputs: inputs, strategy: &strategy, recordSeries: false)
        let c = flexible.totals.compute
        #expect(flexible.maxBalanceErrorFraction < 1e-9 && flexible.totals.unservedKWh == 0)
        #expect(c.batchMissedKWh == 0 && c.batchMaxDelayHours <= 12 && c.batchDeferredKWh > 0)
        #expect(abs(c.batchArrivedKWh - c.batchRunKWh - c.batchQueuedAtEndKWh) < 1e-6 * c.batchArrivedKWh)
        let itGap = rigid.totals.itKWh - flexible.totals.itKWh
        #expect(abs(itGap - c.trainingCapSavedKWh - c.batchQueuedAtEndKWh) < 1e-6 * rigid.totals.itKWh)
        #expect(flexible.totals.fuelL < 0.95 * rigid.totals.fuelL)
    }

    /// The throughput table is the median relative throughput per 0.05 bin of relative power over the
    /// Zeus traces, recomputed here from the four files.
    @Test func throughputCurveIsTheZeusMedians() throws {
        var bins: [Int: [Double]] = [:]
        for gpu in ["a40", "p100", "rtx6000", "v100"] {
            let text = try String(contentsOfFile: TestData.fixture("gpu/zeus_summary_power_\(gpu).csv"), encoding: .utf8)
            var runs: [String: [(limit: Double, time: Double, power: Double)]] = [:]
            for line in text.split(separator: "\n").dropFirst() {
                let f = line.split(separator: ",").map(String.init)
                runs[f[0...3].joined(separator: ","), default: []].append((Double(f[4])!, Double(f[5])!, Double(f[6])!))
            }
            for points in runs.values {
                let reference = points.max { $0.limit < $1.limit }!
                for point in points {
                    bins[Int((point.power / reference.power * 20 + 0.5).rounded(.down)), default: []].append(reference.time / point.time)
                }
            }
        }
        let curve = ThroughputCurve.zeus
        for (fraction, throughput) in zip(curve.powerFractions, curve.throughputFractions) {
            let values = try #require(bins[Int((fraction * 20).rounded())]).sorted()
            let median = values.count % 2 == 1 ? values[values.count / 2] : (values[values.count / 2 - 1] + values[values.count / 2]) / 2
            #expect(abs(median - throughput) < 5e-5, "\(fraction): median \(median), table \(throughput)")
        }
        #expect(curve.throughput(atPowerFraction: 0.725) == (0.8976 + 0.9271) / 2)
        #expect(curve.powerFractions[0] == FlexibilityConfig.lowestPowerCapFloor)
    }
}

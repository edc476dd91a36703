import Foundation
import Testing
@testable import HelioGrid

@Suite struct LoadTests {
    static let hourly = TimeAxis(stepMinutes: 60, utcOffsetMinutes: -420)

    @Test(arguments: LoadConfig.Profile.allCases)
    func annualMeanUtilisationIsTheConfiguredMean(profile: LoadConfig.Profile) throws {
        var config = LoadConfig()
        config.profile = profile
        config.meanUtilization = 0.7
        let u = try GPUClusterLoad(config: config).utilisation(axis: Self.hourly)
        let mean = u.reduce(0, +) / Double(u.count)
        #expect(abs(mean - 0.7) < 0.002, "\(profile): \(mean)")
        #expect(u.allSatisfy { (0...1).contains($0) })
    }

    @Test func sameSeedSameSeriesOtherSeedOtherSeries() throws {
        var config = LoadConfig()
        let a = try GPUClusterLoad(config: config).itPowerKW(axis: Self.hourly)
        let b = try GPUClusterLoad(config: config).itPowerKW(axis: Self.hourly)
        config.seed = 2
        let c = try GPUClusterLoad(config: config).itPowerKW(axis: Self.hourly)
        #expect(a == b)
        #expect(a != c)
    }

    /// By hand: 1250 nodes · (2.0 + 6.4 · u) kW · 1.05 up to the measured 8.4 kW, without dips at
    /// u = 0.85: 9,765 kW, 0.977 kW per GPU; installed capacity stays on the 10.2 kW nameplate.
    @Test func itPowerFollowsTheMeasuredNodePowerModel() throws {
        var config = LoadConfig()
        config.checkpointEveryHours = 0
        config.maintenanceHoursPerWeek = 0
        config.interruptionsPerGPUDay = 0
        let model = GPUClusterLoad(config: config)
        let it = try model.itPowerKW(axis: Self.hourly)
        let mean = it.reduce(0, +) / Double(it.count)
        #expect(abs(mean - 1250 * (2.0 + 6.4 * 0.85) * 1.05) < 1.0)
        #expect(model.installedITKW == 1250 * 10.2 * 1.05 && model.peakITKW == 1250 * 8.4 * 1.05)
    }

    /// Rolling maintenance (the default spreads 2 h per node over the week: m = 2/168 of the nodes
    /// always down). The running level rises to 0.85 / (1 − m) and the noise is carried by the
    /// running nodes only, so away from the 0…1 limits u − 0.85 = (u₀ − 0.85)(1 − m) against the
    /// same seed without maintenance.
    @Test func rollingMaintenanceTakesAConstantShare() throws {
        var config = LoadConfig()
        config.checkpointEveryHours = 0
        config.interruptionsPerGPUDay = 0
        let rolling = try GPUClusterLoad(config: config).utilisation(axis: Self.hourly)
        config.maintenanceHoursPerWeek = 0
        let none = try GPUClusterLoad(config: config).utilisation(axis: Self.hourly)
        let m = 2.0 / 168
        for (u, u0) in zip(rolling, none) where u0 > 0.01 && u0 < 0.99 {
            #expect(abs((u - 0.85) - (u0 - 0.85) * (1 - m)) < 1e-9)
        }
    }

    /// Interruptions at 1-minute steps, one job on all 10,000 GPUs: 4.74e-4 × 10,000 = 4.74 a day,
    /// each idling the campus for 15 minutes, so about 4.74 × 15 / 1440 = 4.9 % of the year's
    /// minutes sit at idle (Poisson: ±2.4 % of that at one σ over ~1,730 events); the annual mean
    /// stays 0.85. With `job_gpus` = 1,000 each event idles a tenth of the nodes.
    @Test func interruptionsIdleTheJobForItsRestart() throws {
        var config = LoadConfig()
        config.checkpointEveryHours = 0
        config.maintenanceHoursPerWeek = 0
        let minutely = TimeAxis(stepMinutes: 1, utcOffsetMinutes: -420)
        let u = try GPUClusterLoad(config: config).utilisation(axis: minutely)
        let idleShare = Double(u.filter { $0 == 0 }.count) / Double(u.count)
        let expected = 0.000474 * 10_000 * 15 / 1440
        #expect(abs(idleShare - expected) < 0.1 * expected, "\(idleShare)")
        #expect(abs(u.reduce(0, +) / Double(u.count) - 0.85) < 0.002)
        config.jobGPUs = 1000
        let partial = try GPUClusterLoad(config: config).utilisation(axis: minutely)
        #expect(partial.filter { $0 == 0 }.isEmpty)
    }

    /// The scheduler's plan of a training campus with checkpoints every 6 hours and no maintenance:
    /// the running level everywhere but the dips (no noise, no interruptions), the same level the
    /// actual profile runs at, so the actual mean falls short of the plan's by the interruptions'
    /// idle share times that level (4.74 × 15 / 1440 of the minutes at about 0.86).
    @Test func plannedProfileIsTheScheduleWithoutTheUnforeseen() throws {
        var config = LoadConfig()
        config.checkpointEveryHours = 6
        config.maintenanceHoursPerWeek = 0
        let minutely = TimeAxis(stepMinutes: 1, utcOffsetMinutes: -420)
        let model = GPUClusterLoad(config: config)
        let planned = try model.utilisation(axis: minutely, planned: true), actual = try model.utilisation(axis: minutely)
        let levels = Set(planned.map { ($0 * 1e9).rounded() / 1e9 })
        #expect(levels.count == 2 && levels.contains(GPUClusterLoad.checkpointUtilisation), "\(levels.sorted())")
        let level = try #require(levels.max())
        let mean = { (values: [Double]) in values.reduce(0, +) / Double(values.count) }
        let interrupted = 0.000474 * 10_000 * 15 / 1440
        #expect(abs(mean(planned) - mean(actual) - interrupted * level) < 0.15 * interrupted * level, "\(mean(planned)) vs \(mean(actual))")
        let itKW = try model.itPowerKW(axis: minutely, planned: true)
        #expect(itKW.max()! <= model.peakITKW && abs(itKW[100] - Double(config.nodes) * (config.nodeIdleKW + (config.nodeMaxKW - config.nodeIdleKW) * level) * (1 + config.fabricOverhead)) < 1e-6)
    }

    @Test func checkpointDipsAndMaintenanceShowAtOneMinute() throws {
        var config = LoadConfig()
        config.checkpointEveryHours = 6
        let axis = TimeAxis(stepMinutes: 1, utcOffsetMinutes: -420)
        let u = try GPUClusterLoad(config: config).utilisation(axis: axis)
        // The dip occupies the 10 minutes before each 6-hour mark: 05:50–06:00 on 1 January.
        #expect(abs(u[355] - GPUClusterLoad.checkpointUtilisation) < 0.1)
        #expect(u[340] > 0.8)
        // Maintenance of the whole campus at once (share 1): Tuesday 2 January 10:00–12:00, nodes drained.
        config.maintenanceShare = 1
        config.interruptionsPerGPUDay = 0
        let drained = try GPUClusterLoad(config: config).utilisation(axis: axis)
        let tuesday10 = CivilCalendar.minuteOfYear(month: 1, day: 2, hour: 10, minute: 30)
        #expect(drained[tuesday10] == 0 && drained[tuesday10 + 120] > 0.5)
    }

    @Test func unreachableMeanIsAScenarioError() {
        var config = LoadConfig()
        config.meanUtilization = 1.0
        do {
            _ = try GPUClusterLoad(config: config).utilisation(axis: Self.hourly)
            Issue.record("a mean of 1.0 with dips and maintenance is impossible")
        } catch let error as HelioError {
            #expect(error.key == "load.mean_utilization")
        } catch { Issue.record("unexpected \(error)") }
    }

    /// PUE(T) by hand on desert-10k's curve (1.10 at 10 °C, 1.40 at 45 °C): 1.25 at 27.5 °C, flat outside.
    @Test func pueIsLinearBetweenItsPoints() {
        let model = CoolingModel(config: CoolingConfig())
        #expect(abs(model.pue(ambientC: 27.5) - 1.25) < 1e-12)
        #expect(model.pue(ambientC: -5) == 1.10)
        #expect(model.pue(ambientC: 50) == 1.40)
        // Half the design IT at 27.5 °C with 30 % of the overhead fixed: 50 + 0.25 · (0.3 · 100 + 0.7 · 50) = 66.25 kW.
        #expect(abs(model.facilityKW(itKW: 50, ambientC: 27.5, designITKW: 100) - 66.25) < 1e-12)
        #expect(abs(model.facilityKW(itKW: 100, ambientC: 27.5, designITKW: 100) - 125) < 1e-12)
    }

    @Test func csvLoadInOrderAndAlignedByCalendar() throws {
        let axis = TimeAxis(stepMinutes: 60, utcOffsetMinutes: -420)
        // One row per step, in a different year: taken in order.
        var text = "timestamp,load_kw\n"
        for hour in 0..<8760 {
            text += CivilCalendar.iso8601(year: 2019, minuteOfYear: hour * 60, utcOffsetMinutes: -420) + ",\(hour)\n"
        }
        let inOrder = try CSVTimeSeries.parse(text: text, file: "l.csv", columns: ["load_kw", "it_kw"], axis: axis, range: 0...1e9)
        #expect(inOrder.values[123] == 123 && inOrder.column == "load_kw")
        // The same hourly data for a 15-minute run, stamped in UTC: aligned to local time and interpolated.
        var utc = "timestamp,it_kw\n"
        for hour in 0..<8760 {
            utc += CivilCalendar.iso8601(year: 2019, minuteOfYear: hour * 60, utcOffsetMinutes: 0) + ",\(hour % 24 == 0 ? 100 : 50)\n"
        }
        let quarter = TimeAxis(stepMinutes: 15, utcOffsetMinutes: -420)
        let aligned = try CSVTimeSeries.parse(text: utc, file: "u.csv", columns: ["load_kw", "it_kw"], axis: quarter, range: 0...1e9)
        #expect(aligned.column == "it_kw" && aligned.values.count == 35040)
        // 00:00 UTC is 17:00 local: the 17:00–18:00 local hour averages 100 kW; its second quarter is 100 - 50·0.125.
        let fivePM = 17 * 4 + 1
        #expect(abs(aligned.values[fivePM] - (100 - 50 * 0.125)) < 1e-9)
    }

    @Test func csvGapsDuplicatesAndBadValuesNameTheLine() {
        let axis = TimeAxis(stepMinutes: 60, utcOffsetMinutes: 0)
        let cases: [(String, Int, String)] = [
            ("timestamp,load_kw\n2001-01-01T00:00:00Z,1\n2001-01-01T01:00:00Z,1\n2001-01-01T03:00:00Z,1\n", 4, "gap"),
            ("timestamp,load_kw\n2001-01-01T00:00:00Z,1\n2001-01-01T01:00:00Z,1\n2001-01-01T01:00:00Z,1\n", 4, "duplicate"),
            ("timestamp,load_kw\n2001-01-01T00:00:00Z,1\n2001-01-01T01:00:00Z,-4\n", 3, "out of range"),
            ("timestamp,load_kw\n2001-01-01 00:00,1\n", 2, "ISO 8601"),
        ]
        for (text, line, reason) in cases {
            do {
                _ = try CSVTimeSeries.parse(text: text, file: "bad.csv", columns: ["load_kw"], axis: axis, range: 0...1e9)
                Issue.record("accepted: \(reason)")
            } catch let error as HelioError {
                #expect(error.line == line && error.message.contains(reason), "\(error)")
            } catch { Issue.record("unexpected \(error)") }
        }
    }

    /// The forms a HOMER or SAM user brings: a bare 8,760-value column (kW without a header, MW with
    /// `load_mw`), MW columns beside timestamps, `±HHMM` offsets — each read as the same kW series as
    /// the `timestamp,load_kw` file with `±HH:MM` stamps.
    @Test func bareColumnsMWAndCompactOffsetsReadAlike() throws {
        let axis = TimeAxis(stepMinutes: 60, utcOffsetMinutes: -420)
        let kW = (0..<8760).map { Double(1000 + $0 % 24 * 10) }
        var reference = "timestamp,load_kw\n", compact = "timestamp,load_mw\n"
        for (hour, value) in kW.enumerated() {
            let stamp = CivilCalendar.iso8601(year: 2026, minuteOfYear: hour * 60, utcOffsetMinutes: -420)
            reference += stamp + ",\(value)\n"
            compact += stamp.replacingOccurrences(of: "-07:00", with: "-0700") + ",\(value / 1000)\n"
        }
        let columns = ["load_kw", "it_kw"]
        let expected = try CSVTimeSeries.parse(text: reference, file: "r.csv", columns: columns, axis: axis, range: 0...1e9).values
        #expect(expected == kW)
        let mw = try CSVTimeSeries.parse(text: compact, file: "c.csv", columns: columns, axis: axis, range: 0...1e9)
        #expect(mw.column == "load_kw" && zip(mw.values, kW).allSatisfy { abs($0 - $1) < 1e-9 })
        let bare = try CSVTimeSeries.parse(text: kW.map { "\($0)" }.joined(separator: "\n") + "\n", file: "b.csv", columns: columns, axis: axis, range: 0...1e9)
        #expect(bare.column == "load_kw" && bare.values == kW)
        let bareMW = try CSVTimeSeries.parse(text: "it_mw\n" + kW.map { "\($0 / 1000)" }.joined(separator: "\n"), file: "m.csv", columns: columns,
                                             axis: axis, range: 0...1e9)
        #expect(bareMW.column == "it_kw" && zip(bareMW.values, kW).allSatisfy { abs($0 - $1) < 1e-9 })
        // An hourly bare column for a 15-minute run is interpolated like an hourly file: 4 × 8,760 values.
        let quarter = try CSVTimeSeries.parse(text: kW.map { "\($0)" }.joined(separator: "\n"), file: "q.csv", columns: columns,
                                              axis: TimeAxis(stepMinutes: 15, utcOffsetMinutes: -420), range: 0...1e9)
        #expect(quarter.values.count == 35_040)
        #expect(ISOTimestamp("2026-07-15T18:00:00-0700") == ISOTimestamp("2026-07-15T18:00:00-07:00"))
        #expect(ISOTimestamp("2026-07-15T18:00:00-07") == nil && ISOTimestamp("2026-07-15T18:00:00-07000") == nil)
    }

    @Test func bareColumnsThatCannotBeAYearNameWhy() {
        let axis = TimeAxis(stepMinutes: 60, utcOffsetMinutes: 0)
        let cases: [(String, Int?, String)] = [
            (Array(repeating: "5", count: 8000).joined(separator: "\n"), nil, "8,760 rows"),
            ("load_gw\n" + Array(repeating: "5", count: 8760).joined(separator: "\n"), 1, "bare column's header"),
            ("load_kw\n5\nfive\n", 3, "not a number"),
            ("load_mw\n5\n-1\n", 3, "out of range"),
        ]
        for (text, line, reason) in cases {
            do {
                _ = try CSVTimeSeries.parse(text: text, file: "bad.csv", columns: ["load_kw", "it_kw"], axis: axis, range: 0...1e9)
                Issue.record("accepted: \(reason)")
            } catch let error as HelioError {
                #expect(error.line == line && error.message.contains(reason), "\(error)")
            } catch { Issue.record("unexpected \(error)") }
        }
    }
}

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

    /// By hand: 1250 nodes · (2.0 + 8.2 · u) kW · 1.05, without noise or dips at u = 0.85: 11,773.1 kW.
    @Test func itPowerFollowsTheNodePowerModel() throws {
        var config = LoadConfig()
        config.checkpointEveryHours = 0
        config.maintenanceHoursPerWeek = 0
        let model = GPUClusterLoad(config: config)
        let it = try model.itPowerKW(axis: Self.hourly)
        let mean = it.reduce(0, +) / Double(it.count)
        #expect(abs(mean - 1250 * (2.0 + 8.2 * 0.85) * 1.05) < 1.0)
        #expect(model.installedITKW == 1250 * 10.2 * 1.05)
    }

    @Test func checkpointDipsAndMaintenanceShowAtOneMinute() throws {
        var config = LoadConfig()
        config.checkpointEveryHours = 6
        let axis = TimeAxis(stepMinutes: 1, utcOffsetMinutes: -420)
        let u = try GPUClusterLoad(config: config).utilisation(axis: axis)
        // The dip occupies the 10 minutes before each 6-hour mark: 05:50–06:00 on 1 January.
        #expect(abs(u[355] - GPUClusterLoad.checkpointUtilisation) < 0.1)
        #expect(u[340] > 0.8)
        // Maintenance: Tuesday 2 January 10:00–12:00, nodes drained.
        let tuesday10 = CivilCalendar.minuteOfYear(month: 1, day: 2, hour: 10, minute: 30)
        #expect(u[tuesday10] == 0)
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
}

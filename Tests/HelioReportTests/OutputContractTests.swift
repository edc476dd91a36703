import Foundation
import HelioReport
import HelioTestSupport
import Testing
@testable import HelioGrid

@Suite struct OutputContractTests {
    static let result: SimulationResult = TestData.shared { try TestData.run(TestData.defaultScenario, recordSeries: true) }

    /// docs/output-contract.md's `summary.json`: exactly these keys, all present.
    @Test func summaryJSONHasExactlyTheContractKeys() throws {
        let json = try SummaryReport(result: Self.result).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["scenario", "dispatch", "timestep_minutes", "steps", "energy_kwh", "diesel", "battery",
                                     "carbon", "kpi", "economics", "reliability", "warnings", "runtime_ms", "years", "forecast_skill", "compute", "grid"])
        #expect((object["forecast_skill"] as? [Any])?.isEmpty == true)   // a rule run has no forecasts
        let years = try #require(object["years"] as? [[String: Any]])
        #expect(years.count == 1 && Set(years[0].keys) == [
            "year", "load_kwh", "served_kwh", "unserved_kwh", "pv_used_kwh", "pv_curtailed_kwh", "diesel_kwh", "fuel_l",
            "intensity_g_per_kwh", "renewable_fraction", "pv_factor", "battery_capacity_fraction", "battery_fade_fraction",
            "pv_replaced", "battery_replaced", "genset_units_replaced", "battery_augmented_kwh", "genset_overhauls"])
        let expected: [String: Set<String>] = [
            "energy_kwh": ["load", "served", "unserved", "pv_available", "pv_used", "pv_curtailed", "battery_charge",
                           "battery_discharge", "battery_auxiliary", "diesel", "grid_import", "grid_export"],
            "diesel": ["fuel_l", "run_hours", "unit_run_hours", "starts", "mean_loading", "rating", "run_hours_per_unit_year",
                       "days_over_prime_limit", "n_minus_1_short_hours"],
            "battery": ["equivalent_full_cycles", "min_soc", "capacity_fade_fraction"],
            "carbon": ["scope1_t_co2e", "scope2_location_t_co2e", "scope2_market_t_co2e", "intensity_g_per_kwh", "renewable_fraction"],
            "kpi": ["pue", "ref", "cue_kg_per_kwh", "mean_it_kw_per_gpu"],
            "economics": ["currency", "capex", "npc", "lcoe_per_kwh", "fuel_cost_year1", "carbon_cost_year1", "grid_cost_year1",
                          "demand_charge_year1"],
            "grid": ["monthly_peak_import_kw", "import_cost_year1", "export_revenue_year1", "demand_charge_year1", "fixed_charge_year1",
                     "cost_year1"],
            "reliability": ["loss_of_load_hours", "max_unserved_kw"],
            "compute": ["mode", "gpu_hours_deferred", "mean_delay_hours", "max_delay_hours", "throughput_lost_gpu_hours", "throughput_cost",
                        "deadline_misses", "deadline_missed_gpu_hours", "energy_shifted_into_pv_kwh", "capped_hours", "cap_saved_kwh",
                        "event_shortfall_kwh", "queued_at_end_gpu_hours", "classes"],
        ]
        for (section, keys) in expected {
            let inner = try #require(object[section] as? [String: Any], "\(section)")
            #expect(Set(inner.keys) == keys, "\(section)")
        }
        #expect(object["dispatch"] as? String == "rule" && object["steps"] as? Int == 8760 && object["timestep_minutes"] as? Int == 60)
        let classes = try #require((object["compute"] as? [String: Any])?["classes"] as? [String: [String: Any]])
        #expect(Set(classes.keys) == ["interactive", "training", "batch"])
        for (name, service) in classes {
            #expect(Set(service.keys) == ["gpu_hours", "gpu_hours_deferred", "mean_delay_hours", "max_delay_hours", "throughput_lost_gpu_hours",
                                          "deadline_misses"], "\(name)")
        }
    }

    /// Intensity = (Scope 1 + Scope 2 location) / served, and the KPIs by their ISO/IEC 30134 definitions.
    @Test func summaryFiguresFollowTheirDefinitions() {
        let report = SummaryReport(result: Self.result)
        let t = Self.result.totals
        #expect(abs(report.carbon.intensity - (report.carbon.scope1 + report.carbon.scope2Location) * 1e6 / t.servedKWh) < 1e-9)
        #expect(abs(report.kpi.pue - t.loadKWh / t.itKWh) < 1e-12)
        #expect(report.kpi.pue > 1.1 && report.kpi.pue < 1.4)
        #expect(abs(report.kpi.cue - t.emissionsKgCO2e / t.itKWh) < 1e-12)
        #expect(abs(report.diesel.meanLoading - t.dieselKWh / (t.dieselUnitRunHours * 2000)) < 1e-12)
        let capex: Double = 60_000 * 750.0 + 200_000 * 220.0 + 50_000 * 80.0 + 20_000 * 600.0
        #expect(report.economics.capex == capex)
        #expect(abs(report.economics.fuelCostYear1 - t.fuelL * 1.10) < 1e-6)
    }

    @Test func stepsCSVHasOneRowPerStepWithOffsetStampsInTheReportingYear() {
        let csv = String(decoding: StepsCSV.render(Self.result.series!, axis: Self.result.axis, firstYear: 2026), as: UTF8.self)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 8761)
        #expect(lines[0] == "timestamp,load_kw,it_kw,pv_available_kw,pv_kw,curtailed_kw,battery_kw,soc,diesel_kw,diesel_units,grid_kw,unserved_kw,co2_kg")
        #expect(lines[1].hasPrefix("2026-01-01T00:00:00-07:00,"))
        #expect(lines[8760].hasPrefix("2026-12-31T23:00:00-07:00,"))
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",").count == 13 })
        let quarter = TimeAxis(stepMinutes: 15, utcOffsetMinutes: 0)
        #expect(quarter.timestamp(step: 1) == "2001-01-01T00:15:00+00:00")
        #expect(quarter.timestamp(step: 35040) == "2002-01-01T00:00:00+00:00")
    }

    /// NPC by hand for a plant with no operation: capex only, less straight-line salvage of 5 of 25
    /// PV years discounted 20 years at 8 %.
    @Test func economicsOfAnIdlePVPlant() throws {
        var s = TestData.defaultScenario
        s.battery = nil
        s.diesel = nil
        s.load.gpus = 8
        s.load.meanUtilization = 0.01
        s.load.checkpointEveryHours = 0
        s.load.maintenanceHoursPerWeek = 0
        s.load.nodeIdleKW = 0
        s.load.nodeMaxKW = 1e-9
        let r = try TestData.run(s, recordSeries: false)
        let economics = LifetimeEconomics(result: r)
        let capex = 60_000 * 750.0, om = 60_000 * 15.0
        let annuity = (1 - pow(1.08, -20)) / 0.08
        let salvage = capex * 5 / 25 / pow(1.08, 20)
        let penalty = r.totals.unservedKWh * 10 * annuity
        #expect(abs(economics.npc - (capex + om * annuity - salvage + penalty)) < 1e-3 * capex)
    }

    /// The byte-level formatter prints what `%.Nf` prints, and stamps what `TimeAxis.timestamp` gives.
    @Test func csvBuilderMatchesPrintfAndTimestamps() {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<20_000 {
            let magnitude = pow(10, Double.random(in: -4...7, using: &generator))
            let value = (Bool.random(using: &generator) ? -1 : 1) * magnitude * Double.random(in: 0...1, using: &generator)
            for decimals in [3, 6] {
                var csv = CSVBuilder(capacity: 32)
                csv.append(value, decimals: decimals)
                #expect(String(decoding: csv.bytes, as: UTF8.self) == NumberFormat.fixed(value, decimals: decimals), "\(value)")
            }
        }
        // Ties after scaling (printf's answers): 0.0005 and 0.0015 lie just above the tie in binary,
        // 3075.7875 just below it, 2.0625 is an exact tie and goes to even.
        for (value, printed) in [(0.0005, "0.001"), (0.0015, "0.002"), (2.0625, "2.062"), (3075.7875, "3075.787")] {
            var csv = CSVBuilder(capacity: 16)
            csv.append(value, decimals: 3)
            #expect(String(decoding: csv.bytes, as: UTF8.self) == printed, "\(value)")
        }
        var zero = CSVBuilder(capacity: 8)
        zero.append(-0.0001, decimals: 3)
        #expect(String(decoding: zero.bytes, as: UTF8.self) == "0.000")
        for axis in [TimeAxis(stepMinutes: 60, utcOffsetMinutes: -420), TimeAxis(stepMinutes: 15, utcOffsetMinutes: 330)] {
            for step in [0, 1, 1415, axis.stepsPerYear - 1, axis.stepsPerYear, 3 * axis.stepsPerYear + 77] {
                var csv = CSVBuilder(capacity: 32)
                csv.appendTimestamp(step: step, axis: axis)
                #expect(String(decoding: csv.bytes, as: UTF8.self) == axis.timestamp(step: step))
            }
        }
    }
}

import Foundation
import HelioGrid

/// `summary.json` exactly per DESIGN.md's output contract: snake_case keys, every key present,
/// 0 where not applicable.
public struct SummaryReport: Codable, Sendable, Equatable {
    public struct Energy: Codable, Sendable, Equatable {
        public var load, served, unserved, pvAvailable, pvUsed, pvCurtailed: Double
        public var batteryCharge, batteryDischarge, diesel, gridImport, gridExport: Double
        enum CodingKeys: String, CodingKey {
            case load, served, unserved, diesel
            case pvAvailable = "pv_available", pvUsed = "pv_used", pvCurtailed = "pv_curtailed"
            case batteryCharge = "battery_charge", batteryDischarge = "battery_discharge"
            case gridImport = "grid_import", gridExport = "grid_export"
        }
    }

    public struct Diesel: Codable, Sendable, Equatable {
        public var fuelL, runHours, unitRunHours: Double
        public var starts: Int
        public var meanLoading: Double
        enum CodingKeys: String, CodingKey {
            case starts
            case fuelL = "fuel_l", runHours = "run_hours", unitRunHours = "unit_run_hours", meanLoading = "mean_loading"
        }
    }

    public struct BatteryStats: Codable, Sendable, Equatable {
        public var equivalentFullCycles, minSOC, capacityFadeFraction: Double
        enum CodingKeys: String, CodingKey {
            case equivalentFullCycles = "equivalent_full_cycles", minSOC = "min_soc", capacityFadeFraction = "capacity_fade_fraction"
        }
    }

    public struct Carbon: Codable, Sendable, Equatable {
        public var scope1, scope2Location, scope2Market, intensity, renewableFraction: Double
        enum CodingKeys: String, CodingKey {
            case scope1 = "scope1_t_co2e", scope2Location = "scope2_location_t_co2e", scope2Market = "scope2_market_t_co2e"
            case intensity = "intensity_g_per_kwh", renewableFraction = "renewable_fraction"
        }
    }

    public struct KPI: Codable, Sendable, Equatable {
        public var pue, ref, cue: Double
        enum CodingKeys: String, CodingKey { case pue, ref, cue = "cue_kg_per_kwh" }
    }

    public struct Economics: Codable, Sendable, Equatable {
        public var currency: String
        public var capex, npc, lcoe, fuelCostYear1, carbonCostYear1: Double
        enum CodingKeys: String, CodingKey {
            case currency, capex, npc
            case lcoe = "lcoe_per_kwh", fuelCostYear1 = "fuel_cost_year1", carbonCostYear1 = "carbon_cost_year1"
        }
    }

    public struct Reliability: Codable, Sendable, Equatable {
        public var lossOfLoadHours, maxUnservedKW: Double
        enum CodingKeys: String, CodingKey { case lossOfLoadHours = "loss_of_load_hours", maxUnservedKW = "max_unserved_kw" }
    }

    public var scenario: String
    public var dispatch: String
    public var timestepMinutes: Int
    public var steps: Int
    public var energyKWh: Energy
    public var diesel: Diesel
    public var battery: BatteryStats
    public var carbon: Carbon
    public var kpi: KPI
    public var economics: Economics
    public var reliability: Reliability
    public var runtimeMS: Double

    enum CodingKeys: String, CodingKey {
        case scenario, dispatch, steps, diesel, battery, carbon, kpi, economics, reliability
        case timestepMinutes = "timestep_minutes", energyKWh = "energy_kwh", runtimeMS = "runtime_ms"
    }

    /// Builds the report of a run. Intensity = (Scope 1 + Scope 2 location-based) / energy served;
    /// PUE = facility / IT energy (ISO/IEC 30134-2); REF = renewable energy / total energy consumed
    /// (ISO/IEC 30134-3); CUE = CO₂e / IT energy, kg/kWh (ISO/IEC 30134-8).
    public init(result: SimulationResult) {
        let t = result.totals
        let economicsResult = LifetimeEconomics(result: result)
        scenario = result.scenario.site.name
        dispatch = result.dispatchName
        timestepMinutes = result.axis.stepMinutes
        steps = result.steps
        energyKWh = Energy(
            load: t.loadKWh, served: t.servedKWh, unserved: t.unservedKWh, pvAvailable: t.pvAvailableKWh,
            pvUsed: t.pvUsedKWh, pvCurtailed: t.pvCurtailedKWh, batteryCharge: t.batteryChargeKWh,
            batteryDischarge: t.batteryDischargeKWh, diesel: t.dieselKWh, gridImport: t.gridImportKWh, gridExport: t.gridExportKWh)
        diesel = Diesel(fuelL: t.fuelL, runHours: t.dieselRunHours, unitRunHours: t.dieselUnitRunHours,
                        starts: t.dieselStarts, meanLoading: result.dieselMeanLoading)
        battery = BatteryStats(equivalentFullCycles: result.batteryEquivalentFullCycles, minSOC: result.batteryMinSOC,
                               capacityFadeFraction: result.batteryFadeFraction)
        let emissionsKg = t.emissionsKgCO2e
        carbon = Carbon(
            scope1: t.scope1KgCO2e / 1000, scope2Location: t.scope2LocationKgCO2e / 1000,
            scope2Market: t.scope2LocationKgCO2e / 1000,
            intensity: t.servedKWh > 0 ? emissionsKg * 1000 / t.servedKWh : 0,
            renewableFraction: t.renewableFraction)
        kpi = KPI(pue: t.itKWh > 0 ? t.loadKWh / t.itKWh : 0,
                  ref: t.renewableFraction,
                  cue: t.itKWh > 0 ? emissionsKg / t.itKWh : 0)
        economics = Economics(
            currency: result.scenario.economics.currency, capex: economicsResult.capex, npc: economicsResult.npc,
            lcoe: economicsResult.lcoePerKWh, fuelCostYear1: economicsResult.fuelCostYear1,
            carbonCostYear1: economicsResult.carbonCostYear1)
        reliability = Reliability(lossOfLoadHours: t.lossOfLoadHours, maxUnservedKW: t.maxUnservedKW)
        runtimeMS = result.runtimeMS
    }

    /// Pretty-printed JSON with sorted keys.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

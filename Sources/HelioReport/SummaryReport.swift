import Foundation
import HelioGrid

/// `summary.json` exactly per docs/output-contract.md: snake_case keys, every key present,
/// 0 where not applicable.
public struct SummaryReport: Codable, Sendable, Equatable {
    /// `energy_kwh`: energy totals over the run, kWh.
    public struct Energy: Codable, Sendable, Equatable {
        /// Each flow named by its contract key, kWh.
        public var load, served, unserved, pvAvailable, pvUsed, pvCurtailed: Double
        /// Each flow named by its contract key, kWh.
        public var batteryCharge, batteryDischarge, batteryAuxiliary, diesel, gridImport, gridExport: Double
        enum CodingKeys: String, CodingKey {
            case load, served, unserved, diesel, batteryAuxiliary = "battery_auxiliary"
            case pvAvailable = "pv_available", pvUsed = "pv_used", pvCurtailed = "pv_curtailed"
            case batteryCharge = "battery_charge", batteryDischarge = "battery_discharge"
            case gridImport = "grid_import", gridExport = "grid_export"
        }
    }

    /// `diesel`: fuel (L), fleet and unit run hours, starts and mean loading (fraction), and the duty
    /// check (``GensetDutyCheck``): rating, run hours per unit and year, days over the prime limit,
    /// hours not firm at N + 1.
    public struct Diesel: Codable, Sendable, Equatable {
        /// Litres and hours.
        public var fuelL, runHours, unitRunHours: Double
        /// Unit starts.
        public var starts: Int
        /// Output over running rated capacity, fraction.
        public var meanLoading: Double
        /// ISO 8528-1 rating: `continuous`, `prime` or `standby`.
        public var rating: String
        /// Mean run hours per unit per simulated year.
        public var runHoursPerUnitYear: Double
        /// Days averaging above 70 % of the running units' rating (prime-rated fleets; 0 otherwise).
        public var daysOverPrimeLimit: Int
        /// Hours in which the load exceeded the fleet less its largest unit.
        public var nMinus1ShortHours: Double
        enum CodingKeys: String, CodingKey {
            case starts, rating
            case fuelL = "fuel_l", runHours = "run_hours", unitRunHours = "unit_run_hours", meanLoading = "mean_loading"
            case runHoursPerUnitYear = "run_hours_per_unit_year", daysOverPrimeLimit = "days_over_prime_limit"
            case nMinus1ShortHours = "n_minus_1_short_hours"
        }
    }

    /// `battery`: equivalent full cycles, lowest SOC and capacity fade (fractions).
    public struct BatteryStats: Codable, Sendable, Equatable {
        /// Cycles and fractions.
        public var equivalentFullCycles, minSOC, capacityFadeFraction: Double
        enum CodingKeys: String, CodingKey {
            case equivalentFullCycles = "equivalent_full_cycles", minSOC = "min_soc", capacityFadeFraction = "capacity_fade_fraction"
        }
    }

    /// `carbon`: Scope 1 and 2 in tCO2e, intensity in g/kWh served, renewable fraction.
    public struct Carbon: Codable, Sendable, Equatable {
        /// Tonnes, g/kWh and fraction.
        public var scope1, scope2Location, scope2Market, intensity, renewableFraction: Double
        enum CodingKeys: String, CodingKey {
            case scope1 = "scope1_t_co2e", scope2Location = "scope2_location_t_co2e", scope2Market = "scope2_market_t_co2e"
            case intensity = "intensity_g_per_kwh", renewableFraction = "renewable_fraction"
        }
    }

    /// `kpi`: PUE, REF (fractions) and CUE (kgCO2e per IT kWh), ISO/IEC 30134-2/-3/-8, and the mean
    /// IT power per GPU (kW: IT energy over simulated hours and `load.gpus`).
    public struct KPI: Codable, Sendable, Equatable {
        /// The three indicators and kW per GPU.
        public var pue, ref, cue, meanITKWPerGPU: Double
        enum CodingKeys: String, CodingKey { case pue, ref, cue = "cue_kg_per_kwh", meanITKWPerGPU = "mean_it_kw_per_gpu" }
    }

    /// One entry of `years`: a simulated year's energy, fuel and carbon, and the life model's ageing
    /// and replacements (``LifeYear``).
    public struct Year: Codable, Sendable, Equatable {
        /// Project year, from 1.
        public var year: Int
        /// kWh, litres, g/kWh and fractions.
        public var loadKWh, servedKWh, unservedKWh, pvUsedKWh, pvCurtailedKWh, dieselKWh, fuelL, intensity, renewableFraction: Double
        /// Fractions of new output or nameplate.
        public var pvFactor, batteryCapacityFraction, batteryFadeFraction: Double
        /// Replacements.
        public var pvReplaced, batteryReplaced: Bool
        /// Gensets replaced at the year's end.
        public var gensetUnitsReplaced: Int
        /// Battery capacity added at the year's end by augmentation, kWh.
        public var batteryAugmentedKWh: Double
        /// Gensets given a major overhaul at the year's end.
        public var gensetOverhauls: Int
        /// A campus that grows (absent for a fixed one): GPUs in force and their generation, when named.
        public var gpus: Int?, generation: String?
        /// A campus that grows: plant installed during the year (PV kWdc, battery kWh and kW, gensets).
        public var installedPVKW, installedBatteryKWh, installedBatteryKW: Double?
        public var installedDieselUnits: Int?
        /// A campus that grows: the year's cash flows, capital spent and net total (undiscounted).
        public var capex, cashFlow: Double?
        enum CodingKeys: String, CodingKey {
            case gpus, generation, capex
            case installedPVKW = "installed_pv_kw", installedBatteryKWh = "installed_battery_kwh", installedBatteryKW = "installed_battery_kw"
            case installedDieselUnits = "installed_diesel_units", cashFlow = "cash_flow"
            case year
            case loadKWh = "load_kwh", servedKWh = "served_kwh", unservedKWh = "unserved_kwh", pvUsedKWh = "pv_used_kwh"
            case pvCurtailedKWh = "pv_curtailed_kwh", dieselKWh = "diesel_kwh", fuelL = "fuel_l", intensity = "intensity_g_per_kwh"
            case renewableFraction = "renewable_fraction", pvFactor = "pv_factor", batteryCapacityFraction = "battery_capacity_fraction"
            case batteryFadeFraction = "battery_fade_fraction", pvReplaced = "pv_replaced", batteryReplaced = "battery_replaced"
            case gensetUnitsReplaced = "genset_units_replaced", batteryAugmentedKWh = "battery_augmented_kwh"
            case gensetOverhauls = "genset_overhauls"
        }

        init(_ totals: EnergyTotals, _ life: LifeYear) {
            year = life.year
            loadKWh = totals.loadKWh
            servedKWh = totals.servedKWh
            unservedKWh = totals.unservedKWh
            pvUsedKWh = totals.pvUsedKWh
            pvCurtailedKWh = totals.pvCurtailedKWh
            dieselKWh = totals.dieselKWh
            fuelL = totals.fuelL
            intensity = totals.intensityGPerKWh
            renewableFraction = totals.renewableFraction
            pvFactor = life.pvFactor
            batteryCapacityFraction = life.batteryCapacityFraction
            batteryFadeFraction = life.batteryFadeAtEnd
            pvReplaced = life.pvReplaced
            batteryReplaced = life.batteryReplaced
            gensetUnitsReplaced = life.gensetUnitsReplaced
            batteryAugmentedKWh = life.batteryAugmentedKWh
            gensetOverhauls = life.gensetOverhauls
        }

        /// Adds the year's campus and cash flow for a campus that grows.
        mutating func addStage(_ scenario: Scenario, stages: PlantStages, cashFlow flow: CashFlowYear?) {
            let load = scenario.load.inForce(year: year), installed = stages.installed(yearIndex: year - 1)
            gpus = load.totalGPUs
            generation = scenario.load.generation(year: year)
            installedPVKW = installed.pvKW
            installedBatteryKWh = installed.batteryKWh
            installedBatteryKW = installed.batteryKW
            installedDieselUnits = installed.dieselUnits
            capex = flow?.capex
            cashFlow = flow?.total
        }
    }

    /// `economics`: money in `currency`.
    public struct Economics: Codable, Sendable, Equatable {
        /// ISO 4217 code.
        public var currency: String
        /// Capital cost, net present cost, levelised cost per kWh and year-1 fuel and carbon costs.
        public var capex, npc, lcoe, fuelCostYear1, carbonCostYear1: Double
        /// Year-1 grid bill (imports − export revenue + demand and fixed charges) and demand charges.
        public var gridCostYear1, demandChargeYear1: Double
        enum CodingKeys: String, CodingKey {
            case currency, capex, npc
            case lcoe = "lcoe_per_kwh", fuelCostYear1 = "fuel_cost_year1", carbonCostYear1 = "carbon_cost_year1"
            case gridCostYear1 = "grid_cost_year1", demandChargeYear1 = "demand_charge_year1"
        }
    }

    /// `reliability`: hours with unserved demand and the largest unserved power (kW).
    public struct Reliability: Codable, Sendable, Equatable {
        /// Hours and kW.
        public var lossOfLoadHours, maxUnservedKW: Double
        enum CodingKeys: String, CodingKey { case lossOfLoadHours = "loss_of_load_hours", maxUnservedKW = "max_unserved_kw" }
    }

    /// `forecast_skill[]`: how well an MPC run's forecasts predicted PV and load (``ForecastSkill``).
    public struct Forecast: Codable, Sendable, Equatable {
        /// `pv` or `load`, and the forecaster and reference names.
        public var quantity, forecaster, reference: String
        /// Leads scored, hours; errors, kW; skill against the reference; the members' CRPS, kW.
        public var leadHours, maeKW, rmseKW, referenceRMSEKW, skillScore, crpsKW: Double
        /// Members of the forecast ensemble (1: the point forecast alone).
        public var members: Int
        enum CodingKeys: String, CodingKey {
            case quantity, forecaster, reference, members
            case leadHours = "lead_hours", maeKW = "mae_kw", rmseKW = "rmse_kw", referenceRMSEKW = "reference_rmse_kw", skillScore = "skill_score"
            case crpsKW = "crps_kw"
        }

        init(_ skill: ForecastSkill) {
            (quantity, forecaster, reference) = (skill.quantity, skill.forecaster, skill.reference)
            (leadHours, maeKW, rmseKW, referenceRMSEKW, skillScore) = (skill.leadHours, skill.maeKW, skill.rmseKW, skill.referenceRMSEKW, skill.skillScore)
            (crpsKW, members) = (skill.crpsKW, skill.members)
        }
    }

    /// `planning`: the run's operating cost and what its planner reports (``PlanningRecord``); the
    /// optional figures are `null` where they do not apply.
    public struct Planning: Codable, Sendable, Equatable {
        /// Operating cost on the dispatch objective, currency.
        public var operatingCost: Double
        /// The one program's objective (perfect foresight), currency.
        public var planCost: Double?
        /// Whole commitment's largest relative gap to the proven bound.
        public var relativeGap: Double?
        /// MPC: members each plan hedged across (0 otherwise).
        public var forecastMembers: Int
        /// Steps decided by the rule-based fallback.
        public var fallbackSteps: Int
        /// Share of the commitment-feasible optimum's savings over the rule-based EMS captured.
        public var savingsCaptured: Double?
        enum CodingKeys: String, CodingKey {
            case operatingCost = "operating_cost", planCost = "plan_cost", relativeGap = "relative_gap"
            case forecastMembers = "forecast_members", fallbackSteps = "fallback_steps", savingsCaptured = "savings_captured"
        }

        init(_ record: PlanningRecord) {
            (operatingCost, planCost, relativeGap) = (record.operatingCost, record.planCost, record.relativeGap)
            (forecastMembers, fallbackSteps, savingsCaptured) = (record.forecastMembers, record.fallbackSteps, record.savingsCaptured)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(operatingCost, forKey: .operatingCost)
            try container.encode(planCost, forKey: .planCost)
            try container.encode(relativeGap, forKey: .relativeGap)
            try container.encode(forecastMembers, forKey: .forecastMembers)
            try container.encode(fallbackSteps, forKey: .fallbackSteps)
            try container.encode(savingsCaptured, forKey: .savingsCaptured)
        }
    }

    /// Scenario (site) name.
    public var scenario: String
    /// Dispatch strategy name.
    public var dispatch: String
    /// Step, minutes.
    public var timestepMinutes: Int
    /// Steps simulated.
    public var steps: Int
    /// Energy totals.
    public var energyKWh: Energy
    /// Genset figures.
    public var diesel: Diesel
    /// Battery figures.
    public var battery: BatteryStats
    /// Carbon figures.
    public var carbon: Carbon
    /// Data-centre KPIs.
    public var kpi: KPI
    /// Lifetime economics.
    public var economics: Economics
    /// Reliability figures.
    public var reliability: Reliability
    /// Each simulated year.
    public var years: [Year]
    /// Plain-words warnings about how the plant was used (genset duty beyond its rating, not firm at N + 1,
    /// missed job deadlines, a battery too weak for the dispatch's contingency reserve).
    public var warnings: [String]
    /// Forecast skill of an MPC run (empty otherwise).
    public var forecastSkill: [Forecast]
    /// Service of the GPU work (zeros when rigid).
    public var compute: ComputeSummary
    /// The grid's first-year bill (zeros without a grid).
    public var grid: GridSummary
    /// Wall time of the run (inputs and dispatch), ms.
    public var runtimeMS: Double
    /// The design day N + 1 is judged on (absent when the run did not know its weather).
    public var designBasis: DesignBasis?
    /// The run's operating cost and planning figures (absent when the run was not made by the study layer).
    public var planning: Planning?

    enum CodingKeys: String, CodingKey {
        case scenario, dispatch, steps, diesel, battery, carbon, kpi, economics, reliability, warnings, years, compute, grid, planning
        case designBasis = "design_basis"
        case timestepMinutes = "timestep_minutes", energyKWh = "energy_kwh", runtimeMS = "runtime_ms", forecastSkill = "forecast_skill"
    }

    /// Builds the report of a run. Intensity = (Scope 1 + Scope 2 location-based) / energy served;
    /// Scope 2 market-based from ``GHGInventory``; KPIs from ``DataCentreKPIs`` (ISO/IEC 30134-2/-3/-8).
    /// With contractual instruments the run must have recorded its step series.
    public init(result: SimulationResult) {
        let t = result.totals
        let economicsResult = LifetimeEconomics(result: result)
        let inventory = GHGInventory(result: result)
        let kpis = DataCentreKPIs(result: result, renewableContractKWh: inventory.renewableContractKWh)
        scenario = result.scenario.site.name
        dispatch = result.dispatch.rawValue
        timestepMinutes = result.axis.stepMinutes
        steps = result.steps
        energyKWh = Energy(
            load: t.loadKWh, served: t.servedKWh, unserved: t.unservedKWh, pvAvailable: t.pvAvailableKWh,
            pvUsed: t.pvUsedKWh, pvCurtailed: t.pvCurtailedKWh, batteryCharge: t.batteryChargeKWh,
            batteryDischarge: t.batteryDischargeKWh, batteryAuxiliary: t.batteryAuxiliaryKWh, diesel: t.dieselKWh, gridImport: t.gridImportKWh, gridExport: t.gridExportKWh)
        let duty = GensetDutyCheck(result: result)
        diesel = Diesel(fuelL: t.fuelL, runHours: t.dieselRunHours, unitRunHours: t.dieselUnitRunHours,
                        starts: t.dieselStarts, meanLoading: result.dieselMeanLoading, rating: duty.rating.rawValue,
                        runHoursPerUnitYear: duty.runHoursPerUnitYear, daysOverPrimeLimit: duty.daysOverPrimeLimit,
                        nMinus1ShortHours: duty.nMinusOneShortHours)
        compute = ComputeSummary(result: result)
        designBasis = result.designBasis
        planning = result.planning.map(Planning.init)
        warnings = duty.warnings + [result.designBasis?.warning(hasGensets: result.scenario.diesel != nil), compute.deadlineWarning,
                                    result.scenario.contingencyReserveWarning].compactMap { $0 }
        battery = BatteryStats(equivalentFullCycles: result.batteryEquivalentFullCycles, minSOC: result.batteryMinSOC,
                               capacityFadeFraction: result.batteryFadeFraction)
        carbon = Carbon(
            scope1: t.scope1KgCO2e / 1000, scope2Location: t.scope2LocationKgCO2e / 1000, scope2Market: inventory.scope2MarketT,
            intensity: t.intensityGPerKWh,
            renewableFraction: t.renewableFraction)
        let hours = Double(result.steps) * result.axis.stepHours
        kpi = KPI(pue: kpis.pue, ref: kpis.ref, cue: kpis.cueKgPerKWh,
                  meanITKWPerGPU: t.itKWh / hours / Self.meanGPUs(result))
        years = Self.years(of: result, economics: economicsResult)
        economics = Economics(
            currency: economicsResult.currency, capex: economicsResult.capex, npc: economicsResult.npc,
            lcoe: economicsResult.lcoePerKWh, fuelCostYear1: economicsResult.fuelCostYear1,
            carbonCostYear1: economicsResult.carbonCostYear1, gridCostYear1: economicsResult.gridCostYear1,
            demandChargeYear1: economicsResult.demandChargeYear1)
        grid = GridSummary(result: result)
        reliability = Reliability(lossOfLoadHours: t.lossOfLoadHours, maxUnservedKW: t.maxUnservedKW)
        forecastSkill = result.forecastSkill.map(Forecast.init)
        runtimeMS = result.runtimeMS
    }

    /// GPUs in the fleet over the run: `[load] gpus`, or for load phases the mean of each year's.
    private static func meanGPUs(_ result: SimulationResult) -> Double {
        let load = result.scenario.load
        guard !load.phases.isEmpty else { return Double(load.gpus) }
        let years = max(1, result.yearly.count)
        return (1...years).reduce(0) { $0 + Double(load.inForce(year: $1).totalGPUs) } / Double(years)
    }

    /// The run's years (``Year``), with each year's campus and cash flow when the campus grows.
    static func years(of result: SimulationResult, economics: LifetimeEconomics) -> [Year] {
        var years = zip(result.yearly, result.life).map { Year($0, $1) }
        guard result.scenario.isStaged else { return years }
        let stages = PlantStages(scenario: result.scenario), flows = economics.cashFlows
        for index in years.indices {
            years[index].addStage(result.scenario, stages: stages, cashFlow: flows.indices.contains(index + 1) ? flows[index + 1] : nil)
        }
        return years
    }

    /// Pretty-printed JSON with sorted keys.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

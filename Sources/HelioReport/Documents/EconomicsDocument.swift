import HelioGrid

/// `economics.json`: lifetime cash flows of the plant and of the diesel-only baseline, the
/// comparison (savings, IRR, payback) and the ±20 % sensitivity table.
public struct EconomicsDocument: Codable, Sendable {
    /// One plant's lifetime figures.
    public struct Plant: Codable, Sendable {
        /// Label.
        public var label: String
        /// Money.
        public var capex, npc, annualisedCost, lcoePerKWh: Double
        /// Year 0 then each project year.
        public var cashFlows: [CashFlowYear]
        enum CodingKeys: String, CodingKey {
            case label, capex, npc
            case annualisedCost = "annualised_cost", lcoePerKWh = "lcoe_per_kwh", cashFlows = "cash_flows"
        }

        init(label: String, _ economics: LifetimeEconomics) {
            self.label = label
            capex = economics.capex
            npc = economics.npc
            annualisedCost = economics.annualisedCost
            lcoePerKWh = economics.lcoePerKWh
            cashFlows = economics.cashFlows
        }
    }

    /// The plant against the baseline.
    public struct Comparison: Codable, Sendable {
        /// NPC and year-1 savings.
        public var npcSavings, firstYearSavings: Double
        /// IRR, fraction, `null` when undefined.
        public var irr: Double?
        /// Paybacks, years, `null` when never.
        public var discountedPaybackYears, simplePaybackYears: Double?
        enum CodingKeys: String, CodingKey {
            case irr
            case npcSavings = "npc_savings", firstYearSavings = "first_year_savings"
            case discountedPaybackYears = "discounted_payback_years", simplePaybackYears = "simple_payback_years"
        }
    }

    /// One named input with its unit.
    public struct Assumption: Codable, Sendable {
        /// Key as in the scenario (`fuel_price_per_l`).
        public var name: String
        /// Value.
        public var value: Double
        /// Unit.
        public var unit: String
    }

    /// A plant component's cost and life (life `null` when it does not wear out in the horizon).
    public struct Component: Codable, Sendable {
        /// Which plant and component.
        public var plant, name: String
        /// Money.
        public var capex, fixedOMPerYear: Double
        /// Years.
        public var lifeYears: Double?
        enum CodingKeys: String, CodingKey {
            case plant, name, capex
            case fixedOMPerYear = "fixed_om_per_year", lifeYears = "life_years"
        }
    }

    /// ISO 4217 code, discount rate and horizon.
    public var currency: String
    /// Real discount rate.
    public var discountRate: Double
    /// Project years.
    public var projectYears: Int
    /// The plant and the baseline.
    public var plant, baseline: Plant
    /// Plant against baseline.
    public var comparison: Comparison
    /// ±20 % cases.
    public var sensitivity: [SensitivityCase]
    /// The prices and costs used.
    public var assumptions: [Assumption]
    /// Components of both plants with the lives used for replacements.
    public var components: [Component]

    /// The plant's first-year grid bill (zeros without a grid; docs/grid.md).
    public var grid: GridSummary
    /// A campus that grows, year by year as `summary.json` `years[]` gives it (absent for a fixed campus).
    public var years: [SummaryReport.Year]?

    enum CodingKeys: String, CodingKey {
        case currency, plant, baseline, comparison, sensitivity, assumptions, components, grid, years
        case discountRate = "discount_rate", projectYears = "project_years"
    }

    /// The document of a run (the plant), its diesel-only baseline and the study's sensitivity cases.
    public init(plant: SimulationResult, baseline: SimulationResult, plantLabel: String, sensitivity: [SensitivityCase]) {
        let plantEconomics = LifetimeEconomics(result: plant), baselineEconomics = LifetimeEconomics(result: baseline)
        let comparison = EconomicComparison(plant: plantEconomics, baseline: baselineEconomics)
        currency = plantEconomics.currency
        discountRate = plant.scenario.economics.discountRate
        projectYears = plant.scenario.economics.projectYears
        self.plant = Plant(label: plantLabel, plantEconomics)
        self.baseline = Plant(label: "diesel only", baselineEconomics)
        self.comparison = Comparison(npcSavings: comparison.npcSavings, firstYearSavings: comparison.firstYearSavings,
                                     irr: comparison.irr, discountedPaybackYears: comparison.discountedPaybackYears,
                                     simplePaybackYears: comparison.simplePaybackYears)
        self.sensitivity = sensitivity
        grid = GridSummary(result: plant)
        years = plant.scenario.isStaged ? SummaryReport.years(of: plant, economics: plantEconomics) : nil
        assumptions = Self.assumptions(plant.scenario)
        components = [(plantLabel, plant), ("diesel only", baseline)].flatMap { label, result in
            LifetimeEconomics.components(result, assumptions: EconomicAssumptions(scenario: result.scenario)).map {
                Component(plant: label, name: $0.name, capex: $0.capex, fixedOMPerYear: $0.fixedOMPerYear,
                          lifeYears: $0.lifeYears.isFinite ? $0.lifeYears : nil)
            }
        }
    }

    private static func assumptions(_ scenario: Scenario) -> [Assumption] {
        let e = scenario.economics, c = scenario.carbon, money = e.currency
        return [
            Assumption(name: "discount_rate", value: e.discountRate, unit: "fraction per year (real)"),
            Assumption(name: "fuel_price_per_l", value: e.fuelPricePerL, unit: "\(money)/L"),
            Assumption(name: "fuel_price_escalation", value: e.fuelPriceEscalation, unit: "fraction per year"),
            Assumption(name: "carbon_price_per_t", value: c.pricePerT, unit: "\(money)/tCO2e"),
            Assumption(name: "carbon_price_escalation", value: c.priceEscalation, unit: "fraction per year"),
            Assumption(name: "origin_price_per_t", value: c.originPricePerT, unit: "\(money)/tCO2e"),
            Assumption(name: "pv_capex_per_kw", value: e.pvCapexPerKW, unit: "\(money)/kW DC"),
            Assumption(name: "pv_om_per_kw_year", value: e.pvOMPerKWYear, unit: "\(money)/kW/year"),
            Assumption(name: "pv_life_years", value: Double(ComponentLives.pvYears), unit: "years"),
            Assumption(name: "battery_capex_per_kwh", value: e.batteryCapexPerKWh, unit: "\(money)/kWh"),
            Assumption(name: "battery_capex_per_kw", value: e.batteryCapexPerKW, unit: "\(money)/kW"),
            Assumption(name: "battery_om_per_kwh_year", value: e.batteryOMPerKWhYear, unit: "\(money)/kWh/year"),
            Assumption(name: "diesel_capex_per_kw", value: e.dieselCapexPerKW, unit: "\(money)/kW"),
            Assumption(name: "diesel_om_per_hour", value: e.dieselOMPerHour, unit: "\(money) per unit-hour"),
            Assumption(name: "diesel_life_hours", value: e.dieselLifeHours, unit: "running hours"),
            Assumption(name: "diesel_life_years", value: e.dieselLifeYears, unit: "years"),
            Assumption(name: "diesel_overhaul_hours", value: e.dieselOverhaulHours, unit: "running hours"),
            Assumption(name: "diesel_overhaul_cost_fraction", value: e.dieselOverhaulCostFraction, unit: "of a new unit's capital cost"),
            Assumption(name: "grid_price_per_kwh", value: scenario.connectedGrid?.pricePerKWh ?? 0,
                       unit: scenario.connectedGrid?.priceCSVPath == nil ? "\(money)/kWh" : "\(money)/kWh (unused: price_csv gives the prices)"),
            Assumption(name: "grid_export_price_per_kwh", value: scenario.connectedGrid?.exportPricePerKWh ?? 0,
                       unit: scenario.connectedGrid?.exportPriceCSVPath == nil ? "\(money)/kWh" : "\(money)/kWh (unused: export_price_csv gives the prices)"),
            Assumption(name: "grid_demand_charge_per_kw_month", value: scenario.connectedGrid?.demandChargePerKWMonth ?? 0, unit: "\(money)/kW-month"),
            Assumption(name: "grid_fixed_charge_per_month", value: scenario.connectedGrid?.fixedChargePerMonth ?? 0, unit: "\(money)/month"),
            Assumption(name: "grid_price_escalation", value: scenario.connectedGrid?.priceEscalation ?? 0, unit: "fraction per year"),
            Assumption(name: "unserved_penalty_per_kwh", value: e.unservedPenaltyPerKWh, unit: "\(money)/kWh"),
        ]
    }
}

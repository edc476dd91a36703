/// `[economics]`: costs and the discounting of the lifetime cash flows.
public struct EconomicsConfig: Sendable, Equatable {
    /// ISO 4217 currency code for every money figure.
    public var currency = "USD"
    /// Real discount rate, fraction per year.
    public var discountRate: Double = 0.08
    /// Project life, years.
    public var projectYears: Int = 20
    /// PV capital cost per kW DC.
    public var pvCapexPerKW: Double = 750
    /// PV O&M per kW DC per year.
    public var pvOMPerKWYear: Double = 15
    /// Battery capital cost per kWh.
    public var batteryCapexPerKWh: Double = 220
    /// Battery capital cost per kW.
    public var batteryCapexPerKW: Double = 80
    /// Real yearly decline of battery prices (cells and power electronics), fraction: a purchase in
    /// project year y costs (1 − d)^y of today's price. 0 by default (today's prices throughout);
    /// NREL's ATB moderate projection (Cole and Karmakar, NREL/TP-6A40-85332, 2023) falls by about 3 %
    /// a year after 2030.
    public var batteryCapexDeclinePerYear: Double = 0
    /// Real yearly decline of PV prices, fraction: PV bought in project year y (an expansion or a
    /// replacement) costs (1 − d)^y of today's price. 0 by default; NREL's ATB 2024 moderate case
    /// falls by about 2–3 % a year to 2035.
    public var pvCapexDeclinePerYear: Double = 0
    /// Battery O&M per kWh per year.
    public var batteryOMPerKWhYear: Double = 5
    /// Genset capital cost per kW.
    public var dieselCapexPerKW: Double = 600
    /// Genset O&M per running unit-hour.
    public var dieselOMPerHour: Double = 25
    /// Genset life, running hours.
    public var dieselLifeHours: Double = 60_000
    /// Genset calendar life, years: a unit is replaced at this age whatever its hours (an assumption
    /// for engines kept in service; set it from the manufacturer's or the operator's practice).
    public var dieselLifeYears: Double = 25
    /// Running hours between major overhauls: 30,000, Cummins Power Generation, "Maintenance is one
    /// key to diesel generator set reliability", Power Topic #7004 ("30,000 hours or more between
    /// major overhauls"); engine makers quote 24,000–30,000 full-load hours.
    public var dieselOverhaulHours: Double = 30_000
    /// Cost of one major overhaul, fraction of a new unit's capital cost (an assumption: engine
    /// rebuilds are quoted at about a quarter of a new set; set it from a quote).
    public var dieselOverhaulCostFraction: Double = 0.25
    /// Fuel price per litre.
    public var fuelPricePerL: Double = 1.10
    /// Real fuel price escalation, fraction per year.
    public var fuelPriceEscalation: Double = 0.02
    /// Penalty per kWh of unserved energy.
    public var unservedPenaltyPerKWh: Double = 10

    /// Creates costs with desert-10k.toml's defaults.
    public init() {}

    init(_ section: inout ScenarioSection) throws {
        let d = EconomicsConfig()
        currency = try section.string("currency", default: d.currency)
        guard currency.count == 3, currency.allSatisfy({ $0.isUppercase }) else {
            throw section.error("currency", "'\(currency)' is not a three-letter ISO 4217 code")
        }
        discountRate = try section.double("discount_rate", default: d.discountRate, in: 0...0.5)
        projectYears = try section.int("project_years", default: d.projectYears, in: 1...100)
        pvCapexPerKW = try section.double("pv_capex_per_kw", default: d.pvCapexPerKW, in: 0...1e5)
        pvOMPerKWYear = try section.double("pv_om_per_kw_year", default: d.pvOMPerKWYear, in: 0...1e4)
        batteryCapexPerKWh = try section.double("battery_capex_per_kwh", default: d.batteryCapexPerKWh, in: 0...1e5)
        batteryCapexPerKW = try section.double("battery_capex_per_kw", default: d.batteryCapexPerKW, in: 0...1e5)
        batteryCapexDeclinePerYear = try section.double("battery_capex_decline_per_year", default: d.batteryCapexDeclinePerYear, in: 0...0.5)
        pvCapexDeclinePerYear = try section.double("pv_capex_decline_per_year", default: d.pvCapexDeclinePerYear, in: 0...0.5)
        batteryOMPerKWhYear = try section.double("battery_om_per_kwh_year", default: d.batteryOMPerKWhYear, in: 0...1e4)
        dieselCapexPerKW = try section.double("diesel_capex_per_kw", default: d.dieselCapexPerKW, in: 0...1e5)
        dieselOMPerHour = try section.double("diesel_om_per_hour", default: d.dieselOMPerHour, in: 0...1e5)
        dieselLifeHours = try section.positive("diesel_life_hours", default: d.dieselLifeHours, max: 1e7)
        dieselLifeYears = try section.positive("diesel_life_years", default: d.dieselLifeYears, max: 100)
        dieselOverhaulHours = try section.positive("diesel_overhaul_hours", default: d.dieselOverhaulHours, max: 1e7)
        dieselOverhaulCostFraction = try section.double("diesel_overhaul_cost_fraction", default: d.dieselOverhaulCostFraction, in: 0...1)
        fuelPricePerL = try section.double("fuel_price_per_l", default: d.fuelPricePerL, in: 0...100)
        fuelPriceEscalation = try section.double("fuel_price_escalation", default: d.fuelPriceEscalation, in: -0.5...0.5)
        unservedPenaltyPerKWh = try section.double("unserved_penalty_per_kwh", default: d.unservedPenaltyPerKWh, in: 0...1e4)
        try section.finish()
    }
}

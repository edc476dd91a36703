/// `[battery]`: the battery energy storage system.
public struct BatteryConfig: Sendable, Equatable {
    /// Usable nameplate energy, kWh.
    public var energyKWh: Double
    /// Charge and discharge power limit at the AC bus, kW.
    public var powerKW: Double
    /// Charging efficiency, fraction (energy stored per kWh drawn): the square root of
    /// ``defaultRoundTripEfficiency`` unless set.
    public var chargeEfficiency: Double = Self.defaultRoundTripEfficiency.squareRoot()
    /// Discharging efficiency, fraction (energy delivered per kWh drawn from storage): the square
    /// root of ``defaultRoundTripEfficiency`` unless set.
    public var dischargeEfficiency: Double = Self.defaultRoundTripEfficiency.squareRoot()
    /// Auxiliary consumption (HVAC, BMS, controls), kW, drawn from the bus while the battery is online; 0 by default.
    public var auxiliaryKW: Double = 0
    /// Lowest state of charge, fraction.
    public var socMin: Double = 0.10
    /// Highest state of charge, fraction.
    public var socMax: Double = 0.95
    /// State of charge at the start, fraction.
    public var socInitial: Double = 0.50
    /// Ride-through reserve, fraction: used only when nothing else is left.
    public var reserveSOC: Double = 0.20
    /// Self-discharge, fraction of stored energy per day.
    public var selfDischargePerDay: Double = 0.0005
    /// Equivalent full cycles to 80 % capacity.
    public var cycleLife: Double = 6000
    /// Calendar life to 80 % capacity, years.
    public var calendarLifeYears: Double = 15
    /// Response time, milliseconds.
    public var responseMS: Double = 20
    /// Wear cost of throughput, currency per kWh (optimal dispatch).
    public var wearCostPerKWh: Double = 0.02
    /// How the cells are kept over the project.
    public var augmentation: BatteryAugmentation = .replace
    /// Life of the power electronics (inverter, PCS), years: they are bought again (at
    /// `battery_capex_per_kw`) at this age, apart from the cells. 15 years is the system life NREL's
    /// ATB assumes for utility-scale battery storage (W. Cole and A. Karmakar, NREL/TP-6A40-85332, 2023).
    public var inverterLifeYears: Double = 15

    /// AC-to-AC round-trip efficiency of a utility-scale lithium-ion system, fraction: 85 %, the
    /// value of NREL's Annual Technology Baseline for utility-scale battery storage (W. Cole and
    /// A. Karmakar, "Cost Projections for Utility-Scale Battery Storage: 2023 Update",
    /// NREL/TP-6A40-85332), inside the 85–88 % field range; split evenly between charge and discharge.
    public static let defaultRoundTripEfficiency = 0.85

    /// AC round-trip efficiency, fraction: charge × discharge efficiency.
    public var roundTripEfficiency: Double { chargeEfficiency * dischargeEfficiency }

    /// Creates a battery of the given size with desert-10k.toml's other defaults.
    public init(energyKWh: Double, powerKW: Double) {
        self.energyKWh = energyKWh
        self.powerKW = powerKW
    }

    init(_ section: inout ScenarioSection) throws {
        energyKWh = try section.positive("energy_kwh", max: 1e10)
        powerKW = try section.positive("power_kw", max: 1e10)
        let defaults = BatteryConfig(energyKWh: energyKWh, powerKW: powerKW)
        try readEfficiencies(&section, defaults: defaults)
        auxiliaryKW = try section.double("auxiliary_kw", default: defaults.auxiliaryKW, in: 0...1e9)
        socMin = try section.double("soc_min", default: defaults.socMin, in: 0...1)
        socMax = try section.double("soc_max", default: defaults.socMax, in: 0...1)
        guard socMin < socMax else { throw section.error("soc_min", "must be below soc_max (\(socMax)), found \(socMin)") }
        socInitial = try section.double("soc_initial", default: defaults.socInitial, in: socMin...socMax)
        reserveSOC = try section.double("reserve_soc", default: defaults.reserveSOC, in: socMin...socMax)
        selfDischargePerDay = try section.double("self_discharge_per_day", default: defaults.selfDischargePerDay, in: 0...0.5)
        cycleLife = try section.positive("cycle_life", default: defaults.cycleLife, max: 1e6)
        calendarLifeYears = try section.positive("calendar_life_years", default: defaults.calendarLifeYears, max: 100)
        responseMS = try section.double("response_ms", default: defaults.responseMS, in: 0...60_000)
        wearCostPerKWh = try section.double("wear_cost_per_kwh", default: defaults.wearCostPerKWh, in: 0...100)
        augmentation = BatteryAugmentation(rawValue: try section.choice("augmentation", default: defaults.augmentation.rawValue,
                                                                        in: BatteryAugmentation.allCases.map(\.rawValue)))!
        inverterLifeYears = try section.positive("inverter_life_years", default: defaults.inverterLifeYears, max: 100)
        try section.finish()
    }

    /// `round_trip_efficiency` (split evenly), or `charge_efficiency` and `discharge_efficiency`; not both.
    private mutating func readEfficiencies(_ section: inout ScenarioSection, defaults: BatteryConfig) throws {
        if section.contains("round_trip_efficiency") {
            let roundTrip = try section.positive("round_trip_efficiency", max: 1)
            for key in ["charge_efficiency", "discharge_efficiency"] where section.contains(key) {
                throw section.error(key, "give either round_trip_efficiency or charge_efficiency and discharge_efficiency, not both")
            }
            chargeEfficiency = roundTrip.squareRoot()
            dischargeEfficiency = roundTrip.squareRoot()
            return
        }
        chargeEfficiency = try section.positive("charge_efficiency", default: defaults.chargeEfficiency, max: 1)
        dischargeEfficiency = try section.positive("discharge_efficiency", default: defaults.dischargeEfficiency, max: 1)
    }
}

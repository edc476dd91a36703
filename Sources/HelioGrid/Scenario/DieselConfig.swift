/// `[diesel]`: a fleet of identical diesel gensets.
public struct DieselConfig: Sendable, Equatable {
    /// Number of units.
    public var units: Int
    /// Rating of one unit, kW.
    public var unitKW: Double
    /// Minimum loading of a running unit, fraction of its rating.
    public var minLoadRatio: Double = 0.30
    /// No-load fuel, litres per hour per kW of running rated capacity.
    public var fuelInterceptLPerKWhRated: Double = 0.018
    /// Incremental fuel, litres per kWh of output.
    public var fuelSlopeLPerKWh: Double = 0.245
    /// Time from start command to carrying load, seconds.
    public var startSeconds: Double = 10
    /// Minimum run time after a start, hours.
    public var minRunHours: Double = 1
    /// CO₂ emitted per litre burnt, kg (IPCC 2006 default for gas/diesel oil).
    public var co2KgPerL: Double = 2.68
    /// CH₄ per litre, g.
    public var ch4GPerL: Double = 0.11
    /// N₂O per litre, g.
    public var n2oGPerL: Double = 0.02
    /// The units' power rating (ISO 8528-1): what duty they may run.
    public var rating: GensetRating = .prime
    /// Fuel burnt by one start (cranking, warm-up before carrying load), litres; 0 assumes none.
    public var startFuelL: Double = 0
    /// Wear cost of one start (starter, wet stacking, maintenance brought forward), currency; 0 assumes none.
    public var startCost: Double = 0
    /// Ambient temperature above which output is derated, °C.
    public var derateAboveC: Double = 40
    /// Output lost per °C above ``derateAboveC``, fraction of the rating.
    public var deratePerC: Double = 0.006
    /// Site elevation above which output is derated, m.
    public var derateAboveM: Double = 1000
    /// Output lost per 100 m above ``derateAboveM``, fraction of the rating.
    public var deratePer100M: Double = 0.006

    /// Creates a fleet of `units` × `unitKW` with desert-10k.toml's other defaults.
    public init(units: Int, unitKW: Double) {
        self.units = units
        self.unitKW = unitKW
    }

    /// Rated capacity of the whole fleet, kW.
    public var fleetKW: Double { Double(units) * unitKW }

    init(_ section: inout ScenarioSection) throws {
        units = try section.int("units", in: 1...10_000)
        unitKW = try section.positive("unit_kw", max: 1e7)
        let defaults = DieselConfig(units: units, unitKW: unitKW)
        minLoadRatio = try section.double("min_load_ratio", default: defaults.minLoadRatio, in: 0...0.9)
        fuelInterceptLPerKWhRated = try section.double("fuel_intercept_l_per_kwh_rated", default: defaults.fuelInterceptLPerKWhRated, in: 0...1)
        fuelSlopeLPerKWh = try section.positive("fuel_slope_l_per_kwh", default: defaults.fuelSlopeLPerKWh, max: 1)
        startSeconds = try section.double("start_seconds", default: defaults.startSeconds, in: 0...3600)
        minRunHours = try section.double("min_run_hours", default: defaults.minRunHours, in: 0...168)
        co2KgPerL = try section.double("co2_kg_per_l", default: defaults.co2KgPerL, in: 0...10)
        ch4GPerL = try section.double("ch4_g_per_l", default: defaults.ch4GPerL, in: 0...100)
        n2oGPerL = try section.double("n2o_g_per_l", default: defaults.n2oGPerL, in: 0...100)
        let ratingName = try section.choice("rating", default: defaults.rating.rawValue, in: GensetRating.allCases.map(\.rawValue))
        rating = GensetRating(rawValue: ratingName)!
        startFuelL = try section.double("start_fuel_l", default: defaults.startFuelL, in: 0...1000)
        startCost = try section.double("start_cost", default: defaults.startCost, in: 0...1e7)
        derateAboveC = try section.double("derate_above_c", default: defaults.derateAboveC, in: -60...80)
        deratePerC = try section.double("derate_per_c", default: defaults.deratePerC, in: 0...0.05)
        derateAboveM = try section.double("derate_above_m", default: defaults.derateAboveM, in: 0...9000)
        deratePer100M = try section.double("derate_per_100_m", default: defaults.deratePer100M, in: 0...0.1)
        try section.finish()
    }
}

extension DieselConfig {
    /// Fuel burnt over `hours` by `units` running units producing `outputKW` on average, litres:
    /// F = (F₀ · P_rated · units + F₁ · P_out) · Δt (HOMER Pro manual, "Generator Fuel Curve").
    @inline(__always)
    public func fuelL(units: Int, outputKW: Double, hours: Double) -> Double {
        guard units > 0 else { return 0 }
        return (fuelInterceptLPerKWhRated * unitKW * Double(units) + fuelSlopeLPerKWh * outputKW) * hours
    }

    /// Share of the rating a unit can deliver at `ambientC` and `elevationM`: one less the
    /// temperature and altitude deratings, each linear above its threshold.
    ///
    /// The form of ISO 3046-1 power adjustment from its standard reference conditions as
    /// manufacturers publish it for generating sets (ISO 8528-1 ratings): full output up to a site
    /// temperature and altitude, then a fixed loss per degree and per metre. The defaults, 3 % per
    /// 5 °C above 40 °C and 3 % per 500 m above 1,000 m, are the derating tables of the Wacker Neuson
    /// G-series and Pramac P-series generating-set operator manuals (section "Generator derating").
    /// Never below 0.
    @inline(__always)
    public func ratingFactor(ambientC: Double, elevationM: Double) -> Double {
        let heat = deratePerC * max(0, ambientC - derateAboveC)
        let altitude = deratePer100M * max(0, elevationM - derateAboveM) / 100
        return max(0, 1 - heat - altitude)
    }

    /// The emission factor of this fleet's fuel under `gwp` (``DieselEmissionFactor``).
    public func emissionFactor(gwp: GlobalWarmingPotentials) -> DieselEmissionFactor {
        DieselEmissionFactor(co2KgPerL: co2KgPerL, ch4GPerL: ch4GPerL, n2oGPerL: n2oGPerL, gwp: gwp)
    }
}

/// Energy, fuel and emission totals over a period (a year or a whole run).
public struct EnergyTotals: Sendable, Equatable {
    /// Facility demand, kWh.
    public var loadKWh = 0.0
    /// IT demand, kWh.
    public var itKWh = 0.0
    /// Battery auxiliaries (HVAC, BMS), kWh: part of ``loadKWh``.
    public var batteryAuxiliaryKWh = 0.0
    /// Demand served, kWh.
    public var servedKWh = 0.0
    /// Demand not served, kWh.
    public var unservedKWh = 0.0
    /// PV available, kWh.
    public var pvAvailableKWh = 0.0
    /// PV used, kWh.
    public var pvUsedKWh = 0.0
    /// PV curtailed, kWh.
    public var pvCurtailedKWh = 0.0
    /// Energy into the battery at the bus, kWh.
    public var batteryChargeKWh = 0.0
    /// Energy out of the battery at the bus, kWh.
    public var batteryDischargeKWh = 0.0
    /// Genset output, kWh.
    public var dieselKWh = 0.0
    /// Grid import, kWh.
    public var gridImportKWh = 0.0
    /// Grid export, kWh.
    public var gridExportKWh = 0.0
    /// Grid imports at each step's price, currency (year-1 prices).
    public var gridImportCost = 0.0
    /// Grid exports at each step's export price, currency (year-1 prices).
    public var gridExportRevenue = 0.0
    /// Highest import of each calendar month, kW (a step's average); 12 entries with a grid, else none.
    public var monthlyPeakImportKW: [Double] = []
    /// Demand charges: each month's peak import times `demand_charge_per_kw_month`, currency.
    public var gridDemandCharge = 0.0
    /// Fixed monthly charges, currency.
    public var gridFixedCharge = 0.0
    /// Fuel burnt, litres.
    public var fuelL = 0.0
    /// Scope 1 (genset fuel), kgCO₂e.
    public var scope1KgCO2e = 0.0
    /// Scope 2 location-based (grid import), kgCO₂e.
    public var scope2LocationKgCO2e = 0.0
    /// Hours with at least one genset running.
    public var dieselRunHours = 0.0
    /// Unit-hours run, summed over units.
    public var dieselUnitRunHours = 0.0
    /// Genset starts.
    public var dieselStarts = 0
    /// Service of the GPU work in flexible operation (zeros when rigid).
    public var compute = ComputeTotals()
    /// Hours with unserved demand.
    public var lossOfLoadHours = 0.0
    /// Shortfalls: runs of consecutive steps with unserved energy (a run continuing from the previous
    /// year counts in that year).
    public var lossOfLoadEvents = 0
    /// Largest unserved power in one step, kW.
    public var maxUnservedKW = 0.0
    /// Hours in which the facility load exceeded the genset fleet less its largest unit.
    public var nMinusOneShortHours = 0.0
    /// Days on which the gensets' energy exceeded 70 % of the running units' rated energy (ISO 8528-1 PRP).
    public var dieselDaysOverPrimeLimit = 0

    /// Creates zero totals.
    public init() {}

    /// Adds another period's totals (maxima, and each month's peak, take the larger).
    public mutating func add(_ other: EnergyTotals) {
        compute.add(other.compute)
        loadKWh += other.loadKWh
        itKWh += other.itKWh
        batteryAuxiliaryKWh += other.batteryAuxiliaryKWh
        servedKWh += other.servedKWh
        unservedKWh += other.unservedKWh
        pvAvailableKWh += other.pvAvailableKWh
        pvUsedKWh += other.pvUsedKWh
        pvCurtailedKWh += other.pvCurtailedKWh
        batteryChargeKWh += other.batteryChargeKWh
        batteryDischargeKWh += other.batteryDischargeKWh
        dieselKWh += other.dieselKWh
        gridImportKWh += other.gridImportKWh
        gridExportKWh += other.gridExportKWh
        gridImportCost += other.gridImportCost
        gridExportRevenue += other.gridExportRevenue
        monthlyPeakImportKW = monthlyPeakImportKW.isEmpty ? other.monthlyPeakImportKW
            : zip(monthlyPeakImportKW, other.monthlyPeakImportKW).map { max($0, $1) }
        gridDemandCharge += other.gridDemandCharge
        gridFixedCharge += other.gridFixedCharge
        fuelL += other.fuelL
        scope1KgCO2e += other.scope1KgCO2e
        scope2LocationKgCO2e += other.scope2LocationKgCO2e
        dieselRunHours += other.dieselRunHours
        dieselUnitRunHours += other.dieselUnitRunHours
        dieselStarts += other.dieselStarts
        lossOfLoadHours += other.lossOfLoadHours
        lossOfLoadEvents += other.lossOfLoadEvents
        maxUnservedKW = max(maxUnservedKW, other.maxUnservedKW)
        nMinusOneShortHours += other.nMinusOneShortHours
        dieselDaysOverPrimeLimit += other.dieselDaysOverPrimeLimit
    }

    /// What the grid cost: imports less export revenue plus demand and fixed charges, currency.
    public var gridCost: Double { gridImportCost - gridExportRevenue + gridDemandCharge + gridFixedCharge }

    /// Scope 1 + Scope 2 location-based, kgCO₂e.
    public var emissionsKgCO2e: Double { scope1KgCO2e + scope2LocationKgCO2e }

    /// Carbon intensity of served energy, gCO₂e/kWh: (Scope 1 + Scope 2 location-based) / served (0 when nothing was served).
    public var intensityGPerKWh: Double { servedKWh > 0 ? emissionsKgCO2e * 1000 / servedKWh : 0 }

    /// Renewable fraction of served energy: 1 − (genset + grid energy) / served energy, the HOMER
    /// definition (HOMER Pro manual, "Renewable Fraction"); 0 when nothing was served.
    public var renewableFraction: Double {
        servedKWh > 0 ? 1 - (dieselKWh + gridImportKWh) / servedKWh : 0
    }
}

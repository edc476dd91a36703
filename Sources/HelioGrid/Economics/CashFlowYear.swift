/// One project year of lifetime cash flows (costs positive, salvage a credit), real money.
public struct CashFlowYear: Sendable, Equatable, Codable {
    /// Project year: 0 is the up-front investment, 1…N the operating years.
    public var year: Int
    /// Calendar year.
    public var calendarYear: Int
    /// Capital: the initial plant in year 0, expansions (`[[expansions]]`) in the year before they run.
    public var capex: Double
    /// Replacements of components whose life ran out in this year.
    public var replacement: Double
    /// Fixed O&M plus genset O&M per running hour.
    public var operationsAndMaintenance: Double
    /// Fuel, escalated.
    public var fuel: Double
    /// Carbon price × Scope 1 + 2 emissions, escalated.
    public var carbon: Double
    /// Grid energy bought less export revenue, escalated.
    public var gridEnergy: Double
    /// Grid demand and fixed charges, escalated.
    public var gridCharges: Double
    /// Unserved-energy penalty.
    public var unservedPenalty: Double
    /// GPU work lost to power caps in flexible operation, at `throughput_cost_per_gpu_hour`.
    public var throughputLost: Double
    /// Salvage value credited at the end of the project (0 before the last year).
    public var salvage: Double
    /// Energy served, kWh.
    public var servedKWh: Double
    /// Net cost of the year: all costs less salvage.
    public var total: Double
    /// Present-value factor (1 + i)^−year.
    public var discountFactor: Double
    /// `total` × `discountFactor`.
    public var discounted: Double

    /// Adds an expansion's capital, fixed O&M, replacements and salvage (``ExpansionCosts``) to the year.
    mutating func add(capex addedCapex: Double, fixedOM: Double, replacement addedReplacement: Double, salvage addedSalvage: Double) {
        capex += addedCapex
        operationsAndMaintenance += fixedOM
        replacement += addedReplacement
        salvage += addedSalvage
        total += addedCapex + fixedOM + addedReplacement - addedSalvage
        discounted = total * discountFactor
    }

    enum CodingKeys: String, CodingKey {
        case year, capex, replacement, fuel, carbon, salvage, total, discounted
        case calendarYear = "calendar_year", operationsAndMaintenance = "om", gridEnergy = "grid_energy"
        case unservedPenalty = "unserved_penalty", servedKWh = "served_kwh", discountFactor = "discount_factor"
        case throughputLost = "throughput_lost", gridCharges = "grid_charges"
    }
}

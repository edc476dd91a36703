import Foundation

/// The prices, rates and horizon the lifetime cash flows use, taken from a scenario's `[economics]`,
/// `[carbon]` and `[grid]` sections; a sensitivity case scales one of them.
public struct EconomicAssumptions: Sendable, Equatable {
    /// ISO 4217 code of every money figure.
    public var currency: String
    /// Real discount rate, fraction per year.
    public var discountRate: Double
    /// Project life, years.
    public var projectYears: Int
    /// Calendar year of project year 1.
    public var firstYear: Int
    /// Fuel price in year 1, per litre.
    public var fuelPricePerL: Double
    /// Real fuel price escalation, fraction per year.
    public var fuelPriceEscalation: Double
    /// Carbon price charged in year 1 (scenario price less the price paid at origin, never below 0), per tCO₂e.
    public var carbonPricePerT: Double
    /// Real carbon price escalation, fraction per year.
    public var carbonPriceEscalation: Double
    /// PV capital cost per kW DC.
    public var pvCapexPerKW: Double
    /// Battery capital cost per kWh.
    public var batteryCapexPerKWh: Double
    /// Battery capital cost per kW.
    public var batteryCapexPerKW: Double
    /// Real yearly decline of battery prices, fraction.
    public var batteryCapexDeclinePerYear: Double
    /// Real yearly decline of PV prices, fraction.
    public var pvCapexDeclinePerYear: Double
    /// Genset O&M per running unit-hour.
    public var dieselOMPerHour: Double
    /// Wear cost per genset start, currency (`[diesel] start_cost`).
    public var dieselStartCost: Double
    /// Real escalation of grid prices and charges, fraction per year (`[grid] price_escalation`).
    public var gridPriceEscalation: Double
    /// Penalty per kWh of unserved energy.
    public var unservedPenaltyPerKWh: Double
    /// Cost of a kWh of GPU work lost to power caps (``ComputeCosts/throughputPerKWh``).
    public var throughputLostPerKWh: Double

    /// The assumptions of `scenario`.
    public init(scenario: Scenario) {
        let economics = scenario.economics, carbon = scenario.carbon
        currency = economics.currency
        discountRate = economics.discountRate
        projectYears = economics.projectYears
        firstYear = carbon.firstYear
        fuelPricePerL = economics.fuelPricePerL
        fuelPriceEscalation = economics.fuelPriceEscalation
        carbonPricePerT = max(0, carbon.pricePerT - carbon.originPricePerT)
        carbonPriceEscalation = carbon.priceEscalation
        pvCapexPerKW = economics.pvCapexPerKW
        batteryCapexPerKWh = economics.batteryCapexPerKWh
        batteryCapexPerKW = economics.batteryCapexPerKW
        batteryCapexDeclinePerYear = economics.batteryCapexDeclinePerYear
        pvCapexDeclinePerYear = economics.pvCapexDeclinePerYear
        dieselOMPerHour = economics.dieselOMPerHour
        dieselStartCost = scenario.diesel?.startCost ?? 0
        gridPriceEscalation = scenario.connectedGrid?.priceEscalation ?? 0
        unservedPenaltyPerKWh = economics.unservedPenaltyPerKWh
        throughputLostPerKWh = ComputeCosts(scenario: scenario).throughputPerKWh
    }

    /// Present-value factor of a cash flow at the end of `year`: (1 + i)^−year.
    public func discountFactor(year: Double) -> Double {
        1 / pow(1 + discountRate, year)
    }

    /// Capital recovery factor i(1+i)^N / ((1+i)^N − 1); 1/N at a zero rate.
    public var capitalRecoveryFactor: Double {
        let n = Double(projectYears)
        guard discountRate > 0 else { return 1 / n }
        return discountRate / (1 - pow(1 + discountRate, -n))
    }
}

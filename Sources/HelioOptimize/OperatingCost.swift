import HelioGrid

/// The dispatch objective evaluated on a finished run, so strategies can be ranked on one scale:
/// fuel (start fuel included), CO₂e at the net carbon price, genset O&M per unit-hour and wear per start, battery wear per kWh charged and
/// discharged, the grid's bill (energy at each step's price less export revenue, demand and fixed charges), unserved penalty and GPU work lost to power caps, at year-1 prices
/// (``DispatchProblem``'s objective, with flexible operation's ``ComputeCosts``).
public enum OperatingCost {
    /// Cost of a run over all its years, currency.
    public static func of(_ result: SimulationResult) -> Double {
        let scenario = result.scenario, t = result.totals
        let carbonPrice = max(0, scenario.carbon.pricePerT - scenario.carbon.originPricePerT)
        let wear = (scenario.battery?.wearCostPerKWh ?? 0) * (t.batteryChargeKWh + t.batteryDischargeKWh)
        return t.fuelL * scenario.economics.fuelPricePerL
            + t.emissionsKgCO2e / 1000 * carbonPrice
            + t.dieselUnitRunHours * scenario.economics.dieselOMPerHour
            + Double(t.dieselStarts) * (scenario.diesel?.startCost ?? 0)
            + wear
            + t.gridCost
            + t.unservedKWh * scenario.economics.unservedPenaltyPerKWh
            + t.compute.trainingLostKWh * ComputeCosts(scenario: scenario).throughputPerKWh
    }
}

/// The prices flexible operation weighs when it caps training power (docs/compute.md): the diesel
/// energy and unserved energy a cap avoids against the GPU work it loses. Deferring batch work within
/// its deadline costs nothing.
public struct ComputeCosts: Sendable, Equatable {
    /// Cost of a kWh from the gensets at their target loading: fuel and year-1 carbon, currency/kWh
    /// (fuel per kWh = slope + intercept / loading, the HOMER fuel curve).
    public var dieselPerKWh: Double
    /// Cost of a kWh of GPU work lost: `throughput_cost_per_gpu_hour` over one GPU's power, currency/kWh.
    public var throughputPerKWh: Double
    /// Cost of a kWh not served: `[economics] unserved_penalty_per_kwh`.
    public var unservedPerKWh: Double

    /// The given prices, currency/kWh.
    public init(dieselPerKWh: Double, throughputPerKWh: Double, unservedPerKWh: Double) {
        self.dieselPerKWh = dieselPerKWh
        self.throughputPerKWh = throughputPerKWh
        self.unservedPerKWh = unservedPerKWh
    }

    /// The prices of `scenario`.
    public init(scenario: Scenario) {
        let plant = PlantModel(scenario: scenario)
        var dieselPerKWh = 0.0
        if let diesel = scenario.diesel {
            let litresPerKWh = diesel.fuelSlopeLPerKWh + diesel.fuelInterceptLPerKWhRated / scenario.dispatch.dieselTargetLoading
            dieselPerKWh = litresPerKWh * (scenario.economics.fuelPricePerL + plant.fuelKgCO2ePerL * scenario.carbon.pricePerT / 1000)
        }
        self.init(dieselPerKWh: dieselPerKWh,
                  throughputPerKWh: scenario.load.flexibility.throughputCostPerGPUHour / ComputeProfile.gpuKW(scenario.load),
                  unservedPerKWh: scenario.economics.unservedPenaltyPerKWh)
    }
}

import HelioGrid

/// The live EMS's hourly forecasters, from the scenario's modelled year (``ModelYearForecaster``):
/// PV blended from the present measurement back to the model over
/// ``pvBlendHours`` (the ratio taken only while the model is above 1 % of the DC
/// rating, so dawn and dusk do not make it noisy), load and IT power and the grid factor from the model.
public struct LiveForecasts: Sendable {
    /// PV available, kW.
    public var pv: ModelYearForecaster
    /// Facility load, kW.
    public var load: ModelYearForecaster
    /// IT load, kW.
    public var it: ModelYearForecaster
    /// Grid emission factor, gCO₂e/kWh (`nil` without a grid).
    public var gridCarbon: ModelYearForecaster?
    /// Gensets' rating factor (ambient derating of the modelled year; `nil` when never derated).
    public var dieselRating: ModelYearForecaster?
    /// Grid import and export prices, currency/kWh: the tariff at the clock's time of year (`nil` without a grid).
    public var importPrice: ModelYearForecaster?, exportPrice: ModelYearForecaster?

    /// Hours over which the live PV forecast blends from the measurement back to the model.
    public static let pvBlendHours = 6.0

    /// A plan step's value from the weather forecast, where it covers the step.
    public typealias HourlyForecast = @Sendable (Int) -> Double?

    /// The forecasters of `scenario`'s modelled year in `inputs`, with `weather`'s forecast hours where it has them.
    public init(scenario: Scenario, inputs: SimulationInputs, weather: WeatherForecastOverlay? = nil) {
        let axis = inputs.axis
        pv = ModelYearForecaster(values: inputs.pvAvailableKW, axis: axis, blendHours: Self.pvBlendHours,
                                 ratioThreshold: 0.01 * (scenario.pv?.dcKW ?? 0), forecast: weather.map(Self.pvForecast))
        load = ModelYearForecaster(values: inputs.load.facilityKW, axis: axis, forecast: Self.facilityForecast(scenario, inputs: inputs, weather: weather))
        it = ModelYearForecaster(values: inputs.load.itKW, axis: axis)
        gridCarbon = inputs.gridCarbonGPerKWh.isEmpty ? nil : ModelYearForecaster(values: inputs.gridCarbonGPerKWh, axis: axis)
        importPrice = inputs.gridPricePerKWh.isEmpty ? nil : ModelYearForecaster(values: inputs.gridPricePerKWh, axis: axis)
        exportPrice = inputs.gridExportPricePerKWh.isEmpty ? nil : ModelYearForecaster(values: inputs.gridExportPricePerKWh, axis: axis)
        let derating = Self.deratingForecast(scenario, weather: weather)
        dieselRating = inputs.gensetRatingFactor.isEmpty && derating == nil
            ? nil : ModelYearForecaster(values: inputs.gensetRatingFactors, axis: axis, forecast: derating)
    }

    /// PV under the forecast weather.
    private static func pvForecast(_ weather: WeatherForecastOverlay) -> HourlyForecast {
        { hour in weather.pvKW(hour: hour) }
    }

    /// The gensets' rating factor at the forecast temperature (``DieselConfig/ratingFactor(ambientC:elevationM:)``).
    private static func deratingForecast(_ scenario: Scenario, weather: WeatherForecastOverlay?) -> HourlyForecast? {
        guard let weather, let diesel = scenario.diesel else { return nil }
        let elevationM = weather.site.elevationM
        return { hour in weather.tempC(hour: hour).map { diesel.ratingFactor(ambientC: $0, elevationM: elevationM) } }
    }

    /// The modelled cluster's facility power at the forecast temperature (``CoolingModel``, the
    /// battery's auxiliaries added), for hours the weather forecast covers; `nil` for a load CSV.
    private static func facilityForecast(_ scenario: Scenario, inputs: SimulationInputs, weather: WeatherForecastOverlay?) -> HourlyForecast? {
        guard let weather, scenario.load.kind == .gpuCluster else { return nil }
        let cooling = CoolingModel(config: scenario.load.cooling), designITKW = GPUClusterLoad(config: scenario.load).peakITKW
        let itKW = inputs.load.itKW, axis = inputs.axis, auxiliaryKW = inputs.load.batteryAuxiliaryKW
        return { hour in
            guard let tempC = weather.tempC(hour: hour) else { return nil }
            let it = itKW[axis.stepIndex(at: PlantTime(hourIndex: hour))]
            return cooling.facilityKW(itKW: it, ambientC: tempC, designITKW: designITKW) + auxiliaryKW
        }
    }
}

import HelioGrid

/// The live EMS's hourly forecasters, from the scenario's modelled year (``ModelYearForecaster``):
/// PV blended from the present measurement back to the model over
/// ``StrategyFactory/livePVBlendHours`` (the ratio taken only while the model is above 1 % of the DC
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

    /// The forecasters of `scenario`'s modelled year in `inputs`.
    public init(scenario: Scenario, inputs: SimulationInputs) {
        let axis = inputs.axis
        pv = ModelYearForecaster(values: inputs.pvAvailableKW, axis: axis, blendHours: StrategyFactory.livePVBlendHours,
                                 ratioThreshold: 0.01 * (scenario.pv?.dcKW ?? 0))
        load = ModelYearForecaster(values: inputs.load.facilityKW, axis: axis)
        it = ModelYearForecaster(values: inputs.load.itKW, axis: axis)
        gridCarbon = inputs.gridCarbonGPerKWh.isEmpty ? nil : ModelYearForecaster(values: inputs.gridCarbonGPerKWh, axis: axis)
        dieselRating = inputs.gensetRatingFactor.isEmpty ? nil : ModelYearForecaster(values: inputs.gensetRatingFactor, axis: axis)
    }
}

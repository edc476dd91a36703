import HelioGrid

/// A live forecast from the scenario's modelled year: plan step k is the clock hour (or
/// `planStepHours`) starting k steps after the Unix epoch, read from the model series at that time
/// of year (``TimeAxis/stepIndex(unixMS:)``). With a blend it scales the model by the latest
/// measured-to-model ratio (clamped to 0…1.5, taken when the model is above `ratioThreshold`), that
/// ratio fading linearly to 1 over `blendHours`: persistence of the present error blended into the
/// model, the standard reference forecast of the solar-forecasting literature (J. Antonanzas et al.,
/// "Review of photovoltaic power forecasting", Solar Energy 136, 2016, §3). Where a numerical weather
/// prediction covers a step (`forecast`, from ``WeatherForecastOverlay``), its value replaces the
/// model's, and the ratio is taken against it.
public struct ModelYearForecaster: Forecaster {
    private let values: [Double]
    private let axis: TimeAxis
    private let planStep: Duration
    private let blendHours: Double
    private let ratioThreshold: Double
    private let forecast: LiveForecasts.HourlyForecast?
    private var ratio = 1.0

    /// A forecaster over `values` (one per step of `axis`'s year); `blendHours` 0 gives the model
    /// alone; `forecast` gives a plan step's value from a weather forecast where it has one.
    public init(values: [Double], axis: TimeAxis, planStepHours: Double = 1, blendHours: Double = 0, ratioThreshold: Double = 0,
                forecast: LiveForecasts.HourlyForecast? = nil) {
        self.values = values
        self.axis = axis
        planStep = .hours(planStepHours)
        self.blendHours = blendHours
        self.ratioThreshold = ratioThreshold
        self.forecast = forecast
    }

    /// The value for plan step `step`: the weather forecast's where it covers the step, else the modelled year's.
    public func model(at step: Int) -> Double {
        forecast?(step) ?? values[axis.stepIndex(at: PlantTime(unixMS: 0) + planStep * step)]
    }

    public mutating func observe(step: Int, value: Double) {
        guard blendHours > 0 else { return }
        let model = model(at: step)
        ratio = model > ratioThreshold ? min(1.5, max(0, value / model)) : 1
    }

    /// The estimate for plan step `step` itself: the model scaled by the latest ratio in full.
    public func nowcast(at step: Int) -> Double {
        blended(step: step, aheadHours: 0)
    }

    public func forecast(after step: Int, count: Int) -> [Double] {
        let stepHours = planStep.hours
        return (0..<count).map { offset in blended(step: step + 1 + offset, aheadHours: Double(offset + 1) * stepHours) }
    }

    private func blended(step: Int, aheadHours: Double) -> Double {
        let weight = blendHours > 0 ? max(0, 1 - aheadHours / blendHours) : 0
        return model(at: step) * (1 + (ratio - 1) * weight)
    }
}

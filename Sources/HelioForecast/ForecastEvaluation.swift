import HelioGrid

/// Scores a forecaster by replaying a run's measurements: at each forecast origin it observes the
/// step's value and forecasts the following ones, which are compared with what was measured.
public enum ForecastEvaluation {
    /// Forecast origins scored at most (origins are spread evenly over the run beyond that).
    public static let maximumOrigins = 8_760

    /// Mean absolute and root-mean-square error of `forecaster` on `truth` (one value per plan step
    /// of `stepHours`), for leads of one step to `leadHours`.
    public static func errors(of forecaster: some Forecaster, truth: [Double], stepHours: Double, leadHours: Double)
        -> (mae: Double, rmse: Double) {
        var forecaster = forecaster
        let lead = max(1, Int((leadHours / stepHours).rounded()))
        let every = max(1, truth.count / maximumOrigins)
        var absolute = 0.0, squared = 0.0, scored = 0
        for step in 0..<truth.count {
            forecaster.observe(step: step, value: truth[step])
            guard step % every == 0, step + lead < truth.count else { continue }
            for (offset, value) in forecaster.forecast(after: step, count: lead).enumerated() {
                let error = value - truth[step + 1 + offset]
                absolute += abs(error)
                squared += error * error
                scored += 1
            }
        }
        guard scored > 0 else { return (0, 0) }
        return (absolute / Double(scored), (squared / Double(scored)).squareRoot())
    }

    /// The skill of `forecaster` named `name` against `reference` on `truth`.
    public static func skill(quantity: String, _ forecaster: some Forecaster, name: String, reference: some Forecaster, referenceName: String,
                             truth: [Double], stepHours: Double, leadHours: Double) -> ForecastSkill {
        let scored = errors(of: forecaster, truth: truth, stepHours: stepHours, leadHours: leadHours)
        let baseline = errors(of: reference, truth: truth, stepHours: stepHours, leadHours: leadHours)
        return ForecastSkill(quantity: quantity, forecaster: name, reference: referenceName, leadHours: leadHours, maeKW: scored.mae,
                             rmseKW: scored.rmse, referenceRMSEKW: baseline.rmse)
    }
}

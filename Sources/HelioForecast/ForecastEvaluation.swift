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

    /// The continuous ranked probability score (``ForecastSkill/crpsKW``) of `ensemble`'s members
    /// for PV and load, the point forecasters `pv` and `load` replayed over `truthPV` and `truthLoad`
    /// (one value per plan step of `stepHours`) as in a run, for leads of one step to `leadHours`:
    /// members are drawn from forecasts over every lead the ensemble keeps, as an MPC draws them.
    public static func ensembleCRPS(pv: some Forecaster, load: some Forecaster, ensemble: AnalogEnsemble, truthPV: [Double],
                                    truthLoad: [Double], stepHours: Double, leadHours: Double) -> (pvKW: Double, loadKW: Double) {
        var (pv, load) = (pv, load)
        let lead = max(1, Int((leadHours / stepHours).rounded()))
        let every = max(1, truthPV.count / maximumOrigins)
        var sums = (pv: 0.0, load: 0.0), scored = 0
        for step in 0..<truthPV.count {
            pv.observe(step: step, value: truthPV[step])
            load.observe(step: step, value: truthLoad[step])
            guard step % every == 0, step + lead < truthPV.count else { continue }
            let count = max(lead, ensemble.leads)
            let members = ensemble.members(at: step, pvKW: pv.forecast(after: step, count: count), loadKW: load.forecast(after: step, count: count))
            guard !members.isEmpty else { continue }
            for offset in 0..<lead {
                sums.pv += crps(members.map { $0.pvKW[offset] }, truthPV[step + 1 + offset])
                sums.load += crps(members.map { $0.loadKW[offset] }, truthLoad[step + 1 + offset])
                scored += 1
            }
        }
        guard scored > 0 else { return (0, 0) }
        return (sums.pv / Double(scored), sums.load / Double(scored))
    }

    /// The CRPS of the equally likely `values` for the outcome `outcome` (Gneiting and Raftery 2007, eq. 21).
    static func crps(_ values: [Double], _ outcome: Double) -> Double {
        let count = Double(values.count)
        var spread = 0.0
        for a in values { for b in values { spread += abs(a - b) } }
        return values.reduce(0) { $0 + abs($1 - outcome) } / count - spread / (2 * count * count)
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

/// How well a forecaster predicted one quantity over a run: the errors of its forecasts for the
/// next `leadHours` against what was then measured, and its skill against a reference forecaster,
/// s = 1 − RMSE / RMSE_reference (C. F. M. Coimbra, J. Kleissl and R. Marquez, "Overview of
/// solar-forecasting methods and a metric for accuracy evaluation", in *Solar Energy Forecasting and
/// Resource Assessment*, Academic Press, 2013, ch. 8): 0 is no better than the reference, 1 perfect.
public struct ForecastSkill: Sendable, Equatable {
    /// What is forecast (`pv`, `load`).
    public var quantity: String
    /// The forecaster evaluated and the reference.
    public var forecaster: String, reference: String
    /// Forecasts scored: every lead from one step to `leadHours` ahead.
    public var leadHours: Double
    /// Mean absolute and root-mean-square error, kW.
    public var maeKW: Double, rmseKW: Double
    /// The reference's root-mean-square error, kW.
    public var referenceRMSEKW: Double
    /// Members of the forecast ensemble the plans hedged across (1: the point forecast alone).
    public var members = 1
    /// Continuous ranked probability score of the members over the same forecasts, kW: the mean of
    /// (1/M) Σ|x_i − y| − (1/2M²) Σ_i Σ_j |x_i − x_j| over origins and leads (T. Gneiting and
    /// A. E. Raftery, "Strictly proper scoring rules, prediction, and estimation", J. Am. Stat.
    /// Assoc. 102, 2007, eq. 21); for one member it is the mean absolute error.
    public var crpsKW: Double

    /// Creates the figures; see the properties.
    public init(quantity: String, forecaster: String, reference: String, leadHours: Double, maeKW: Double, rmseKW: Double,
                referenceRMSEKW: Double) {
        self.quantity = quantity
        self.forecaster = forecaster
        self.reference = reference
        self.leadHours = leadHours
        self.maeKW = maeKW
        self.rmseKW = rmseKW
        self.referenceRMSEKW = referenceRMSEKW
        crpsKW = maeKW
    }

    /// 1 − RMSE / RMSE_reference (0 when the reference is perfect).
    public var skillScore: Double { referenceRMSEKW > 0 ? 1 - rmseKW / referenceRMSEKW : 0 }
}

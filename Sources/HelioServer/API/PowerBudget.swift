/// `GET /v1/power-budget`: per hour of the forward plan (``ForwardPlan``), the facility and IT power
/// the campus can count on — `clean`, what the plan carries from PV and the battery counting the PV
/// it curtails (no genset, no grid), `firm` with every genset and the grid —
/// with the expected intensity, for the GPU scheduler to place flexible jobs; and per hour the IT
/// power placed jobs reserve, curtailments shed and the flexible headroom left (``JobPlanner``).
struct PowerBudget: Encodable, Sendable {
    var hours: [ForecastHour]
    /// Flexible headroom per hour.
    var headroom: [HeadroomHour]
    /// The lowest firm IT power over the window, kW (what can run throughout).
    var minFirmITKW: Double
    /// The lowest clean IT power over the window, kW.
    var minCleanITKW: Double

    enum CodingKeys: String, CodingKey { case hours, headroom, minFirmITKW = "min_firm_it_kw", minCleanITKW = "min_clean_it_kw" }

    init(hours: [ForecastHour], headroom: [HeadroomHour]) {
        self.hours = hours
        self.headroom = headroom
        minFirmITKW = hours.map(\.firmITKW).min() ?? 0
        minCleanITKW = hours.map(\.cleanITKW).min() ?? 0
    }
}

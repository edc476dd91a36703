/// Probabilistic PV and load forecasts as equally likely members: the point forecast plus the errors
/// the same point forecasters made from analogous past situations.
///
/// This is the analog ensemble of L. Delle Monache, F. A. Eckel, D. L. Rife, B. Nagarajan and
/// K. Searight, "Probabilistic weather prediction with an analog ensemble", Monthly Weather Review
/// 141(10), 2013, in the form S. Alessandrini, L. Delle Monache, S. Sperati and G. Cervone applied
/// to PV, "An analog ensemble for short-term probabilistic solar power forecast", Applied Energy 157,
/// 2015: the past situations whose forecasts look most like the present one lend their observed
/// outcomes. Here they lend their forecast errors (whole trajectories over every lead, so each
/// member keeps the error's correlation in time and between PV and load), added to the present
/// point forecast:
///
///   member_m(t + L) = f(t + L) + e_{a_m}(L) · s(t + L) / s(a_m + L),
///
/// with f the point forecast, e_a(L) the error the point forecaster made at lead L from analog start
/// a, and s the scale the error is carried in: PV's clear-sky output (errors move between days as
/// clear-sky-index errors; zero at night), 1 for load. PV members stay within 0 and the largest PV
/// of the history, load members at or above 0.
///
/// The history is replayed once at construction: the point forecasters see every step in turn and
/// forecast every lead from it, as they do in the run. Analog starts lie at the same time of day
/// within ``seasonDays`` of the present date (either side, the year wrapping) and never within
/// ``exclusionDays`` of it, so no member holds the weather actually ahead; of those, the
/// ``members`` whose forecasts are nearest the present one (the PV forecast's clear-sky index over
/// leads 1–6, 7–12, 13–24 and 25–48 hours, and the next day's mean load relative to the mean load)
/// are chosen — the forecast regime conditions the spread. Like the climatology of
/// ``ClimatologyBlendForecaster`` the history is the run's weather year, a sample of the site's
/// climate.
public struct AnalogEnsemble: Sendable {
    /// Days either side of the present date analog starts are taken from.
    public static let seasonDays = 45
    /// Number of members (equally likely).
    public let members: Int
    /// Leads the errors are kept for, plan steps.
    public let leads: Int
    /// Days around the present date no analog starts in: more than the longest lead.
    public let exclusionDays: Int
    private let stepsPerDay: Int
    private let steps: Int
    private let pvScale: [Double]
    private let pvCeilingKW: Double
    /// Errors per start and lead (start × leads + lead − 1): PV in clear-sky units, load in kW.
    private let pvErrors: [Float], loadErrors: [Float]
    /// The regime features of the forecast made at each start (start × featureCount).
    private let features: [Float]
    private let meanLoadKW: Double
    /// The step of the history's year a plan step falls on (the step itself, wrapped, in simulation;
    /// the clock hour's hour of the modelled year live).
    private let yearStep: @Sendable (Int) -> Int
    private static let featureCount = 5

    /// Replays `pvForecaster` and `loadForecaster` (as they are before the run's first step) over the
    /// history `pvKW` and `loadKW` (one year, per plan step of `stepMinutes`) with its clear-sky PV
    /// `clearSkyKW`, keeping the errors of every lead up to `leads`; `yearStep` places a plan step in
    /// that year (by default the step wrapped to it).
    public init(pvForecaster: any Forecaster, pvKW: [Double], clearSkyKW: [Double], loadForecaster: any Forecaster,
                loadKW: [Double], stepMinutes: Int, leads: Int, members: Int, yearStep: (@Sendable (Int) -> Int)? = nil) {
        var pvForecaster = pvForecaster, loadForecaster = loadForecaster
        let steps = pvKW.count
        self.steps = steps
        self.yearStep = yearStep ?? { $0 % steps }
        self.leads = leads
        self.members = members
        stepsPerDay = max(1, 1440 / stepMinutes)
        exclusionDays = leads / stepsPerDay + 2
        let floor = 0.05 * (clearSkyKW.max() ?? 0)
        pvScale = clearSkyKW.map { $0 > floor ? $0 : 0 }
        pvCeilingKW = pvKW.max() ?? 0
        meanLoadKW = max(1e-9, loadKW.reduce(0, +) / Double(max(1, loadKW.count)))
        var pvErrors = [Float](repeating: 0, count: steps * leads), loadErrors = pvErrors
        var features = [Float](repeating: 0, count: steps * Self.featureCount)
        for start in 0..<steps {
            pvForecaster.observe(step: start, value: pvKW[start])
            loadForecaster.observe(step: start, value: loadKW[start])
            let pv = pvForecaster.forecast(after: start, count: leads), load = loadForecaster.forecast(after: start, count: leads)
            for lead in 1...leads {
                let target = (start + lead) % steps, scale = pvScale[target]
                pvErrors[start * leads + lead - 1] = scale > 0 ? Float((pvKW[target] - pv[lead - 1]) / scale) : 0
                loadErrors[start * leads + lead - 1] = Float(loadKW[target] - load[lead - 1])
            }
            let regime = Self.features(pvKW: pv, loadKW: load, after: start, scale: pvScale, meanLoadKW: meanLoadKW, stepsPerDay: stepsPerDay)
            for (index, value) in regime.enumerated() { features[start * Self.featureCount + index] = Float(value) }
        }
        self.pvErrors = pvErrors
        self.loadErrors = loadErrors
        self.features = features
    }

    /// The regime of a forecast made at `step`: PV's clear-sky index over leads 1–6, 7–12, 13–24 and
    /// 25–48 hours (0 where the sun is down throughout; not a number for a window the forecast does
    /// not reach, which then does not count in the distance) and the next day's mean load over the mean load.
    private static func features(pvKW: [Double], loadKW: [Double], after step: Int, scale: [Double], meanLoadKW: Double,
                                 stepsPerDay: Int) -> [Double] {
        let perHour = max(1, stepsPerDay / 24)
        let windows = [(1, 6), (7, 12), (13, 24), (25, 48)].map { ($0.0 * perHour, $0.1 * perHour) }
        var regime: [Double] = windows.map { first, last in
            guard last <= pvKW.count else { return .nan }
            var forecast = 0.0, clear = 0.0
            for lead in first...last {
                forecast += pvKW[lead - 1]
                clear += scale[(step + lead) % scale.count]
            }
            return clear > 0 ? forecast / clear : 0
        }
        let day = min(stepsPerDay, loadKW.count)
        regime.append(day > 0 ? loadKW[..<day].reduce(0, +) / Double(day) / meanLoadKW : 1)
        return regime
    }

    /// The analog starts for the forecast made at `step` (its point forecasts `pvKW` and `loadKW` for
    /// the following steps): the nearest ``members`` by regime among the admissible starts.
    func analogs(at step: Int, pvKW: [Double], loadKW: [Double]) -> [Int] {
        let step = yearStep(step)
        let present = Self.features(pvKW: pvKW, loadKW: loadKW, after: step, scale: pvScale, meanLoadKW: meanLoadKW, stepsPerDay: stepsPerDay)
        let days = steps / stepsPerDay, today = step / stepsPerDay, timeOfDay = step % stepsPerDay
        var ranked: [(distance: Double, start: Int)] = []
        ranked.reserveCapacity(2 * Self.seasonDays)
        for offset in -Self.seasonDays...Self.seasonDays where abs(offset) >= exclusionDays {
            let start = ((today + offset) % days + days) % days * stepsPerDay + timeOfDay
            var distance = 0.0
            for index in 0..<Self.featureCount where !present[index].isNaN {
                let difference = Double(features[start * Self.featureCount + index]) - present[index]
                distance += difference * difference
            }
            ranked.append((distance, start))
        }
        ranked.sort { $0.distance < $1.distance || ($0.distance == $1.distance && $0.start < $1.start) }
        return ranked.prefix(members).map(\.start)
    }

    /// The members of the forecast made at `step` from its point forecasts `pvKW` and `loadKW` (leads
    /// 1 … count, of one count; beyond ``leads`` a member keeps the point forecast): each member's PV
    /// and load for the same leads; none for a forecast of no steps.
    public func members(at step: Int, pvKW: [Double], loadKW: [Double]) -> [(pvKW: [Double], loadKW: [Double])] {
        guard !pvKW.isEmpty, pvKW.count == loadKW.count else { return [] }
        let present = yearStep(step)
        return analogs(at: step, pvKW: pvKW, loadKW: loadKW).map { start in
            var pv = pvKW, load = loadKW
            for lead in 1...min(leads, pv.count) {
                let error = start * leads + lead - 1
                let scale = pvScale[(present + lead) % steps]
                pv[lead - 1] = min(pvCeilingKW, max(0, pv[lead - 1] + Double(pvErrors[error]) * scale))
                load[lead - 1] = max(0, load[lead - 1] + Double(loadErrors[error]))
            }
            return (pv, load)
        }
    }
}

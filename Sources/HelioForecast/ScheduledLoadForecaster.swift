import HelioGrid

/// Load forecast from the job schedule and the temperature: the facility power of the cluster's
/// planned IT load (``GPUClusterLoad/itPowerKW(axis:planned:)``: running level, checkpoint dips,
/// inference cycle and maintenance windows, as the scheduler knows them in advance) under the cooling
/// model at a forecast temperature, plus the latest measured departure from that plan (job
/// interruptions, utilisation noise) persisted with a weight that falls with the lead:
///
///   P(t + L) = F(IT_plan(t + L), T̂(t + L)) + ρ(L) · (P(t₀) − F(IT_plan(t₀), T(t₀))),
///
/// with F the facility power of ``CoolingModel/facilityKW(itKW:ambientC:designITKW:)`` plus the
/// battery auxiliaries, T̂ the temperature measured at the same time of day on the latest day with a
/// measurement (diurnal persistence), and ρ(L) the lag-L autocorrelation of the departures, the
/// optimal persistence weight of D. Yang, Solar Energy 193 (2019) 981–985 (``LagCorrelation``),
/// fitted to the run's year as the PV blend's climatology is.
public struct ScheduledLoadForecaster: Forecaster {
    private let plannedITKW: [Double]
    private let ambientC: [Double]
    private let cooling: CoolingModel
    private let designITKW: Double
    private let auxiliaryKW: Double
    private let stepsPerDay: Int
    /// Persistence weight of the departure by lead, steps (index 0 unused).
    public let weights: [Double]
    private var anchor: (step: Int, departureKW: Double)?

    /// A forecaster over one year of planned IT power and measured temperature (one value per step
    /// of `stepMinutes`), its weights fitted to the year's facility power `facilityKW` for leads up
    /// to `maxLeadHours`; `auxiliaryKW` is drawn at every step (the battery's HVAC).
    public init(plannedITKW: [Double], facilityKW: [Double], ambientC: [Double], cooling: CoolingModel, designITKW: Double,
                auxiliaryKW: Double, stepMinutes: Int, maxLeadHours: Double) {
        self.plannedITKW = plannedITKW
        self.ambientC = ambientC
        self.cooling = cooling
        self.designITKW = designITKW
        self.auxiliaryKW = auxiliaryKW
        stepsPerDay = 1440 / stepMinutes
        let planned = zip(plannedITKW, ambientC).map { cooling.facilityKW(itKW: $0, ambientC: $1, designITKW: designITKW) + auxiliaryKW }
        let departures: [Double?] = zip(facilityKW, planned).map { $0 - $1 }
        weights = LagCorrelation.weights(departures: departures, stepMinutes: stepMinutes, maxLeadHours: maxLeadHours)
    }

    public mutating func observe(step: Int, value: Double) {
        let index = step % plannedITKW.count
        anchor = (step, value - facilityKW(at: index, ambientC: ambientC[index]))
    }

    public func forecast(after step: Int, count: Int) -> [Double] {
        let latest = anchor?.step ?? step
        return (0..<count).map { offset in
            let target = step + 1 + offset
            let daysBack = max(1, (target - latest + stepsPerDay - 1) / stepsPerDay)
            let temperatureStep = ((target - daysBack * stepsPerDay) % ambientC.count + ambientC.count) % ambientC.count
            var kW = facilityKW(at: target % plannedITKW.count, ambientC: ambientC[temperatureStep])
            if let anchor, target - anchor.step < weights.count { kW += weights[target - anchor.step] * anchor.departureKW }
            return max(0, kW)
        }
    }

    /// Facility power of the plan at step `index` of the year at `ambientC`, kW.
    private func facilityKW(at index: Int, ambientC: Double) -> Double {
        cooling.facilityKW(itKW: plannedITKW[index], ambientC: ambientC, designITKW: designITKW) + auxiliaryKW
    }
}

import HelioGrid

/// Places flexible GPU jobs on the forward plan's hours (docs/compute.md): a job of G GPUs draws
/// G × the busy GPU's power (``ComputeProfile/gpuKW(_:)``) at full power. An hour's flexible headroom
/// is the IT power PV and the battery can carry without a genset (``ForecastHour/cleanITKW``) less the
/// forecast IT load, the jobs already placed there and any curtailment's shed share. A job goes to the
/// earliest hours before its deadline where it fits the headroom uncapped, else capped down to its
/// lowest cap; when no window fits, to the window with the lowest expected carbon intensity, uncapped.
/// A planned run ends ``marginMinutes`` before the deadline at the latest: time for the scheduler to
/// start the job once released and for its run time to vary.
public struct JobPlanner: Sendable {
    /// Minutes a planned run ends before its deadline at the latest.
    public static let marginMinutes: Int64 = 30

    /// The scenario (GPU power, cooling).
    public let scenario: Scenario

    /// A planner for `scenario`'s campus.
    public init(scenario: Scenario) { self.scenario = scenario }

    /// IT power of a job of `gpus` at full power, kW.
    public func itKW(gpus: Int) -> Double { Double(gpus) * ComputeProfile.gpuKW(scenario.load) }

    /// Per forecast hour: IT power reserved by placed jobs, IT power to shed for curtailments, and the
    /// flexible headroom left, kW.
    public func headroom(_ hours: [ForecastHour], jobs: [FlexibleJob], curtailments: [CurtailmentRecord]) -> [HeadroomHour] {
        hours.map { hour in
            let end = hour.timestampMS + 3_600_000
            let reserved = jobs.reduce(0.0) { total, job in
                let overlap = min(end, job.plannedEndMS) - max(hour.timestampMS, job.plannedStartMS)
                return overlap > 0 ? total + job.itKW * Double(overlap) / 3_600_000 : total
            }
            let forecastIT = hour.firmKW > 0 ? hour.loadKW * hour.firmITKW / hour.firmKW : hour.loadKW
            let shed = (curtailments.map { $0.shed(hourMS: hour.timestampMS) }.max() ?? 0) * (forecastIT + reserved)
            return HeadroomHour(timestampMS: hour.timestampMS, reservedITKW: reserved, shedITKW: shed,
                                flexibleHeadroomITKW: max(0, hour.cleanITKW - forecastIT - reserved - shed))
        }
    }

    /// The plan for a job of `gpus` for `runHours` at full power, due at `deadlineMS`, accepting caps
    /// down to `minPowerCap`, on `hours` (the forward plan from the present hour) with `headroom`.
    public func place(id: String, gpus: Int, runHours: Double, jobClass: String, minPowerCap: Double, deadlineMS: Int64, nowMS: Int64,
                      hours: [ForecastHour], headroom: [HeadroomHour]) -> FlexibleJob {
        let fullKW = itKW(gpus: gpus)
        func job(startMS: Int64, cap: Double, reason: String) -> FlexibleJob {
            FlexibleJob(id: id, gpus: gpus, hours: runHours, jobClass: jobClass, submittedMS: nowMS, deadlineMS: deadlineMS,
                        minPowerCap: minPowerCap, plannedStartMS: startMS, cap: cap, itKW: fullKW * cap, reason: reason)
        }
        var caps = [1.0] + ThroughputCurve.zeus.powerFractions.reversed().filter { $0 < 1 && $0 >= minPowerCap }
        if minPowerCap < 1 && !caps.contains(minPowerCap) { caps.append(minPowerCap) }
        var lowest: (startMS: Int64, intensity: Double)?
        for (index, hour) in hours.enumerated() {
            let startMS = max(nowMS, hour.timestampMS)
            for cap in caps {
                let span = Int((runHours / ThroughputCurve.zeus.throughput(atPowerFraction: cap)).rounded(.up))
                guard startMS + Int64(Double(span) * 3_600_000) <= deadlineMS - Self.marginMinutes * 60_000, index + span <= hours.count else { continue }
                let window = headroom[index..<(index + span)]
                if window.allSatisfy({ $0.flexibleHeadroomITKW >= fullKW * cap }) {
                    let reason = cap == 1 ? "fits the clean headroom" : "fits the clean headroom capped to \(cap)"
                    return job(startMS: startMS, cap: cap, reason: reason)
                }
                if cap == 1 {
                    let intensity = hours[index..<(index + span)].reduce(0) { $0 + $1.intensityGPerKWh } / Double(span)
                    if lowest.map({ intensity < $0.intensity }) ?? true { lowest = (startMS, intensity) }
                }
            }
        }
        guard let lowest else { return job(startMS: nowMS, cap: 1, reason: "its deadline leaves no later window: run now") }
        return job(startMS: lowest.startMS, cap: 1, reason: "no clean window before its deadline: the lowest-carbon window")
    }
}

import Foundation
import HelioGrid

/// Places flexible GPU jobs on the forward plan's hours (docs/compute.md): a job of G GPUs draws
/// G × the busy GPU's power (``ComputeProfile/gpuKW(_:)``) at full power. An hour's flexible headroom
/// is the IT power PV and the battery can carry without a genset (``ForecastHour/cleanITKW``) less the
/// forecast IT load, the jobs already placed there and any curtailment's shed share. A job goes to the
/// earliest hours before its deadline where it fits the headroom uncapped, else capped down to its
/// lowest cap; when no window fits, to the window with the lowest expected carbon intensity, uncapped.
/// A planned run ends ``margin`` before the deadline at the latest: time for the scheduler to
/// start the job once released and for its run time to vary.
public struct JobPlanner: Sendable {
    /// How long before its deadline a planned run ends at the latest (``FlexibleJob/deadlineMargin``).
    public static let margin = FlexibleJob.deadlineMargin

    /// Jobs still due that the service plans at once (``EMSStore/insert(job:nowMS:maxActive:)``).
    public static let maxActiveJobs = 10_000
    /// How far ahead of the plant clock a deadline may be, days.
    public static let maxDeadlineDays = 31.0
    /// Shortest run a job may ask for, hours (one minute).
    public static let minHours = 1.0 / 60

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
            let start = PlantTime(unixMS: hour.timestampMS), span = start..<(start + .hours(1))
            let reserved = jobs.reduce(0.0) { total, job in total + job.itKW * PlantTime.overlap(span, job.span).hours }
            let forecastIT = hour.firmKW > 0 ? hour.loadKW * hour.firmITKW / hour.firmKW : hour.loadKW
            let shed = (curtailments.map { $0.shed(hourMS: hour.timestampMS) }.max() ?? 0) * (forecastIT + reserved)
            return HeadroomHour(timestampMS: hour.timestampMS, reservedITKW: reserved, shedITKW: shed,
                                flexibleHeadroomITKW: max(0, hour.cleanITKW - forecastIT - reserved - shed))
        }
    }

    /// `request` checked for placement at plant time `nowMS`: the id 1 to 128 of the characters
    /// scheduler ids use (letters, digits, `. _ - : + @`; it becomes a URL path segment), 1 to the
    /// campus's GPUs, one minute to 168 hours, class `batch` or `training` (interactive work is never
    /// deferred), a lowest cap from ``FlexibilityConfig/lowestPowerCapFloor`` to 1, and an ISO 8601
    /// deadline to the minute the job can meet if it starts now, at most ``maxDeadlineDays`` ahead;
    /// the error names the field.
    public func order(_ request: JobRequest, nowMS: Int64) throws(ValidationError) -> JobOrder {
        guard !request.id.isEmpty, request.id.count <= 128 else { throw ValidationError("id: give 1 to 128 characters") }
        guard request.id.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-:+@".unicodeScalars.contains($0)) }),
              request.id != ".", request.id != ".." else {
            throw ValidationError("id: letters, digits and . _ - : + @ only, found \(request.id.debugDescription)")
        }
        guard (1...scenario.load.gpus).contains(request.gpus) else {
            throw ValidationError("gpus: 1 to the campus's \(scenario.load.gpus), found \(request.gpus)")
        }
        guard request.hours.isFinite, request.hours >= Self.minHours, request.hours <= 168 else {
            throw ValidationError("hours: one minute (\(Self.minHours)) to 168, found \(request.hours)")
        }
        guard let jobClass = JobClass(rawValue: request.jobClass ?? JobClass.batch.rawValue), jobClass != .interactive else {
            throw ValidationError("class: batch or training (interactive work is never deferred), found '\(request.jobClass ?? "")'")
        }
        let cap = request.minPowerCap ?? 1
        guard cap.isFinite, (FlexibilityConfig.lowestPowerCapFloor...1).contains(cap) else {
            throw ValidationError("min_power_cap: \(FlexibilityConfig.lowestPowerCapFloor) to 1, found \(cap)")
        }
        guard let stamp = ISOTimestamp(Substring(request.deadline)) else {
            throw ValidationError("deadline: '\(request.deadline)' is not an ISO 8601 timestamp with offset (YYYY-MM-DDTHH:MM[:00]±HH:MM; "
                                  + "deadlines are to the minute, so seconds are 00 or left out, and offsets run from -14:00 to +14:00)")
        }
        let deadline = PlantTime(unixMinutes: stamp.utcMinutes).unixMS
        guard deadline <= (PlantTime(unixMS: nowMS) + .days(Self.maxDeadlineDays)).unixMS else {
            throw ValidationError("deadline: more than \(Int(Self.maxDeadlineDays)) days ahead of the plant clock")
        }
        guard deadline >= PlantTime(unixMS: nowMS).adding(hours: request.hours, rounding: .towardZero).unixMS else {
            throw ValidationError("deadline: the job cannot finish by it if it starts now")
        }
        return JobOrder(id: request.id, gpus: request.gpus, hours: request.hours, jobClass: jobClass, minPowerCap: cap, deadlineMS: deadline)
    }

    /// The plan for `order` placed at `nowMS` on `hours` (the forward plan from the present hour) with `headroom`.
    public func place(_ order: JobOrder, nowMS: Int64, hours: [ForecastHour], headroom: [HeadroomHour]) -> FlexibleJob {
        place(id: order.id, gpus: order.gpus, runHours: order.hours, jobClass: order.jobClass, minPowerCap: order.minPowerCap,
              deadlineMS: order.deadlineMS, nowMS: nowMS, hours: hours, headroom: headroom)
    }

    /// The plan for a job of `gpus` for `runHours` at full power, due at `deadlineMS`, accepting caps
    /// down to `minPowerCap`, on `hours` (the forward plan from the present hour) with `headroom`.
    public func place(id: String, gpus: Int, runHours: Double, jobClass: JobClass, minPowerCap: Double, deadlineMS: Int64, nowMS: Int64,
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
                guard PlantTime(unixMS: startMS) + .hours(Double(span)) <= PlantTime(unixMS: deadlineMS) - Self.margin,
                      index + span <= hours.count else { continue }
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

    /// What each job must do at `nowMS` for the curtailment in force then (the one asking the largest
    /// share; every job runs as planned when none is). A curtailment asks the campus to shed its share
    /// of IT power — `campusITKW(startMS)`, the forecast IT load at its start, plus the jobs planned
    /// then — and the jobs placed before it was received shed what they can, most slack first: first
    /// by suspension (held if not yet started) where the pause to its end still lets the job end
    /// ``margin`` before its deadline, then by capping down to each job's lowest cap where the
    /// throughput lost (``ThroughputCurve``) still lets it. A suspended job sheds its IT power above
    /// idle (``itKW``); a capped one the difference of caps times its uncapped power. Deferral before
    /// caps, as the simulation honours `[[load.events]]` (Emerald AI's levers: pausing and power caps).
    /// Jobs placed after the curtailment was received were placed around it (``headroom(_:jobs:curtailments:)``).
    public func directives(jobs: [FlexibleJob], curtailments: [CurtailmentRecord], campusITKW: (Int64) -> Double,
                           nowMS: Int64) -> [String: JobDirective] {
        var result = Dictionary(jobs.map { ($0.id, JobDirective.planned($0.cap)) }, uniquingKeysWith: { first, _ in first })
        let active = curtailments.filter { $0.startMS <= nowMS && nowMS < $0.endMS }
        guard let curtailment = active.max(by: { $0.shedFraction < $1.shedFraction }) else { return result }
        let affected = jobs.filter { $0.submittedMS <= curtailment.receivedMS && $0.plannedStartMS < curtailment.endMS
            && $0.plannedEndMS > curtailment.startMS }
        let reservedKW = jobs.filter { $0.plannedStartMS <= curtailment.startMS && $0.plannedEndMS > curtailment.startMS }
            .reduce(0) { $0 + $1.itKW }
        var needKW = curtailment.shedFraction * (campusITKW(curtailment.startMS) + reservedKW)
        let bySlack = affected.sorted { ($0.slackMS, $1.id) > ($1.slackMS, $0.id) }
        var running: [FlexibleJob] = []
        for job in bySlack {
            let pauseMS = curtailment.endMS - max(curtailment.startMS, job.plannedStartMS, curtailment.receivedMS)
            guard needKW > 0, pauseMS <= job.slackMS else { running.append(job); continue }
            needKW -= job.itKW
            result[job.id] = JobDirective(action: .suspend, cap: job.cap, untilMS: curtailment.endMS, delayMS: pauseMS,
                                          reason: "suspended for a curtailment of \(Int(curtailment.shedFraction * 100)) % until its end")
        }
        for job in running where needKW > 0 {
            guard let directive = capDirective(job, curtailment: curtailment, needKW: needKW) else { continue }
            needKW -= job.itKW / job.cap * (job.cap - directive.cap)
            result[job.id] = directive
        }
        return result
    }

    /// The lowest cap `job` may run at through `curtailment` to shed up to `needKW` and still end by
    /// its deadline less the margin; `nil` when it may not go below its planned cap.
    private func capDirective(_ job: FlexibleJob, curtailment: CurtailmentRecord, needKW: Double) -> JobDirective? {
        let curve = ThroughputCurve.zeus, fullKW = job.itKW / job.cap
        let overlapMS = Double(min(curtailment.endMS, job.plannedEndMS) - max(curtailment.startMS, job.plannedStartMS, curtailment.receivedMS))
        func delayMS(_ cap: Double) -> Int64 {
            Int64((max(0, overlapMS) * (1 - curve.throughput(atPowerFraction: cap) / curve.throughput(atPowerFraction: job.cap))).rounded(.up))
        }
        // The throughput curve rises with the cap: bisect for the lowest cap whose delay fits the slack.
        var (low, high) = (job.minPowerCap, job.cap)
        if delayMS(low) > job.slackMS {
            for _ in 0..<40 {
                let middle = (low + high) / 2
                if delayMS(middle) <= job.slackMS { high = middle } else { low = middle }
            }
            low = high
        }
        let cap = max(low, job.cap - needKW / fullKW)
        guard cap < job.cap - 1e-9 else { return nil }
        return JobDirective(action: .cap, cap: cap, untilMS: curtailment.endMS, delayMS: delayMS(cap),
                            reason: "capped for a curtailment of \(Int(curtailment.shedFraction * 100)) % until its end")
    }
}

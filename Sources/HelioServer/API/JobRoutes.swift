import Foundation
import HelioGrid
import Hummingbird

/// Flexible GPU work, under `/v1` (docs/compute.md): `jobs` placed on the forward plan's clean
/// headroom (``JobPlanner``), each job's status and directive, and `curtailments` received.
struct JobRoutes {
    let services: EMSServices

    func add(to v1: RouterGroup<EMSRequestContext>) {
        let store = services.store
        v1.getAndHead("jobs") { request, _ in
            let (limit, offset) = try TimeRangeQuery.paging(request)
            let all = try await statuses()
            return try JSONResponse.make(Page(items: Array(all.dropFirst(offset).prefix(limit)), limit: limit, offset: offset))
        }
        v1.post("jobs") { request, context in try await place(request, context: context) }
        v1.getAndHead("jobs/:id") { _, context in
            let raw = try context.parameters.require("id")
            guard let id = raw.removingPercentEncoding else { throw HTTPError(.badRequest, message: "job id '\(raw)' is not percent-encoded UTF-8") }
            guard let job = try await store.job(id: id) else { throw HTTPError(.notFound, message: "no job '\(id)'") }
            if let status = try await statuses().first(where: { $0.job.id == id }) { return try JSONResponse.make(status) }
            return try JSONResponse.make(JobStatus(job, nowMS: await services.now().unixMS))
        }
        v1.getAndHead("curtailments") { _, _ in try JSONResponse.make(try await store.curtailments(endingAfterMS: await services.now().unixMS)) }
        v1.post("curtailments") { request, context in
            let body = try await JSONResponse.decode(CurtailmentRequest.self, from: request, context: context)
            let record: CurtailmentRecord
            do throws(ValidationError) { record = try body.record(receivedMS: await services.now().unixMS) } catch { throw EMSServices.refused(error) }
            return try JSONResponse.make(try await store.insert(curtailment: record), status: .created)
        }
    }

    /// Flexible headroom over `hours` with the jobs placed and the curtailments received.
    func headroom(_ hours: [ForecastHour]) async throws -> [HeadroomHour] {
        let now = await services.now().unixMS
        return JobPlanner(scenario: services.scenario).headroom(hours, jobs: try await services.store.jobs(endingAfterMS: now),
                                                                curtailments: try await services.store.curtailments(endingAfterMS: now))
    }

    /// The jobs not past their deadline at the plant clock, with what each must do now for the
    /// curtailment in force (``JobPlanner/directives(jobs:curtailments:campusITKW:nowMS:)``).
    private func statuses() async throws -> [JobStatus] {
        let now = await services.now().unixMS
        let curtailments = try await services.store.curtailments(endingAfterMS: now)
        // Every job of the curtailments in force, also those due since they began: the share each sheds
        // must not change as jobs come due.
        let jobs = try await services.store.jobs(endingAfterMS: min(now, curtailments.map(\.startMS).min() ?? now))
        let (scenario, inputs, weather) = (services.scenario, services.inputs, services.weather)
        let directives = JobPlanner(scenario: scenario).directives(
            jobs: jobs, curtailments: curtailments, campusITKW: { ms in
                let profile = ForwardPlan.profiles(scenario: scenario, inputs: inputs, weather: weather, reading: nil,
                                                   at: PlantTime(unixMS: ms), hours: 1)
                return profile.loadKW[0] * profile.itShare[0]
            }, nowMS: now)
        return jobs.filter { $0.deadlineMS >= now }.map { JobStatus($0, nowMS: now, directive: directives[$0.id]) }
    }

    /// `POST /v1/jobs`: checks the request (``JobPlanner/order(_:nowMS:)``), places the job on the
    /// next 48 hours and stores the plan; 409 when the id is taken, 422 naming the field, 429 when
    /// ``JobPlanner/maxActiveJobs`` jobs are still due.
    private func place(_ request: Request, context: EMSRequestContext) async throws -> Response {
        let body = try await JSONResponse.decode(JobRequest.self, from: request, context: context)
        let planner = JobPlanner(scenario: services.scenario), now = await services.now().unixMS
        let order: JobOrder
        do throws(ValidationError) { order = try planner.order(body, nowMS: now) } catch { throw EMSServices.refused(error) }
        let hours = await services.forwardPlan(hours: 48)
        let job = planner.place(order, nowMS: now, hours: hours, headroom: try await headroom(hours))
        switch try await services.store.insert(job: job, nowMS: now, maxActive: JobPlanner.maxActiveJobs) {
        case .inserted: break
        case .idTaken: throw HTTPError(.conflict, message: "a job '\(body.id)' is already placed")
        case let .full(active):
            throw HTTPError(.tooManyRequests, message: "\(active) jobs are still due, the most the service plans; place more as these finish")
        }
        return try JSONResponse.make(JobStatus(job, nowMS: now), status: .created)
    }
}

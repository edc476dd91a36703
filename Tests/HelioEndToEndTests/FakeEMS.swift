import Foundation
import HelioGrid
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization
@testable import HelioServer

/// An EMS that answers what a test sets: `GET /v1/status`, `POST /v1/jobs` and `GET /v1/jobs/{id}`
/// each answer a status and body from ``answers`` (keys `status`, `place <id>`, `plan <id>`), so
/// the Slurm agent meets every answer a broken or hostile EMS could give.
final class FakeEMS: Sendable {
    /// The plant clock the fake answers with, Unix ms.
    static let nowMS: Int64 = 1_784_000_000_000
    let answers = Mutex<[String: (status: Int, body: String)]>([:])

    /// `GET /v1/status` answers the plant clock until told otherwise.
    init() {
        answers.withLock { $0["status"] = (200, #"{"timestamp_ms": \#(Self.nowMS)}"#) }
    }

    /// Sets the answer to `key`.
    func answer(_ key: String, _ status: Int, _ body: String) {
        answers.withLock { $0[key] = (status, body) }
    }

    /// A job's status JSON: planned to start `startInMS` after now, at power cap `cap` (job and directive).
    static func plan(_ id: String, startInMS: Int64, cap: Double) throws -> String {
        let job = FlexibleJob(id: id, gpus: 8, hours: 1, jobClass: .batch, submittedMS: nowMS, deadlineMS: nowMS + 86_400_000,
                              minPowerCap: 0.5, plannedStartMS: nowMS + startInMS, cap: cap, itKW: 10, reason: "test")
        return String(decoding: try JSONEncoder().encode(JobStatus(job, nowMS: nowMS, directive: .planned(cap))), as: UTF8.self)
    }

    /// The router.
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/v1/status") { _, _ in self.respond("status") }
        router.post("/v1/jobs") { request, _ in
            let body = try await request.body.collect(upTo: 1 << 16)
            let id = (try? JSONDecoder().decode(JobRequest.self, from: Data(body.readableBytesView)))?.id ?? ""
            return self.respond("place \(id)")
        }
        router.get("/v1/jobs/:id") { _, context in self.respond("plan \(try context.parameters.require("id"))") }
        return router
    }

    private func respond(_ key: String) -> Response {
        let (status, body) = answers.withLock { $0[key] } ?? (404, #"{"error": {"message": "no answer set for \#(key)"}}"#)
        return Response(status: HTTPResponse.Status(code: status), headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

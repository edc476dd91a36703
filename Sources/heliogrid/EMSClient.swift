import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The live EMS's HTTP API as the Slurm agent uses it: the plant clock, placing a job, a job's plan.
struct EMSClient {
    let baseURL: String
    let token: String
    let client: HTTPClient

    /// What a job must do now (the EMS's ``JobDirective``).
    struct Directive: Decodable {
        /// `run`, `cap` or `suspend`.
        var action: String
        /// Power cap to hold now, fraction.
        var cap: Double
    }

    /// A job's plan as the EMS answers it.
    struct Plan: Decodable {
        var id: String
        /// `held`, `released`, `suspended` or `done`.
        var state: String
        var cap: Double
        var directive: Directive
        var plannedStartMS: Int64
        var deadlineMS: Int64
        var reason: String
        /// The plant clock the state was judged at, Unix ms.
        var nowMS: Int64

        enum CodingKeys: String, CodingKey {
            case id, state, cap, reason, directive
            case plannedStartMS = "planned_start_ms", deadlineMS = "deadline_ms", nowMS = "now_ms"
        }
    }

    private struct Status: Decodable {
        var timestampMS: Int64
        enum CodingKeys: String, CodingKey { case timestampMS = "timestamp_ms" }
    }

    /// The plant clock at the EMS's last control interval, Unix ms.
    func plantTimeMS() async throws -> Int64 { try await request("/v1/status", as: Status.self).timestampMS }

    /// Places a job (`POST /v1/jobs`); a job already placed is read back.
    func place(_ body: [String: Any]) async throws -> Plan {
        let data = try JSONSerialization.data(withJSONObject: body)
        do {
            return try await request("/v1/jobs", method: .POST, body: data, as: Plan.self)
        } catch let error as EMSClientError where error.status == 409 {
            return try await plan(id: body["id"] as? String ?? "")
        }
    }

    /// A placed job's plan and state now.
    func plan(id: String) async throws -> Plan { try await request("/v1/jobs/\(id)", as: Plan.self) }

    private func request<T: Decodable>(_ path: String, method: HTTPMethod = .GET, body: Data? = nil, as type: T.Type) async throws -> T {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        guard (200..<300).contains(response.status.code) else {
            throw EMSClientError(status: Int(response.status.code), message: String(buffer: bytes))
        }
        return try JSONDecoder().decode(T.self, from: Data(bytes.readableBytesView))
    }
}

import AsyncHTTPClient
import Foundation
import HelioServer
import NIOCore
import NIOHTTP1

/// The live EMS's HTTP API as the Slurm agent uses it: the plant clock, placing a job, a job's plan,
/// on the service's own wire types (``JobRequest``, ``JobStatus``).
struct EMSClient {
    let baseURL: String
    let token: String
    let client: HTTPClient

    private struct Status: Decodable {
        var timestampMS: Int64
        enum CodingKeys: String, CodingKey { case timestampMS = "timestamp_ms" }
    }

    /// The plant clock at the EMS's last control interval, Unix ms.
    func plantTimeMS() async throws -> Int64 { try await request("/v1/status", as: Status.self).timestampMS }

    /// Places a job (`POST /v1/jobs`); a job already placed is read back.
    func place(_ body: JobRequest) async throws -> JobStatus {
        let data = try JSONEncoder().encode(body)
        do {
            return try await request("/v1/jobs", method: .POST, body: data, as: JobStatus.self)
        } catch let error as EMSClientError where error.status == 409 {
            return try await plan(id: body.id)
        }
    }

    /// A placed job's plan and state now.
    func plan(id: String) async throws -> JobStatus { try await request("/v1/jobs/\(id)", as: JobStatus.self) }

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

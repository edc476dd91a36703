import AsyncHTTPClient
import Foundation
import HelioGrid
import HelioServer
import NIOCore
import NIOHTTP1

/// The live EMS's HTTP API as the Slurm agent uses it: the plant clock, placing a job, a job's plan,
/// on the service's own wire types (``JobRequest``, ``JobStatus``). Every failure is sorted for the
/// agent (``SlurmAgentError``): the token refused (401, 403) or no EMS API at the URL is a usage
/// error; a 4xx about a job refuses that job; the EMS down, 429, 5xx or an answer that is not its
/// API means it is unavailable.
struct EMSClient {
    let baseURL: String
    let token: String
    let client: HTTPClient
    /// How long one request may take.
    var timeout = TimeAmount.seconds(30)

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
        } catch Answer.conflict {
            return try await plan(id: body.id)
        }
    }

    /// A placed job's plan and state now.
    func plan(id: String) async throws -> JobStatus {
        let path = "/v1/jobs/" + (id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? id)
        do {
            return try await request(path, as: JobStatus.self)
        } catch Answer.notFound {
            throw SlurmAgentError.unknownJob(id)
        }
    }

    /// Answers the callers above handle themselves.
    private enum Answer: Error { case conflict, notFound }

    private func request<T: Decodable>(_ path: String, method: HTTPMethod = .GET, body: Data? = nil, as type: T.Type) async throws -> T {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let (status, bytes): (Int, ByteBuffer)
        do {
            let response = try await client.execute(request, timeout: timeout)
            (status, bytes) = (Int(response.status.code), try await response.body.collect(upTo: 1 << 20))
        } catch {
            throw SlurmAgentError.emsUnavailable("\(method) \(path): \(error)")
        }
        let message = String(buffer: bytes).prefix(300)
        switch status {
        case 200..<300: break
        case 401, 403: throw HelioError(.usage, "the EMS refused the token (\(status)): \(message)")
        case 404 where path == "/v1/status": throw HelioError(.usage, "no HelioGrid EMS API at \(baseURL) (GET /v1/status answered 404)")
        case 404: throw Answer.notFound
        case 409: throw Answer.conflict
        case 400..<500 where status != 408 && status != 429: throw SlurmAgentError.refused("the EMS answered \(status): \(message)")
        default: throw SlurmAgentError.emsUnavailable("\(method) \(path) answered \(status): \(message)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes.readableBytesView))
        } catch {
            throw SlurmAgentError.emsUnavailable("\(method) \(path) answered what is not the EMS's API: \(message)")
        }
    }
}

import Foundation
import HelioGrid
import Hummingbird
import NIOCore
import ServiceLifecycle

/// The operator's resources under `/v1`: `status`, the live `stream`, `mode`, `overrides` and, on
/// the simulated plant, `faults`.
struct OperatorRoutes {
    let services: EMSServices

    func add(to v1: RouterGroup<EMSRequestContext>) {
        let loop = services.loop
        v1.getAndHead("status") { _, _ in try JSONResponse.make(loop.status()) }
        v1.getAndHead("stream") { request, context in try stream(request, context: context) }
        v1.put("mode") { request, context in
            let body = try await JSONResponse.decode(ModeRequest.self, from: request, context: context)
            guard let mode = OperatingMode(rawValue: body.mode) else {
                throw HTTPError(.unprocessableContent, message: "mode: '\(body.mode)' is not auto or safe")
            }
            do throws(ValidationError) { try await loop.setMode(mode) } catch { throw EMSServices.refused(error) }
            return try JSONResponse.make(loop.status())
        }
        v1.post("overrides") { request, context in
            let body = try await JSONResponse.decode(OperatorOverride.self, from: request, context: context)
            do throws(ValidationError) { try await loop.setOverride(body) } catch { throw EMSServices.refused(error) }
            return try JSONResponse.make(body, status: .created)
        }
        v1.delete("overrides") { _, _ in
            await loop.clearOverride()
            return Response(status: .noContent)
        }
        v1.getAndHead("faults") { _, _ in try JSONResponse.make(FaultRequest.List(active: await simulated().activeFaults.map(\.rawValue))) }
        v1.post("faults") { request, context in
            let body = try await JSONResponse.decode(FaultRequest.self, from: request, context: context)
            guard let fault = PlantFault(rawValue: body.fault) else {
                throw HTTPError(.unprocessableContent, message: "fault: '\(body.fault)' is not one of \(PlantFault.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let plant = try simulated()
            if body.active { await plant.inject(fault) } else { await plant.clear(fault) }
            return try JSONResponse.make(FaultRequest.List(active: await plant.activeFaults.map(\.rawValue)))
        }
    }

    private func simulated() throws -> SimulatedPlant {
        guard let plant = services.simulatedPlant else { throw HTTPError(.conflict, message: "faults can be injected into the simulated plant only") }
        return plant
    }

    /// `GET /v1/stream`: a server-sent event per control interval with the status, within the
    /// stream caps (429 past them, ``StreamLimiter``); the connection is marked as a stream, so the
    /// connection cap may close it for a new connection.
    private func stream(_ request: Request, context: EMSRequestContext) throws -> Response {
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        guard request.method != .head else { return Response(status: .ok, headers: headers) }
        let (streams, token) = (services.streams, context.tokenHash ?? "")
        if let refusal = streams.open(token: token) { throw HTTPError(.tooManyRequests, message: refusal + "; close one first") }
        context.channel.pipeline.fireUserInboundEventTriggered(ConnectionGuard.StreamOpened())
        let (updates, end) = services.loop.subscribe()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                defer { streams.close(token: token) }
                // A shutdown ends the stream (the server waits for open responses before the loop stops).
                try await withGracefulShutdownHandler {
                    for await status in updates {
                        let json = (try? encoder.encode(status)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
                        try await writer.write(ByteBuffer(string: "event: status\ndata: \(json)\n\n"))
                    }
                } onGracefulShutdown: { end() }
                try await writer.finish(nil)
            })
    }
}

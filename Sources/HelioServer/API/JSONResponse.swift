import Foundation
import Hummingbird
import NIOCore

/// JSON responses with snake_case keys as the types define them, sorted for stable output.
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Decodes a JSON body (at most the context's upload size), naming the problem in a 400 or 413.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: EMSRequestContext) async throws -> T {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: context.maxUploadSize)
        } catch is NIOTooManyBytesError {
            throw HTTPError(.contentTooLarge, message: "request body over \(context.maxUploadSize / 1024) KiB")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(body.readableBytesView))
        } catch let DecodingError.keyNotFound(key, _) {
            throw HTTPError(.badRequest, message: "missing field '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw HTTPError(.badRequest, message: "field '\(context.codingPath.map(\.stringValue).joined(separator: "."))': \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            throw HTTPError(.badRequest, message: "invalid JSON: \(context.debugDescription)")
        } catch {
            throw HTTPError(.badRequest, message: "invalid JSON body")
        }
    }
}

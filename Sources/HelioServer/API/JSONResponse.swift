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

    /// The body, at most the context's upload size (413 beyond).
    static func body(of request: Request, context: EMSRequestContext) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: context.maxUploadSize)
        } catch is NIOTooManyBytesError {
            throw HTTPError(.contentTooLarge, message: "request body over \(context.maxUploadSize / 1024) KiB")
        }
    }

    /// Decodes a JSON body (at most the context's upload size), naming the problem in a 400 or 413.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: EMSRequestContext) async throws -> T {
        let body = try await self.body(of: request, context: context)
        do {
            return try JSONDecoder().decode(T.self, from: Data(body.readableBytesView))
        } catch let DecodingError.keyNotFound(key, _) {
            throw HTTPError(.badRequest, message: "missing field '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw HTTPError(.badRequest, message: "field '\(path(context.codingPath))': \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw HTTPError(.badRequest, message: "field '\(path(context.codingPath))': \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            let data = Data(body.readableBytesView)
            guard data.count <= searchedBodyBytes else {
                throw HTTPError(.badRequest, message: "invalid JSON: \(context.debugDescription) (a number may be fractional or out of range "
                                + "where a whole number is needed; the field is named for bodies up to \(searchedBodyBytes / 1024) KiB)")
            }
            throw HTTPError(.badRequest, message: unparsable(T.self, data) ?? "invalid JSON: \(context.debugDescription)")
        } catch {
            throw HTTPError(.badRequest, message: "invalid JSON body")
        }
    }

    /// Largest body whose refused number is looked for field by field (``unparsable(_:_:)``), and
    /// most numbers tried: the search re-decodes the body once per number, so it is bounded to keep
    /// an error's cost small whatever a client sends.
    static let searchedBodyBytes = 16 * 1024
    static let searchedNumbers = 16

    /// Why a body the decoder refused without naming a field is wrong: the parser's reason (a
    /// character that is not JSON), or the field whose number must be a whole one in range — found
    /// by replacing each such number in turn (at most ``searchedNumbers``) until the body decodes past it.
    private static func unparsable<T: Decodable>(_ type: T.Type, _ data: Data) -> String? {
        let tree: Any
        do {
            tree = try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
        } catch {
            return "invalid JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)")"
        }
        for (path, value) in unwholeNumbers(tree, path: "").prefix(searchedNumbers) {
            guard let replaced = try? JSONSerialization.data(withJSONObject: replacing(tree, at: path, with: 0), options: .fragmentsAllowed)
            else { continue }
            do {
                _ = try JSONDecoder().decode(T.self, from: replaced)
            } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
                continue
            } catch {}
            let whole = value.rounded() == value
            return "field '\(path)': \(value) is \(whole ? "out of range" : "not a whole number")"
        }
        return nil
    }

    /// The paths (`readings[0].soc`) and values of the numbers in `tree` that are not whole, or too
    /// large for a 64-bit integer.
    private static func unwholeNumbers(_ tree: Any, path: String) -> [(String, Double)] {
        switch tree {
        case let object as [String: Any]:
            object.keys.sorted().flatMap { unwholeNumbers(object[$0]!, path: path.isEmpty ? $0 : path + "." + $0) }
        case let array as [Any]:
            array.enumerated().flatMap { unwholeNumbers($1, path: path + "[\($0)]") }
        case let number as NSNumber where !(number is Bool)
            && (number.doubleValue.rounded() != number.doubleValue || abs(number.doubleValue) >= 0x1p63):
            [(path, number.doubleValue)]
        default:
            []
        }
    }

    /// `tree` with the number at `path` replaced by `value`.
    private static func replacing(_ tree: Any, at path: String, with value: Double, prefix: String = "") -> Any {
        if prefix == path { return value }
        switch tree {
        case let object as [String: Any]:
            return object.reduce(into: [String: Any]()) { result, entry in
                result[entry.key] = replacing(entry.value, at: path, with: value, prefix: prefix.isEmpty ? entry.key : prefix + "." + entry.key)
            }
        case let array as [Any]:
            return array.enumerated().map { replacing($1, at: path, with: value, prefix: prefix + "[\($0)]") }
        default:
            return tree
        }
    }

    /// `readings[3].soc` for a coding path.
    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.reduce("") { path, key in
            if let index = key.intValue { return path + "[\(index)]" }
            return path.isEmpty ? key.stringValue : path + "." + key.stringValue
        }
    }
}

import Foundation
import Hummingbird

/// `from`, `to` (RFC 3339 with offset, or Unix ms), `limit` (1–1000, default 100) and `offset`
/// (0–100,000: deeper pages scan too much; page on with `from`) of a history query, checked: a bad
/// value is a 400 naming the parameter.
struct TimeRangeQuery {
    var fromMS: Int64
    var toMS: Int64
    var limit: Int
    var offset: Int

    init(_ request: Request, defaultFromMS: Int64, defaultToMS: Int64) throws {
        let query = request.uri.queryParameters
        fromMS = try query.get("from").map { try Self.time($0, name: "from") } ?? defaultFromMS
        toMS = try query.get("to").map { try Self.time($0, name: "to") } ?? defaultToMS
        guard toMS > fromMS else { throw HTTPError(.badRequest, message: "to must be after from") }
        (limit, offset) = try Self.paging(request)
    }

    /// Deepest offset a query may ask for.
    static let maxOffset = 100_000

    /// The `limit` (1–1000, default 100) and `offset` (0 to ``maxOffset``) of a paged query.
    static func paging(_ request: Request) throws -> (limit: Int, offset: Int) {
        let query = request.uri.queryParameters
        let limit = try query.get("limit").map { try Self.integer($0, name: "limit", in: 1...1000) } ?? 100
        guard let text = query.get("offset") else { return (limit, 0) }
        guard let offset = Int(text), offset >= 0 else { throw HTTPError(.badRequest, message: "offset: '\(text)' is not a whole number from 0") }
        guard offset <= maxOffset else {
            throw HTTPError(.badRequest, message: "offset: \(offset) is past \(maxOffset); page on with from= the last row's time instead")
        }
        return (limit, offset)
    }

    /// An RFC 3339 time with offset, or Unix milliseconds.
    static func time(_ text: String, name: String) throws -> Int64 {
        if !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            guard let milliseconds = Int64(text) else { throw HTTPError(.badRequest, message: "\(name): \(text) ms is out of range") }
            return milliseconds
        }
        guard let date = try? Date(text, strategy: .iso8601) else {
            throw HTTPError(.badRequest, message: "\(name): '\(text)' is neither an RFC 3339 time with offset nor Unix milliseconds")
        }
        return Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func integer(_ text: String, name: String, in range: ClosedRange<Int>) throws -> Int {
        guard let value = Int(text), range.contains(value) else {
            throw HTTPError(.badRequest, message: "\(name): '\(text)' is not an integer in \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }
}

/// Input the service refuses, with the field and the reason (answered as HTTP 400/422).
public struct ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `field: reason`.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// Throws unless `value` is finite and inside `range`.
    static func check(_ field: String, _ value: Double, _ range: ClosedRange<Double>) throws(ValidationError) {
        guard value.isFinite else { throw ValidationError("\(field): \(value) is not a finite number") }
        guard range.contains(value) else { throw ValidationError("\(field): \(value) is outside \(range.lowerBound)…\(range.upperBound)") }
    }
}

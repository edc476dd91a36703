/// The one overlap rule of curtailments, in simulation (``CurtailmentSchedule``, minutes of the
/// modelled year) and live (`CurtailmentRecord`, plant time) alike: an event asks its share of an
/// interval in proportion to the part of the interval it covers.
public enum SpanOverlap {
    /// The length spans `[aStart, aEnd)` and `[bStart, bEnd)` share on one axis (0 when they do not meet).
    @inline(__always)
    public static func length(_ aStart: Double, _ aEnd: Double, _ bStart: Double, _ bEnd: Double) -> Double {
        max(0, min(aEnd, bEnd) - max(aStart, bStart))
    }

    /// The share `shed` an event over `[eventStart, eventEnd)` asks of the interval `[start, start + length)`:
    /// `shed` times the part of the interval it covers.
    @inline(__always)
    public static func share(_ shed: Double, eventStart: Double, eventEnd: Double, start: Double, length: Double) -> Double {
        shed * Self.length(eventStart, eventEnd, start, start + length) / length
    }
}

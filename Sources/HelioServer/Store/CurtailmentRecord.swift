import GRDB
import HelioGrid

/// A curtailment request received live (`POST /v1/curtailments`): shed a share of the campus's IT
/// power for a while, as `[[load.events]]` does in a simulation. Stored in the `curtailments` table.
public struct CurtailmentRecord: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "curtailments"
    /// Row id.
    public var id: Int64?
    /// Start, plant clock Unix ms.
    public var startMS: Int64
    /// Length, hours.
    public var hours: Double
    /// Share of IT power to shed, fraction.
    public var shedFraction: Double
    /// When it was received, Unix ms.
    public var receivedMS: Int64

    enum CodingKeys: String, CodingKey {
        case id, hours
        case startMS = "start_ms", shedFraction = "shed_fraction", receivedMS = "received_ms"
    }

    /// A request; see the properties.
    public init(startMS: Int64, hours: Double, shedFraction: Double, receivedMS: Int64) {
        self.startMS = startMS
        self.hours = hours
        self.shedFraction = shedFraction
        self.receivedMS = receivedMS
    }

    /// End, Unix ms.
    public var endMS: Int64 { PlantTime(unixMS: startMS).adding(hours: hours, rounding: .towardZero).unixMS }

    /// The share to shed over the hour from `hourMS`: the share times the part of the hour it covers
    /// (``SpanOverlap``, the simulation's rule).
    public func shed(hourMS: Int64) -> Double {
        SpanOverlap.share(shedFraction, eventStart: Double(startMS), eventEnd: Double(endMS), start: Double(hourMS),
                          length: Duration.hours(1).milliseconds)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

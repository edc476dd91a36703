/// One hour of flexible headroom for `GET /v1/power-budget`.
public struct HeadroomHour: Sendable, Equatable, Codable {
    /// Start of the hour, Unix ms.
    public var timestampMS: Int64
    /// IT power of the jobs placed in the hour, kW.
    public var reservedITKW: Double
    /// IT power curtailments ask to shed in the hour, kW.
    public var shedITKW: Double
    /// IT power flexible work can still add without a genset, kW.
    public var flexibleHeadroomITKW: Double

    enum CodingKeys: String, CodingKey {
        case timestampMS = "timestamp_ms", reservedITKW = "reserved_it_kw", shedITKW = "shed_it_kw"
        case flexibleHeadroomITKW = "flexible_headroom_it_kw"
    }
}

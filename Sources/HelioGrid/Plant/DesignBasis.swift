/// The load the gensets must carry with their largest unit out (N + 1), on a design day rather than
/// the weather year's: every GPU node at its nameplate power (`node_rated_kw`, the installed IT
/// capacity) cooled at the design temperature, with the gensets derated to that temperature and the
/// site's elevation (``DieselConfig/ratingFactor(ambientC:elevationM:)``).
///
/// The design temperature is `[site] design_temp_c`, or the weather file's highest plus
/// ``marginAboveRecordC``: a typical year holds typical months, so its hottest hour is not the
/// hottest the campus will see (ASHRAE's extreme annual design conditions sit above TMY maxima).
/// A load given as a CSV has no nameplate: its highest facility power is taken instead.
public struct DesignBasis: Sendable, Equatable, Codable {
    /// IT power of the design day, kW.
    public var itKW: Double
    /// Design temperature, °C.
    public var tempC: Double
    /// Whether the design temperature came from the weather file (not `design_temp_c`).
    public var tempFromWeather: Bool
    /// Facility power of the design day, battery auxiliaries included, kW.
    public var facilityKW: Double
    /// The gensets' rating factor at the design temperature and the site's elevation.
    public var gensetRatingFactor: Double
    /// What the gensets deliver with their largest unit out at that derating, kW.
    public var firmKW: Double
    /// For a campus that grows, the project year whose load and plant leave the least margin (`nil`: a fixed campus).
    public var year: Int?

    enum CodingKeys: String, CodingKey {
        case itKW = "it_kw", tempC = "temp_c", tempFromWeather = "temp_from_weather", facilityKW = "facility_kw"
        case gensetRatingFactor = "genset_rating_factor", firmKW = "firm_kw", year
    }

    /// Degrees above the weather file's highest temperature the default design temperature adds, °C.
    public static let marginAboveRecordC = 3.0

    /// The design basis of `scenario` on `weather`, with `load` the run's prepared load.
    public init(scenario: Scenario, weather: WeatherData, load: CampusLoad) {
        tempFromWeather = scenario.site.designTempC == nil
        tempC = scenario.site.designTempC ?? (weather.tempC.max() ?? 0) + Self.marginAboveRecordC
        if scenario.load.kind == .csv {
            itKW = load.itKW.max() ?? 0
            facilityKW = load.facilityKW.max() ?? 0
        } else {
            itKW = scenario.load.installedITKW
            facilityKW = CoolingModel(config: scenario.load.cooling).facilityKW(itKW: itKW, ambientC: tempC, designITKW: scenario.load.peakITKW)
                + load.batteryAuxiliaryKW
        }
        let rating = scenario.diesel?.ratingFactor(ambientC: tempC, elevationM: weather.location.elevationM) ?? 1
        gensetRatingFactor = rating
        firmKW = scenario.diesel.map { Double(max(0, $0.units - 1)) * $0.unitKW * rating } ?? 0
    }

    /// Whether the gensets with their largest unit out carry the design day.
    public var firmAtNPlusOne: Bool { firmKW >= facilityKW }

    /// A warning when they do not, `nil` otherwise (also without gensets).
    public func warning(hasGensets: Bool) -> String? {
        guard hasGensets, !firmAtNPlusOne else { return nil }
        return "not firm at N + 1 on the design day: \(Int(firmKW.rounded())) kW with the largest unit out at \(Self.format(tempC)) °C "
            + "against \(Int(facilityKW.rounded())) kW at nameplate IT" + (year.map { " (the campus of year \($0))" } ?? "")
    }

    private static func format(_ value: Double) -> String { "\((value * 10).rounded() / 10)" }
}

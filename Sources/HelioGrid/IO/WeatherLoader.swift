import Foundation

/// Reads a weather file of any supported format, detected from its content.
public enum WeatherLoader {
    /// The readers tried, in order.
    public static let readers: [any WeatherReader] = [
        TMY3Reader(), EPWReader(), NSRDBReader(), PVGISCSVReader(), PVGISJSONReader(),
    ]

    /// Loads and validates the weather file at `path`.
    public static func load(path: String) throws -> WeatherData {
        let text = try TextFile.read(path: path, kind: .weather, what: "weather file", latin1: true)
        return try parse(text: text, file: path)
    }

    /// Parses weather text whose format is detected from its opening.
    public static func parse(text: String, file: String) throws -> WeatherData {
        let head = text.prefix(4096)
        guard let reader = readers.first(where: { $0.recognizes(head: head) }) else {
            throw HelioError(.weather,
                             "unrecognised weather format (expected NREL TMY3, EPW, NSRDB PSM3/PSM4 CSV, or PVGIS TMY CSV/JSON)",
                             file: file, line: 1)
        }
        let (location, records) = try reader.records(text: text, file: file)
        return try WeatherAssembler.assemble(records, location: location, format: reader.format, file: file)
    }
}

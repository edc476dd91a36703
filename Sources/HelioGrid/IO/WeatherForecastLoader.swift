/// Reads a day-ahead weather forecast in either of its forms, told apart by the first character:
/// a JSON object shaped like Open-Meteo's answer (``OpenMeteoForecastReader``) or HelioGrid's
/// forecast CSV (``WeatherForecastCSVReader``).
public enum WeatherForecastLoader {
    /// Parses `text`; errors name `source` and the line or key at fault.
    public static func read(_ text: String, source: String) throws -> WeatherForecast {
        let reader: any WeatherForecastReader.Type = text.first { !$0.isWhitespace } == "{" ? OpenMeteoForecastReader.self : WeatherForecastCSVReader.self
        return try reader.read(text, source: source)
    }
}

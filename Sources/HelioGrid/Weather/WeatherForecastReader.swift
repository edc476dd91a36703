/// A form a day-ahead weather forecast arrives in.
public protocol WeatherForecastReader {
    /// Parses `text`; errors name `source` and the line or key at fault.
    static func read(_ text: String, source: String) throws -> WeatherForecast
}

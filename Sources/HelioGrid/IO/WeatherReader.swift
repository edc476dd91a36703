/// A reader for one weather file format.
///
/// Each format stamps time its own way (hour-ending local standard time, UTC, interval start);
/// a reader turns its stamps into interval starts on the non-leap year and names the time base in
/// the returned ``SiteLocation``.
public protocol WeatherReader: Sendable {
    /// The format this reader handles.
    var format: WeatherFormat { get }
    /// Whether the opening text of a file (its first few kilobytes) is in this format.
    func recognizes(head: Substring) -> Bool
    /// Parses a whole file into its site and records (interval starts in the site's time base);
    /// errors name `file` and the offending line.
    func records(text: String, file: String) throws -> (SiteLocation, [WeatherRecord])
}

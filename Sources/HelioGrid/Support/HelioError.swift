/// The one error type HelioGrid throws for bad input and failed I/O.
///
/// Every error names where it came from (file, and line or key where known) and why, so a user
/// can fix the input without reading code. Input errors map to exit code 2 in the command line.
public struct HelioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of input or operation failed.
    public enum Kind: String, Sendable {
        /// A scenario TOML file is malformed or has an invalid key.
        case scenario
        /// A weather file is malformed or unsupported.
        case weather
        /// A CSV time series (load, PV production, grid factors) is malformed.
        case timeSeries
        /// A command-line argument is invalid.
        case usage
        /// The output folder named on the command line cannot be used (not a folder, not writable,
        /// holding files HelioGrid did not write).
        case output
        /// Reading or writing a file failed, or the machine ran short (memory, disk).
        case io
    }

    /// What failed.
    public var kind: Kind
    /// The reason, in plain words.
    public var message: String
    /// The file involved, if any.
    public var file: String?
    /// The 1-based line in `file`, if known.
    public var line: Int?
    /// The scenario key (dotted path such as `battery.soc_min`), if any.
    public var key: String?

    /// Creates an error; see the properties for the meaning of each field.
    public init(_ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil, key: String? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.key = key
    }

    /// `file:line: key: message`, with the parts that are known.
    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line { location += ":\(line)" }
            location += ": "
        }
        if let key { location += "\(key): " }
        return location + message
    }

    /// Whether this error is the user's input (exit code 2) rather than an environment failure.
    public var isInputError: Bool { kind != .io }
}

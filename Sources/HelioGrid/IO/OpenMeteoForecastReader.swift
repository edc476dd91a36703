import Foundation

/// A forecast in the JSON shape of Open-Meteo's `/v1/forecast` answer (open-meteo.com/en/docs), the
/// public NWP API users already call:
///
///     { "latitude": 33.45, "longitude": -111.98, "utc_offset_seconds": -25200,
///       "hourly_units": { "time": "iso8601", "shortwave_radiation": "W/m²", … },
///       "hourly": { "time": ["2026-12-02T00:00", …], "shortwave_radiation": [0, …],
///                   "direct_normal_irradiance": […], "diffuse_radiation": […],
///                   "temperature_2m": […], "wind_speed_10m": […] } }
///
/// Open-Meteo's radiation values are means over the hour before their stamp and its temperature and
/// wind are instants at the stamp, so the row stamped T becomes the hour `[T − 1 h, T)`: its
/// irradiance as given, its temperature and wind the mean of the instants at T − 1 h and T (the
/// instant at T for the first row). Times are ISO 8601 local times at `utc_offset_seconds`, or Unix
/// seconds (`timeformat=unixtime`). Units are read from `hourly_units` and converted exactly
/// (°F, km/h, mp/h, kn); a unit not listed is an error, never assumed.
public enum OpenMeteoForecastReader: WeatherForecastReader {
    /// The `hourly` variables read, in the order of ``WeatherForecastHour``'s irradiance, temperature and wind.
    public static let variables = ["shortwave_radiation", "direct_normal_irradiance", "diffuse_radiation", "temperature_2m", "wind_speed_10m"]

    public static func read(_ text: String, source: String) throws -> WeatherForecast {
        let answer: Answer
        do {
            answer = try JSONDecoder().decode(Answer.self, from: Data(text.utf8))
        } catch let error as DecodingError {
            throw HelioError(.weather, "not an Open-Meteo forecast: \(Self.describe(error))", file: source)
        }
        guard let hourly = answer.hourly else {
            throw HelioError(.weather, "an object 'hourly' with the forecast's columns is required", file: source, key: "hourly")
        }
        let units = answer.hourlyUnits ?? [:]
        let stampsS = try times(hourly["time"] ?? [], format: units["time"], offsetS: answer.utcOffsetSeconds, source: source)
        var columns: [[Double]] = []
        for name in variables {
            let values = try column(hourly, name, count: stampsS.count, source: source)
            columns.append(try converted(values, name: name, unit: units[name], source: source))
        }
        let hours = stampsS.indices.map { row in
            let previous = max(0, row - 1)
            return WeatherForecastHour(
                startMS: (stampsS[row] - 3600) * 1000, ghiWM2: columns[0][row], dniWM2: columns[1][row], dhiWM2: columns[2][row],
                tempC: (columns[3][previous] + columns[3][row]) / 2, windSpeedMS: (columns[4][previous] + columns[4][row]) / 2)
        }
        return try WeatherForecast(hours: hours, latitudeDeg: answer.latitude, longitudeDeg: answer.longitude, source: source) {
            (nil, "hourly.time[\($0)]")
        }
    }

    /// The parts of the answer read.
    private struct Answer: Decodable {
        var latitude: Double?
        var longitude: Double?
        var utcOffsetSeconds: Double?
        var hourlyUnits: [String: String]?
        var hourly: [String: [Value]]?

        enum CodingKeys: String, CodingKey {
            case latitude, longitude, utcOffsetSeconds = "utc_offset_seconds", hourlyUnits = "hourly_units", hourly
        }
    }

    /// One value of a column: a number, a string, null, or anything else.
    private enum Value: Decodable, CustomStringConvertible {
        case number(Double), text(String), null, other

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else if let text = try? container.decode(String.self) { self = .text(text) }
            else { self = .other }
        }

        var description: String {
            switch self {
            case .number(let number): "\(number)"
            case .text(let text): "\"\(text)\""
            case .null: "null"
            case .other: "a value that is neither number nor string"
            }
        }
    }

    /// The stamps, Unix seconds, from ISO 8601 local times at `offsetS` or from Unix seconds.
    private static func times(_ raw: [Value], format: String?, offsetS: Double?, source: String) throws -> [Int64] {
        guard !raw.isEmpty else { throw HelioError(.weather, "an array of times is required", file: source, key: "hourly.time") }
        let format = format ?? (raw.first.map { if case .text = $0 { true } else { false } } == true ? "iso8601" : "unixtime")
        switch format {
        case "unixtime":
            return try raw.enumerated().map { index, value in
                guard case .number(let seconds) = value, seconds == seconds.rounded(), abs(seconds) < 1e11 else {
                    throw HelioError(.weather, "\(value) is not a Unix time in whole seconds", file: source, key: "hourly.time[\(index)]")
                }
                return Int64(seconds)
            }
        case "iso8601":
            guard let offsetS, offsetS == offsetS.rounded(), abs(offsetS) <= 14 * 3600, Int(offsetS) % 60 == 0 else {
                throw HelioError(.weather, "local times need the whole-minute offset from UTC they are in (−14 h…+14 h)",
                                 file: source, key: "utc_offset_seconds")
            }
            let minutes = Int(offsetS) / 60
            let suffix = (minutes < 0 ? "-" : "+") + String(format: "%02d:%02d", abs(minutes) / 60, abs(minutes) % 60)
            return try raw.enumerated().map { index, value in
                guard case .text(let text) = value, let stamp = ISOTimestamp(Substring(text + suffix)) else {
                    throw HelioError(.weather, "\(value) is not a local time YYYY-MM-DDTHH:MM", file: source, key: "hourly.time[\(index)]")
                }
                return Int64(stamp.utcMinutes) * 60
            }
        default:
            throw HelioError(.weather, "time format '\(format)' is not iso8601 or unixtime", file: source, key: "hourly_units.time")
        }
    }

    /// One numeric column of `count` values; a missing value (null) is an error naming its index.
    private static func column(_ hourly: [String: [Value]], _ name: String, count: Int, source: String) throws -> [Double] {
        guard let raw = hourly[name] else {
            throw HelioError(.weather, "the forecast needs hourly \(variables.joined(separator: ", ")); '\(name)' is missing",
                             file: source, key: "hourly.\(name)")
        }
        guard raw.count == count else {
            throw HelioError(.weather, "\(raw.count) values for \(count) times", file: source, key: "hourly.\(name)")
        }
        return try raw.enumerated().map { index, value in
            guard case .number(let number) = value else {
                throw HelioError(.weather, "\(value) is not a number (a missing value cannot be forecast from)",
                                 file: source, key: "hourly.\(name)[\(index)]")
            }
            return number
        }
    }

    /// A decoding error in plain words, with the path to the value at fault.
    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context): return context.underlyingError.map { "invalid JSON (\($0.localizedDescription))" } ?? context.debugDescription
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return "\(path.isEmpty ? "" : String(path.drop { $0 == "." }) + ": ")\(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    /// `values` in HelioGrid's units (W/m², °C, m/s) from the `unit` Open-Meteo states.
    private static func converted(_ values: [Double], name: String, unit: String?, source: String) throws -> [Double] {
        let accepted: [String: @Sendable (Double) -> Double]
        switch name {
        case "temperature_2m": accepted = ["°C": { $0 }, "°F": { ($0 - 32) * 5 / 9 }]
        case "wind_speed_10m": accepted = ["m/s": { $0 }, "km/h": { $0 / 3.6 }, "mp/h": { $0 * 0.44704 }, "kn": { $0 * 1852 / 3600 }]
        default: accepted = ["W/m²": { $0 }]
        }
        guard let unit, let convert = accepted[unit] else {
            throw HelioError(.weather, "unit '\(unit ?? "(none)")' is not one of \(accepted.keys.sorted().joined(separator: ", "))",
                             file: source, key: "hourly_units.\(name)")
        }
        return values.map(convert)
    }
}

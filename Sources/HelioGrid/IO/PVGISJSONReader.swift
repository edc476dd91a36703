import Foundation

/// Reader for PVGIS TMY files in JSON form.
///
/// Format: European Commission JRC, "PVGIS user manual", TMY tool JSON output:
/// `inputs.location.{latitude, longitude, elevation}` and `outputs.tmy_hourly`, an array of
/// objects with `time(UTC)`, `T2m`, `G(h)`, `Gb(n)`, `Gd(h)`, `WS10m` and `SP` (Pa). Stamps are
/// interval starts in UTC. JSON has no meaningful lines, so errors name the record number (1-based).
public struct PVGISJSONReader: WeatherReader {
    /// Creates the reader.
    public init() {}

    public var format: WeatherFormat { .pvgisJSON }

    public func recognizes(head: Substring) -> Bool {
        head.drop(while: { $0.isWhitespace }).hasPrefix("{") && head.contains("\"inputs\"")
    }

    public func records(text: String, file: String) throws -> (SiteLocation, [WeatherRecord]) {
        guard let root = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw HelioError(.weather, "not valid JSON", file: file)
        }
        guard let location = (root["inputs"] as? [String: Any])?["location"] as? [String: Any],
              let latitude = (location["latitude"] as? NSNumber)?.doubleValue,
              let longitude = (location["longitude"] as? NSNumber)?.doubleValue,
              let elevation = (location["elevation"] as? NSNumber)?.doubleValue
        else {
            throw HelioError(.weather, "inputs.location needs numeric latitude, longitude and elevation", file: file)
        }
        guard let rows = (root["outputs"] as? [String: Any])?["tmy_hourly"] as? [[String: Any]] else {
            throw HelioError(.weather, "outputs.tmy_hourly is missing or not an array of objects", file: file)
        }
        var records: [WeatherRecord] = []
        records.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            let number = index + 1
            guard let stamp = row["time(UTC)"] as? String else {
                throw HelioError(.weather, "record \(number): missing 'time(UTC)'", file: file, line: number)
            }
            guard let minute = try PVGISTimestamp.minuteOfYear(Substring(stamp), line: number, file: file) else { continue }
            func value(_ key: String) throws -> Double {
                guard let value = (row[key] as? NSNumber)?.doubleValue, value.isFinite else {
                    throw HelioError(.weather, "record \(number): '\(key)' is missing or not a number", file: file, line: number)
                }
                return value
            }
            records.append(WeatherRecord(
                minuteOfYear: minute, line: number, ghiWM2: try value("G(h)"), dniWM2: try value("Gb(n)"),
                dhiWM2: try value("Gd(h)"), tempC: try value("T2m"), windSpeedMS: try value("WS10m"),
                pressureMbar: try value("SP") / 100, albedo: nil))
        }
        let site = try SiteLocation(name: "PVGIS site", latitudeDeg: latitude, longitudeDeg: longitude, elevationM: elevation, utcOffsetMinutes: 0)
            .checked(file: file, line: nil, fields: .init(latitude: "inputs.location.latitude", longitude: "inputs.location.longitude",
                                                          elevation: "inputs.location.elevation"))
        return (site, records)
    }
}

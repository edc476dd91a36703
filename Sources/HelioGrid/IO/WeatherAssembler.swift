/// Places parsed records on the year grid, checking that every interval appears exactly once.
///
/// Records falling on 29 February must already be dropped (as SAM does for leap-year data).
/// The step is the year divided by the record count; a count that does not divide the year into
/// whole minutes, a duplicate interval or a missing one is an error naming the line.
enum WeatherAssembler {
    /// Record counts of one full year at the steps HelioGrid accepts (60, 30, 15, 10, 5 and 1 minutes).
    static let acceptedStepsMinutes = [60, 30, 15, 10, 5, 1]

    static func assemble(
        _ records: [WeatherRecord], location: SiteLocation, format: WeatherFormat, file: String
    ) throws -> WeatherData {
        for record in records { try check(record, file: file) }
        let stepMinutes = try step(forCount: records.count, file: file)
        let count = records.count
        var data = WeatherData(
            location: location, format: format, source: file, stepMinutes: stepMinutes,
            ghiWM2: .init(repeating: 0, count: count), dniWM2: .init(repeating: 0, count: count),
            dhiWM2: .init(repeating: 0, count: count), tempC: .init(repeating: 0, count: count),
            windSpeedMS: .init(repeating: 0, count: count), pressureMbar: .init(repeating: 0, count: count),
            albedo: .init(repeating: WeatherData.defaultAlbedo, count: count))
        var filledBy = [Int](repeating: 0, count: count)
        for record in records {
            let minute = ((record.minuteOfYear % CivilCalendar.minutesPerYear) + CivilCalendar.minutesPerYear)
                % CivilCalendar.minutesPerYear
            let slot = minute / stepMinutes
            guard filledBy[slot] == 0 else {
                throw HelioError(.weather, "duplicate record for \(describe(minute, location)); first seen on line \(filledBy[slot])",
                                 file: file, line: record.line)
            }
            filledBy[slot] = record.line
            data.ghiWM2[slot] = record.ghiWM2
            data.dniWM2[slot] = record.dniWM2
            data.dhiWM2[slot] = record.dhiWM2
            data.tempC[slot] = record.tempC
            data.windSpeedMS[slot] = record.windSpeedMS
            data.pressureMbar[slot] = record.pressureMbar
            if let albedo = record.albedo, albedo > 0, albedo < 1 { data.albedo[slot] = albedo }
        }
        return data
    }

    private static func step(forCount count: Int, file: String) throws -> Int {
        for step in acceptedStepsMinutes where count * step == CivilCalendar.minutesPerYear {
            return step
        }
        throw HelioError(.weather,
                         "\(count) records (after dropping 29 February) is not one full year at a 60, 30, 15, 10, 5 or 1-minute step (8760 hourly records expected)",
                         file: file)
    }

    /// Physically possible ranges; values outside are data errors, not something to clamp.
    private static func check(_ record: WeatherRecord, file: String) throws {
        let checks: [(String, Double, ClosedRange<Double>)] = [
            ("GHI (W/m²)", record.ghiWM2, 0...1500), ("DNI (W/m²)", record.dniWM2, 0...1500),
            ("DHI (W/m²)", record.dhiWM2, 0...1000), ("temperature (°C)", record.tempC, -90...65),
            ("wind speed (m/s)", record.windSpeedMS, 0...120), ("pressure (mbar)", record.pressureMbar, 300...1100),
        ]
        for (name, value, range) in checks where !range.contains(value) {
            throw HelioError(.weather, "\(name) \(value) is outside the physical range \(range.lowerBound)…\(range.upperBound) (missing-data code?)",
                             file: file, line: record.line)
        }
    }

    private static func describe(_ minute: Int, _ location: SiteLocation) -> String {
        CivilCalendar.iso8601(year: CivilCalendar.baseYear, minuteOfYear: minute, utcOffsetMinutes: location.utcOffsetMinutes)
    }
}

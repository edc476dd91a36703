import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid

@Suite struct WeatherTests {
    @Test func readsThePhoenixTMY3File() {
        let w = TestData.phoenix
        #expect(w.format == .tmy3)
        #expect(w.count == 8760 && w.stepMinutes == 60)
        #expect(w.location.latitudeDeg == 33.45 && w.location.longitudeDeg == -111.983 && w.location.elevationM == 337)
        #expect(w.location.utcOffsetMinutes == -420)
        // Line 3 of the file, "01/01/2002,01:00,…": hour-ending 01:00 is the interval starting 00:00; 10.0 °C, 977 mbar.
        #expect(w.tempC[0] == 10.0 && w.pressureMbar[0] == 977 && w.windSpeedMS[0] == 1.5)
        // Annual GHI of Phoenix is about 2.1 MWh/m² (NREL TMY3 summary).
        let annualGHI = w.ghiWM2.reduce(0, +) / 1000
        #expect(annualGHI > 2000 && annualGHI < 2200)
    }

    @Test func readsTheTucsonEPWFile() {
        let w = TestData.tucson
        #expect(w.format == .epw)
        #expect(w.count == 8760)
        #expect(w.location.latitudeDeg == 32.13 && w.location.longitudeDeg == -110.95 && w.location.elevationM == 777)
        #expect(w.location.utcOffsetMinutes == -420)
        // First data row: 7.2 °C, 92600 Pa, wind 2.1 m/s, albedo 0.200.
        #expect(w.tempC[0] == 7.2 && w.pressureMbar[0] == 926 && w.windSpeedMS[0] == 2.1 && w.albedo[0] == 0.2)
        // Irradiance only in daylight: midnight is dark, noon on 1 July is bright.
        let noonJuly1 = CivilCalendar.minuteOfYear(month: 7, day: 1, hour: 12, minute: 0) / 60
        #expect(w.ghiWM2[0] == 0 && w.ghiWM2[noonJuly1] > 700)
    }

    /// The NSRDB fixture carries the Phoenix TMY3 data stamped in UTC (interval start at :30, the
    /// NSRDB convention); after the shift to local standard time it must land on the same instants.
    @Test func nsrdbUTCStampsLandOnTheSameLocalInstantsAsTMY3() throws {
        let w = try WeatherLoader.load(path: TestData.fixture("phoenix-psm3-utc.csv"))
        #expect(w.format == .nsrdb)
        #expect(w.location.utcOffsetMinutes == -420)
        #expect(w.ghiWM2 == TestData.phoenix.ghiWM2)
        #expect(w.dniWM2 == TestData.phoenix.dniWM2)
        #expect(w.tempC == TestData.phoenix.tempC)
    }

    /// PVGIS files are UTC with no zone: the data stay in UTC, so index i there is index i − 7 h in local time.
    @Test(arguments: ["phoenix-pvgis-tmy.csv", "phoenix-pvgis-tmy.json"])
    func pvgisStaysInUTCAndMatchesTMY3SevenHoursLater(file: String) throws {
        let w = try WeatherLoader.load(path: TestData.fixture(file))
        #expect(w.format == (file.hasSuffix("json") ? .pvgisJSON : .pvgisCSV))
        #expect(w.location.utcOffsetMinutes == 0)
        for utc in 0..<8760 {
            let local = (utc - 7 + 8760) % 8760
            #expect(w.ghiWM2[utc] == TestData.phoenix.ghiWM2[local])
            #expect(abs(w.pressureMbar[utc] - TestData.phoenix.pressureMbar[local]) < 1e-9)
        }
        // Same sun, same plant: the PV year agrees with the TMY3 reading to within rounding of the stamps.
        let config = TestData.anchorSystem(tracking: .fixed)
        #expect(abs(TestData.annualKWh(config, w) / TestData.annualKWh(config, TestData.phoenix) - 1) < 0.002)
    }

    @Test func malformedTMY3LineIsNamed() {
        let text = tmy3Header + "01/01/2002,01:00,0,0,0,2,0,0,2,0,0,2,0,0,2,0,0,2,0,0,2,0,0,2,0,0,E,9,0,E,9,10.0,A,7,5.6,A,7,74,A,7,977,A,7,110,A,7,1.5,A,7,16000,B,7,77777,A,7,1.5,E,8,0.000,F,8,0.00,F,8,0,1,D,9,00,C,8\n"
            + "01/01/2002,02:00,0,0,abc,2,0,0,2,0,0,2,0,0,2,0,0,2,0,0,2,0,0,2,0,0,E,9,0,E,9,10.0,A,7,5.6,A,7,74,A,7,977,A,7,110,A,7,1.5,A,7,16000,B,7,77777,A,7,1.5,E,8,0.000,F,8,0.00,F,8,0,1,D,9,00,C,8\n"
        #expect(throws: HelioError(.weather, "GHI: 'abc' is not a number", file: "bad.csv", line: 4)) {
            try WeatherLoader.parse(text: text, file: "bad.csv")
        }
    }

    @Test func duplicateAndShortFilesAreErrors() {
        let row = "01/01/2002,01:00,0,0,0,2,0,0,2,0,0,2,0,0,2,0,0,2,0,0,2,0,0,2,0,0,E,9,0,E,9,10.0,A,7,5.6,A,7,74,A,7,977,A,7,110,A,7,1.5,A,7,16000,B,7,77777,A,7,1.5,E,8,0.000,F,8,0.00,F,8,0,1,D,9,00,C,8\n"
        do {
            _ = try WeatherLoader.parse(text: tmy3Header + row + row, file: "short.csv")
            Issue.record("a two-row file must not load")
        } catch let error as HelioError {
            #expect(error.kind == .weather && error.message.contains("not one full year"))
        } catch { Issue.record("unexpected \(error)") }
        // A full year whose second row repeats the first stamp: the duplicate is named by line.
        var rows = TestData.phoenixText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        rows[3] = rows[2]
        #expect(throws: HelioError.self) { try WeatherLoader.parse(text: rows.joined(separator: "\n"), file: "dup.csv") }
        do { _ = try WeatherLoader.parse(text: rows.joined(separator: "\n"), file: "dup.csv") } catch let error as HelioError {
            #expect(error.line == 4 && error.message.contains("duplicate"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func outOfRangeValuesAndUnknownFormatsAreErrors() {
        let epwRow = "2002,1,1,1,0,?9,7.2,3.3,76,92600,0,0,291,-5,0,0,0,0,0,0,170,2.1,3,3,16.0,77777,9,999999999,120,0.0390,0,88,0.200,0.0,1.0\n"
        let epw = "LOCATION,Tucson,AZ,USA,TMY3,722740,32.13,-110.95,-7.0,777.0\nA\nB\nC\nD\nE\nF\nDATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31\n" + epwRow
        do { _ = try WeatherLoader.parse(text: epw, file: "neg.epw") } catch let error as HelioError {
            #expect(error.line == 9 && error.message.contains("GHI"))
        } catch { Issue.record("unexpected \(error)") }
        #expect(throws: HelioError.self) { try WeatherLoader.parse(text: "hello,world\n1,2\n", file: "x.csv") }
    }

    @Test func resamplingKeepsTheMeanAndInterpolatesBetweenMidpoints() {
        let hourly = (0..<8760).map { Double($0 % 24) }
        let quarter = WeatherResampler.resample(hourly, fromMinutes: 60, toMinutes: 15)
        #expect(quarter.count == 35040)
        // Step 2 of hour 5 has its mid-point at 05:37:30, 0.125 h past hour 5's mid-point: 5.125.
        #expect(abs(quarter[5 * 4 + 2] - 5.125) < 1e-12)
        let back = WeatherResampler.resample(quarter, fromMinutes: 15, toMinutes: 60)
        #expect(abs(back.reduce(0, +) - hourly.reduce(0, +)) < 1e-6)
    }

    private var tmy3Header: String {
        "722780,\"PHOENIX SKY HARBOR INTL AP\",AZ,-7.0,33.450,-111.983,337\n" + TestData.phoenixHeaderLine + "\n"
    }
}

/// Small handmade files, one per format, whose every record was worked out by hand.
@Suite struct HandmadeWeatherFixtureTests {
    static func records(_ reader: some WeatherReader, _ name: String) throws -> (SiteLocation, [WeatherRecord]) {
        let path = TestData.fixture(name)
        return try reader.records(text: String(contentsOfFile: path, encoding: .utf8), file: path)
    }

    /// Hour-ending local standard time: `01:00` starts at minute 0, `24:00` on 1 July starts at 23:00
    /// (minute 181·1440 + 1380 = 262020), 29 February is dropped.
    @Test func tmy3() throws {
        let (site, records) = try Self.records(TMY3Reader(), "handmade.tmy3.csv")
        #expect(site == SiteLocation(name: "TWENTYNINE PALMS", latitudeDeg: 34.3, longitudeDeg: -116.167, elevationM: 626, utcOffsetMinutes: -480))
        #expect(records.map(\.minuteOfYear) == [0, 262_020, 262_740])
        #expect(records.map(\.line) == [3, 5, 6])
        let noon = records[2]
        #expect(noon.ghiWM2 == 950 && noon.dniWM2 == 880 && noon.dhiWM2 == 110 && noon.tempC == 41)
        #expect(noon.pressureMbar == 924 && noon.windSpeedMS == 4 && noon.albedo == 0.22)
    }

    /// Sub-hourly EPW (4 records per hour): hour 13 minute 15 is 12:00–12:15 on 10 March
    /// (68·1440 + 720 = 98640); hour 24 minute 60 on 31 December starts at 23:45 (525585).
    /// Pressure in Pa becomes mbar; albedo 999 is missing.
    @Test func epw() throws {
        let (site, records) = try Self.records(EPWReader(), "handmade.epw")
        #expect(site.latitudeDeg == 36.5 && site.longitudeDeg == -115.25 && site.elevationM == 1000 && site.utcOffsetMinutes == -480)
        #expect(records.map(\.minuteOfYear) == [98_640, 98_655, 525_585])
        #expect(records[0].ghiWM2 == 700 && records[0].dniWM2 == 850 && records[0].dhiWM2 == 90)
        #expect(records[0].pressureMbar == 880 && records[0].windSpeedMS == 3.2 && records[0].albedo == nil)
        #expect(records[1].albedo == 0.25)
    }

    /// NSRDB PSM4 in local time (Time Zone = Local Time Zone = +4): no shift; columns found by name
    /// in a different order; 15 June 08:30 is minute 165·1440 + 510 = 238110.
    @Test func nsrdbLocalTime() throws {
        let (site, records) = try Self.records(NSRDBReader(), "handmade-psm3.csv")
        #expect(site.latitudeDeg == 24.45 && site.longitudeDeg == 54.38 && site.elevationM == 5 && site.utcOffsetMinutes == 240)
        #expect(records.map(\.minuteOfYear) == [30, 238_110])
        let june = records[1]
        #expect(june.ghiWM2 == 650 && june.dniWM2 == 700 && june.dhiWM2 == 120 && june.tempC == 35)
        #expect(june.pressureMbar == 1002 && june.windSpeedMS == 4.5 && june.albedo == 0.33)
    }

    /// PVGIS stamps hour starts in UTC: 15 June 10:00 UTC is minute 165·1440 + 600 = 238200; SP in Pa.
    @Test(arguments: ["handmade-pvgis.csv", "handmade-pvgis.json"])
    func pvgis(name: String) throws {
        let (site, records) = name.hasSuffix("json")
            ? try Self.records(PVGISJSONReader(), name) : try Self.records(PVGISCSVReader(), name)
        #expect(site.latitudeDeg == 37.98 && site.longitudeDeg == 23.73 && site.elevationM == 105 && site.utcOffsetMinutes == 0)
        #expect(records.map(\.minuteOfYear) == [0, 238_200])
        let june = records[1]
        #expect(june.ghiWM2 == 905 && june.dniWM2 == 820 && june.dhiWM2 == 140 && june.tempC == 31.2 && june.windSpeedMS == 3.7)
        #expect(abs(june.pressureMbar - 1001.2) < 1e-9 && june.albedo == nil)
        #expect(records.map(\.line) == (name.hasSuffix("json") ? [1, 2] : [8, 9]))
    }

    @Test func eachFormatIsDetectedFromItsContent() throws {
        let expected: [(String, WeatherFormat)] = [
            ("handmade.tmy3.csv", .tmy3), ("handmade.epw", .epw), ("handmade-psm3.csv", .nsrdb),
            ("handmade-pvgis.csv", .pvgisCSV), ("handmade-pvgis.json", .pvgisJSON),
        ]
        for (name, format) in expected {
            let text = try String(contentsOfFile: TestData.fixture(name), encoding: .utf8)
            let reader = WeatherLoader.readers.first { $0.recognizes(head: text.prefix(4096)) }
            #expect(reader?.format == format, "\(name)")
        }
    }
}

@Suite struct CSVLineTests {
    @Test func splitsTrimsAndHonoursQuotes() {
        let line = CSVLine(#"722780,"PHOENIX, SKY HARBOR", AZ ,-7.0,,"x""#[...])
        #expect(line.count == 6)
        #expect(line.fields == ["722780", "PHOENIX, SKY HARBOR", "AZ", "-7.0", "", "x"])
        #expect(CSVLine("").fields == [""])
        #expect(CSVLine("a,b\r".dropLast()).fields == ["a", "b"])
    }
}

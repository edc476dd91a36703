import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid

@Suite struct SolarPositionTests {
    /// Reda & Andreas (2008), NREL/TP-560-34302, Table A5.1: 17 October 2003 12:30:30 local
    /// (UTC−7), latitude 39.742476°, longitude −105.1786°, elevation 1830.14 m, 820 mbar, 11 °C,
    /// ΔT 67 s → topocentric zenith 50.11162°, azimuth 194.34024°.
    @Test func matchesTheSPAReportExample() {
        let site = SiteLocation(name: "NREL", latitudeDeg: 39.742476, longitudeDeg: -105.1786, elevationM: 1830.14, utcOffsetMinutes: -420)
        let unix = Double(CivilCalendar.daysFromEpoch(year: 2003, month: 10, day: 17)) * 86_400 + (19 * 3600 + 30 * 60 + 30)
        let sun = SolarPositionAlgorithm.position(unixSeconds: unix, site: site, pressureMbar: 820, tempC: 11, deltaTSeconds: 67)
        #expect(abs(sun.zenithDeg - 50.11162) < 1e-4)
        #expect(abs(sun.azimuthDeg - 194.34024) < 1e-4)
        // Intermediate values of the same table: Julian day 2452930.312847, R = 0.9965422974 AU.
        #expect(abs(SolarPositionAlgorithm.julianDay(unixSeconds: unix) - 2_452_930.312847) < 1e-6)
        #expect(abs(sun.earthSunDistanceAU - 0.9965422974) < 1e-9)
    }

    @Test func dailyInterpolationStaysWithinATenThousandthOfADegreeOfFullSPA() {
        let site = TestData.phoenix.location
        let start = CivilCalendar.baseYearUnixSeconds
        let ephemeris = SolarEphemeris.baseYear
        let observer = ObserverGeometry(site: site)
        var worst = 0.0
        var generator = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            let unix = start + Double.random(in: 0..<(365 * 86_400), using: &generator)
            let exact = SolarPositionAlgorithm.position(unixSeconds: unix, site: site, pressureMbar: 970, tempC: 25)
            let fast = ephemeris.position(unixSeconds: unix, observer: observer, pressureMbar: 970, tempC: 25)
            worst = max(worst, abs(exact.zenithDeg - fast.zenithDeg))
            if exact.zenithDeg < 89 { worst = max(worst, abs(exact.azimuthDeg - fast.azimuthDeg) * sin(exact.zenithDeg * .pi / 180)) }
        }
        #expect(worst < 1e-4)
    }

    @Test func sunIsHighAtSolarNoonInPhoenixMidsummer() {
        // 21 June, solar noon ≈ 12:00 + (−105° meridian − −111.983°)·4 min ≈ 12:28 local standard time.
        let axis = TimeAxis(stepMinutes: 60, utcOffsetMinutes: -420)
        let minute = Double(CivilCalendar.minuteOfYear(month: 6, day: 21, hour: 12, minute: 28))
        let sun = SolarPositionAlgorithm.position(unixSeconds: axis.unixSeconds(minuteOfYear: minute), site: TestData.phoenix.location,
                                                  pressureMbar: 1010, tempC: 10)
        // Zenith ≈ latitude − declination = 33.45° − 23.44° ≈ 10.0°; azimuth near south.
        #expect(abs(sun.zenithDeg - 10.0) < 0.1)
        #expect(abs(sun.azimuthDeg - 180) < 3)
    }
}

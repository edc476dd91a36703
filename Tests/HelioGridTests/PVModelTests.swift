import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid

@Suite struct PVModelTests {
    /// Anchors (docs/validation.md): NREL SAM 2025 PVWatts v8, 1000 kW DC, DC/AC 1.2, losses 14.08 %.
    @Test(arguments: [
        ("phoenix", PVConfig.Tracking.fixed, 1_756_570.0),
        ("phoenix", .singleAxis, 2_033_261.0),
        ("tucson", .fixed, 1_730_675.0),
        ("tucson", .singleAxis, 2_013_442.0),
    ])
    func annualEnergyIsWithinTwoAndAHalfPercentOfSAM(site: String, tracking: PVConfig.Tracking, samKWh: Double) {
        let weather = site == "phoenix" ? TestData.phoenix : TestData.tucson
        let kwh = TestData.annualKWh(TestData.anchorSystem(tracking: tracking), weather)
        #expect(abs(kwh / samKWh - 1) < 0.025, "\(site) \(tracking): \(kwh) kWh vs SAM \(samKWh)")
    }

    @Test func subHourlyStepsKeepAnnualEnergyWithinOnePercentOfHourly() {
        let config = TestData.anchorSystem(tracking: .fixed)
        let hourly = TestData.annualKWh(config, TestData.phoenix)
        for step in [15, 5] {
            let kwh = TestData.annualKWh(config, TestData.phoenix, stepMinutes: step)
            #expect(abs(kwh / hourly - 1) < 0.01, "\(step)-minute: \(kwh) vs hourly \(hourly)")
        }
    }

    @Test func outputIsZeroAtNightAndNeverAboveTheInverterRating() {
        var config = TestData.anchorSystem(tracking: .fixed)
        config.dcACRatio = 1.5
        let ac = PVSystemModel(config: config).acPowerKW(weather: TestData.phoenix, stepMinutes: 60)
        #expect(ac.allSatisfy { $0 >= 0 && $0 <= 1000 / 1.5 + 1e-9 })
        #expect(ac.contains { abs($0 - 1000 / 1.5) < 1e-9 }, "a 1.5 ratio clips on clear days")
        for (index, ghi) in TestData.phoenix.ghiWM2.enumerated() where ghi == 0 && TestData.phoenix.dniWM2[index] == 0 {
            #expect(ac[index] == 0)
        }
    }

    /// Reference values from pvlib-python 0.16.1 (`iam.physical`, `temperature.sapm_cell`,
    /// `inverter.pvwatts`, `irradiance.perez`), an independent implementation of the same papers.
    /// Every `temperature_model` name a scenario accepts has SAPM coefficients, and no more: the
    /// scenario layer names the sets, the PV model holds their numbers.
    @Test func everyAcceptedTemperatureModelHasCoefficients() {
        #expect(Set(PVConfig.temperatureModelNames) == Set(CellTemperatureModel.named.keys))
    }

    @Test func componentsMatchPvlib() {
        #expect(abs(IncidenceAngleModifier.modifier(incidenceDeg: 60) - 0.9460029142) < 1e-9)
        #expect(abs(IncidenceAngleModifier.modifier(incidenceDeg: 80) - 0.6341166932) < 1e-9)
        #expect(IncidenceAngleModifier.modifier(incidenceDeg: 0) == 1)
        let sapm = CellTemperatureModel.named["sapm-open-rack-glass-polymer"]!
        #expect(abs(sapm.cellTempC(poaWM2: 800, airTempC: 30, windSpeedMS: 2) - 51.98201862) < 1e-7)
        let pvwatts = PVWattsModel(dcKW: 1000, dcACRatio: 1.2, gammaPerC: -0.0037, lossesPercent: 0, inverterEfficiency: 0.96)
        #expect(abs(pvwatts.acPowerKW(dcPowerKW: 500) - 481.2580235896) < 1e-8)
        #expect(abs(pvwatts.acPowerKW(dcPowerKW: 100) - 92.9137431704) < 1e-8)
        #expect(pvwatts.acPowerKW(dcPowerKW: 900) == 1000 / 1.2)
        let sun = SunPosition(zenithDeg: 40, azimuthDeg: 160, earthSunDistanceAU: (1366.1 / 1400).squareRoot())
        let surface = SurfaceOrientation(tiltDeg: 30, azimuthDeg: 180)
        let sky = PerezTransposition.skyDiffuseWM2(dhiWM2: 200, dniWM2: 600, extraterrestrialWM2: 1400, zenithDeg: 40,
                                                   cosIncidence: surface.cosIncidence(sun: sun), surface: surface)
        #expect(abs(sky - 244.1588480725) < 1e-6)
    }

    @Test func tabulatedCoverLossMatchesTheFunction() {
        var worst = 0.0
        for step in 0...90_000 {
            let angle = Double(step) / 1000
            worst = max(worst, abs(IncidenceAngleModifier.interpolated(incidenceDeg: angle) - IncidenceAngleModifier.modifier(incidenceDeg: angle)))
        }
        #expect(worst < 2e-7)
        #expect(IncidenceAngleModifier.interpolated(incidenceDeg: 90) == 0 && IncidenceAngleModifier.interpolated(incidenceDeg: 0) == 1)
    }

    /// PVWatts DC by hand: 1000 kW · 800/1000 · (1 − 0.0037 · (45 − 25)) · (1 − 0.1408) = 636.48… kW.
    @Test func dcPowerByHand() {
        let model = PVWattsModel(dcKW: 1000, dcACRatio: 1.2, gammaPerC: -0.0037, lossesPercent: 14.08, inverterEfficiency: 0.96)
        #expect(abs(model.dcPowerKW(transmittedPOAWM2: 800, cellTempC: 45) - 1000 * 0.8 * (1 - 0.074) * 0.8592) < 1e-9)
    }

    @Test func trackerFacesTheSunAtNoonAndBacktracksAtLowSun() {
        let tracker = SingleAxisTracker(axisTiltDeg: 0, axisAzimuthDeg: 180, maxAngleDeg: 60, backtrack: true, gcr: 0.4)
        let noon = SunPosition(zenithDeg: 20, azimuthDeg: 180, earthSunDistanceAU: 1)
        #expect(abs(tracker.rotationDeg(sun: noon)) < 1e-9)
        // Afternoon sun due west at 30° zenith: true tracking rotates 30° west; cos(30°)/0.4 > 1, no backtracking.
        let afternoon = SunPosition(zenithDeg: 30, azimuthDeg: 270, earthSunDistanceAU: 1)
        #expect(abs(tracker.rotationDeg(sun: afternoon) - 30) < 1e-9)
        let orientation = tracker.orientation(sun: afternoon)
        #expect(abs(orientation.tiltDeg - 30) < 1e-9 && abs(orientation.azimuthDeg - 270) < 1e-9)
        // Sun due west at 80° zenith: ideal 80°, |cos 80°|/0.4 = 0.434 → backtrack by acos(0.434) = 64.27° → 15.73°.
        let evening = SunPosition(zenithDeg: 80, azimuthDeg: 270, earthSunDistanceAU: 1)
        let expected = 80 - acos(cos(80 * Double.pi / 180) / 0.4) * 180 / .pi
        #expect(abs(tracker.rotationDeg(sun: evening) - expected) < 1e-9)
        let noBacktrack = SingleAxisTracker(axisTiltDeg: 0, axisAzimuthDeg: 180, maxAngleDeg: 60, backtrack: false, gcr: 0.4)
        #expect(noBacktrack.rotationDeg(sun: evening) == 60, "limited to max_angle_deg")
    }
}

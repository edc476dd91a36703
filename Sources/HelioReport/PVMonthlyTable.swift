import Foundation
import HelioGrid

/// The monthly table PVWatts prints for a year of PV output: each month's plane-of-array solar
/// radiation as a daily mean, kWh/m²/day, and its AC energy, kWh, with the year's totals
/// (NREL PVWatts Version 8, "Monthly PV Performance Data").
public struct PVMonthlyTable: Sendable {
    /// Mean daily plane-of-array radiation of each month, kWh/m²/day.
    public var poaKWhPerM2Day: [Double]
    /// AC energy of each month, kWh.
    public var acKWh: [Double]

    /// The table of one year's `acKW` and `poaWM2` on `axis`.
    public init(acKW: [Double], poaWM2: [Double], axis: TimeAxis) {
        let months = BillingMonths(simulation: axis).stepRangesOfYear
        acKWh = months.map { acKW[$0].reduce(0, +) * axis.stepHours }
        poaKWhPerM2Day = months.enumerated().map { month, steps in
            poaWM2[steps].reduce(0, +) * axis.stepHours / 1000 / Double(CivilCalendar.daysInMonth[month])
        }
    }

    /// The year's AC energy, kWh.
    public var annualACKWh: Double { acKWh.reduce(0, +) }
    /// The year's mean daily plane-of-array radiation, kWh/m²/day.
    public var annualPOAKWhPerM2Day: Double {
        zip(poaKWhPerM2Day, CivilCalendar.daysInMonth).reduce(0) { $0 + $1.0 * Double($1.1) } / 365
    }

    /// The table as text, PVWatts' columns.
    public func render() -> String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        var text = "month        solar radiation   AC energy\n             (kWh/m²/day)      (kWh)\n"
        for month in 0..<12 {
            text += names[month].padding(toLength: 13, withPad: " ", startingAt: 0)
                + pad(NumberFormat.fixed(poaKWhPerM2Day[month], decimals: 2), 12) + pad(NumberFormat.grouped(acKWh[month]), 15) + "\n"
        }
        return text + "annual".padding(toLength: 13, withPad: " ", startingAt: 0)
            + pad(NumberFormat.fixed(annualPOAKWhPerM2Day, decimals: 2), 12) + pad(NumberFormat.grouped(annualACKWh), 15) + "\n"
    }

    /// The table as JSON fields: `monthly` rows and the annual figures.
    public var jsonObject: [String: Any] {
        ["monthly": (0..<12).map { ["month": $0 + 1, "poa_kwh_per_m2_day": poaKWhPerM2Day[$0], "ac_kwh": acKWh[$0]] as [String: Any] },
         "annual_ac_kwh": annualACKWh, "annual_poa_kwh_per_m2_day": annualPOAKWhPerM2Day]
    }

    private func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
}

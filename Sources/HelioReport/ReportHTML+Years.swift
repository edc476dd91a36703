import HelioGrid

extension ReportHTML {
    /// A campus that grows, year by year (`economics.json` `years`): energy by source against the
    /// load, the carbon intensity and the capital spent, then the table. Nothing for a fixed campus.
    mutating func yearByYear() {
        guard let years = report.economics.years else { return }
        let money = report.economics.currency
        section("Year by year: a campus that grows", id: "years")
        html += "<p>The load follows the GPU phases in force and the plant the expansions installed by each year "
            + "(docs/lifetime.md, “A campus that grows”). Each expansion is paid in the year before it runs.</p>"
        html += ReportCharts.campusEnergy(years) + ReportCharts.campusIntensity(years, capexCurrency: money)
        table(["year", "GPUs", "load MWh", "PV MWh", "gensets MWh", "unserved MWh", "g/kWh", "PV kWdc", "battery kWh", "battery kW", "gensets",
               "capex \(money)", "cash flow \(money)"],
              years.enumerated().map { index, year in
                  let path = "economics.json:years.\(index)."
                  return [.integer(year.year, path + "year"), .integer(year.gpus ?? 0, path + "gpus"),
                          .number(year.loadKWh, path + "load_kwh", 0, scale: 0.001), .number(year.pvUsedKWh, path + "pv_used_kwh", 0, scale: 0.001),
                          .number(year.dieselKWh, path + "diesel_kwh", 0, scale: 0.001), .number(year.unservedKWh, path + "unserved_kwh", 1, scale: 0.001),
                          .number(year.intensity, path + "intensity_g_per_kwh", 1),
                          .optional(year.installedPVKW, path + "installed_pv_kw", 0), .optional(year.installedBatteryKWh, path + "installed_battery_kwh", 0),
                          .optional(year.installedBatteryKW, path + "installed_battery_kw", 0), .integer(year.installedDieselUnits ?? 0, path + "installed_diesel_units"),
                          .optional(year.capex, path + "capex", 0), .optional(year.cashFlow, path + "cash_flow", 0)]
              })
    }
}

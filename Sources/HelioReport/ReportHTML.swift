import Foundation
import HelioGrid
import HelioStudy

/// `report.html`: one self-contained page (inline CSS and SVG, no scripts) showing the report's
/// JSON documents. Every number in a table cell is written from a document value and names it —
/// `data-json="file:path"`, `data-dp` (decimals shown) and `data-scale` (× 100 for percentages), or
/// `data-format="integer"` for years and counts shown without separators —
/// so a reader or a test can check the page against the JSON.
struct ReportHTML {
    let report: CarbonReport
    var html = ""

    init(report: CarbonReport) { self.report = report }

    /// A table cell: a number from a JSON document, an optional one, or a row label.
    enum Cell {
        case number(Double, String, Int, scale: Double = 1)
        case optional(Double?, String, Int, scale: Double = 1)
        case integer(Int, String)
        case label(String)
    }

    /// The page.
    func render() -> String {
        var page = self
        page.build()
        return page.html
    }

    /// `reporting year 2026`, or `reporting years 2026–2028` for a run of several.
    static func reportingYears(first: Int, last: Int) -> String {
        first == last ? "reporting year \(first)" : "reporting years \(first)–\(last)"
    }

    private mutating func build() {
        let scenario = report.plant.scenario
        html += "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>HelioGrid carbon and economics report — "
            + escape(scenario.site.name) + "</title><style>" + Self.style + "</style></head><body>"
        html += "<h1>Carbon, compliance and economics report</h1><p class=\"lead\">" + escape(scenario.site.name)
            + " · " + escape(report.plantLabel) + " · dispatch " + escape(report.plant.dispatch.rawValue) + " · "
            + "\(report.plant.axis.stepMinutes)-minute steps · " + Self.reportingYears(first: report.inventory.firstYear, last: report.inventory.lastYear)
            + " · money in " + escape(report.economics.currency) + "</p>"
        plantAndInputs()
        headline()
        energy()
        inventory()
        cbam()
        economics()
        yearByYear()
        reliability()
        transients()
        methodology()
        html += "</body></html>\n"
    }

    // MARK: Sections

    private mutating func headline() {
        let e = report.economics, firstYear = report.cbam.years.first
        section("Key figures", id: "key-figures")
        table(["figure", "value", "unit"], [
            [.label("Scope 1 emissions"), .number(report.inventory.scope1CO2eT, "inventory.json:scope1_t_co2e", 0), .label("tCO2e")],
            [.label("Scope 2 (market-based)"), .number(report.inventory.scope2MarketT, "inventory.json:scope2_market_t_co2e", 0), .label("tCO2e")],
            [.label("Carbon intensity of power used"), .number(report.kpi.intensityGPerKWh, "kpi.json:intensity_g_per_kwh", 1), .label("gCO2e/kWh")],
            [.label("24/7 carbon-free energy (hourly matched)"), .number(report.kpi.carbonFreeScore, "kpi.json:carbon_free_score", 1, scale: 100), .label("%")],
            [.label("CBAM emission factor, first year"), .number(firstYear?.emissionFactorTPerMWh ?? 0, "cbam.json:years.0.emission_factor_t_per_mwh", 4), .label("tCO2e/MWh")],
            [.label("PUE"), .number(report.kpi.kpi.pue, "kpi.json:kpi.pue", 3), .label("ratio")],
            [.label("LCOE, this plant"), .number(e.plant.lcoePerKWh, "economics.json:plant.lcoe_per_kwh", 4), .label("\(e.currency)/kWh")],
            [.label("LCOE, diesel only"), .number(e.baseline.lcoePerKWh, "economics.json:baseline.lcoe_per_kwh", 4), .label("\(e.currency)/kWh")],
            [.label("NPC savings against diesel only"), .number(e.comparison.npcSavings, "economics.json:comparison.npc_savings", 0), .label(e.currency)],
            [.label("IRR of the extra investment"), .optional(e.comparison.irr, "economics.json:comparison.irr", 1, scale: 100), .label("%")],
            [.label("Discounted payback"), .optional(e.comparison.discountedPaybackYears, "economics.json:comparison.discounted_payback_years", 1), .label("years")],
        ])
    }

    private mutating func energy() {
        let k = report.kpi.kpi, series = report.firstYear, axis = report.plant.axis
        section("Energy and data-centre KPIs", id: "kpi")
        html += "<p>ISO/IEC 30134 indicators and the energy fields of the EU data-centre reporting scheme (Delegated Regulation (EU) 2024/1364, Annex II) that the model knows.</p>"
        table(["indicator", "value", "unit"], [
            [.label("PUE (ISO/IEC 30134-2)"), .number(k.pue, "kpi.json:kpi.pue", 3), .label("ratio")],
            [.label("REF (ISO/IEC 30134-3)"), .number(k.ref, "kpi.json:kpi.ref", 1, scale: 100), .label("%")],
            [.label("CUE (ISO/IEC 30134-8)"), .number(k.cueKgPerKWh, "kpi.json:kpi.cue_kg_per_kwh", 4), .label("kgCO2e per IT kWh")],
            [.label("ERF (ISO/IEC 30134-6), no heat reuse modelled"), .number(k.erf, "kpi.json:kpi.erf", 2), .label("fraction")],
            [.label("Total energy consumption (E_DC)"), .number(k.totalEnergyKWh, "kpi.json:kpi.total_energy_kwh", 1, scale: 0.001), .label("MWh")],
            [.label("IT energy consumption (E_IT)"), .number(k.itEnergyKWh, "kpi.json:kpi.it_energy_kwh", 1, scale: 0.001), .label("MWh")],
            [.label("Installed IT power demand (P_DIT)"), .number(k.installedITPowerKW, "kpi.json:kpi.installed_it_power_kw", 1), .label("kW")],
            [.label("Renewable energy consumption, total"), .number(k.renewableTotalKWh, "kpi.json:kpi.renewable_total_kwh", 1, scale: 0.001), .label("MWh")],
            [.label("… from on-site renewable sources"), .number(k.renewableOnSiteKWh, "kpi.json:kpi.renewable_on_site_kwh", 1, scale: 0.001), .label("MWh")],
            [.label("… from contractual instruments (GO, PPA)"), .number(k.renewableContractKWh, "kpi.json:kpi.renewable_contract_kwh", 1, scale: 0.001), .label("MWh")],
            [.label("Backup generators, rated power"), .number(k.backupGeneratorKW, "kpi.json:kpi.backup_generator_kw", 0), .label("kW")],
            [.label("Backup generators, energy produced"), .number(k.backupGeneratorEnergyKWh, "kpi.json:kpi.backup_generator_energy_kwh", 1, scale: 0.001), .label("MWh")],
        ])
        html += "<h3>Monthly energy into the bus by source</h3>" + ReportCharts.monthlyEnergy(report.kpi.monthly)
        table(["month", "PV MWh", "battery discharge MWh", "gensets MWh", "grid import MWh", "served MWh", "tCO2e"],
              report.kpi.monthly.enumerated().map { index, month in
                  let path = "kpi.json:monthly.\(index)."
                  return [.label(ReportCharts.monthNames[index]), .number(month.pvMWh, path + "pv_mwh", 1),
                          .number(month.batteryDischargeMWh, path + "battery_discharge_mwh", 1), .number(month.dieselMWh, path + "diesel_mwh", 1),
                          .number(month.gridImportMWh, path + "grid_import_mwh", 1), .number(month.servedMWh, path + "served_mwh", 1),
                          .number(month.emissionsT, path + "emissions_t_co2e", 1)]
              })
        html += "<h3>A summer week (from 15 July) and a winter week (from 15 January)</h3>"
        html += "<h4>Summer: 15–21 July \(report.inventory.firstYear)</h4>" + ReportCharts.week(series, axis: axis, firstDay: 195, title: "Summer week of dispatch")
        html += "<h4>Winter: 15–21 January \(report.inventory.firstYear)</h4>" + ReportCharts.week(series, axis: axis, firstDay: 14, title: "Winter week of dispatch")
        html += "<h3>Battery state of charge, day × hour (first year)</h3>" + ReportCharts.socHeatMap(series, axis: axis)
        html += "<h3>Carbon intensity of the power used, duration curve</h3>"
            + ReportCharts.intensityDurationCurve(report.intensities, stepHours: axis.stepHours)
    }

    private mutating func inventory() {
        let i = report.inventory
        section("GHG inventory (GHG Protocol)", id: "inventory")
        table(["item", "value", "unit"], [
            [.label("Scope 1 CO2"), .number(i.scope1CO2T, "inventory.json:scope1_co2_t", 1), .label("t CO2")],
            [.label("Scope 1 CH4"), .number(i.scope1CH4T, "inventory.json:scope1_ch4_t", 3), .label("t CH4")],
            [.label("Scope 1 N2O"), .number(i.scope1N2OT, "inventory.json:scope1_n2o_t", 3), .label("t N2O")],
            [.label("Scope 1 total (\(i.gwp) GWP100)"), .number(i.scope1CO2eT, "inventory.json:scope1_t_co2e", 1), .label("tCO2e")],
            [.label("Scope 2 location-based"), .number(i.scope2LocationT, "inventory.json:scope2_location_t_co2e", 1), .label("tCO2e")],
            [.label("Scope 2 market-based"), .number(i.scope2MarketT, "inventory.json:scope2_market_t_co2e", 1), .label("tCO2e")],
            [.label("Scope 3 (informational): PV life cycle"), .number(i.scope3PVLifecycleT, "inventory.json:scope3_pv_lifecycle_t_co2e", 1), .label("tCO2e")],
            [.label("Scope 3 (informational): battery embodied, every battery bought"), .number(i.scope3BatteryEmbodiedT, "inventory.json:scope3_battery_embodied_t_co2e", 1), .label("tCO2e")],
            [.label("Scope 3 (informational): diesel well-to-tank, category 3"), .number(i.scope3DieselWTTT, "inventory.json:scope3_diesel_wtt_t_co2e", 1), .label("tCO2e")],
        ])
        html += "<h3>Ledger balance: carbon in = attributed + carbon left in the battery pool</h3>"
        table(["emitted tCO2e", "to load tCO2e", "to export tCO2e", "in the pool at the end tCO2e"], [[
            .number(i.balance.emittedT, "inventory.json:balance.emitted_t", 3), .number(i.balance.loadT, "inventory.json:balance.load_t", 3),
            .number(i.balance.exportT, "inventory.json:balance.export_t", 3), .number(i.balance.poolEndT, "inventory.json:balance.pool_end_t", 3),
        ]])
        html += "<h3>Emission factors</h3>"
        table(["factor", "value", "unit", "source"], i.factors.enumerated().map { index, factor in
            [.label(factor.name), .number(factor.value, "inventory.json:factors.\(index).value", 3), .label(factor.unit), .label(factor.source)]
        })
        guard !i.instruments.isEmpty else { return }
        html += "<h3>Contractual instruments (market-based Scope 2)</h3>"
        table(["id", "kind", "MWh", "applied MWh", "gCO2e/kWh"], i.instruments.enumerated().map { index, instrument in
            let path = "inventory.json:instruments.\(index)."
            return [.label(instrument.id), .label(instrument.kind), .number(instrument.mwh, path + "mwh", 3),
                    .number(instrument.appliedMWh, path + "applied_mwh", 3), .number(instrument.gPerKWh, path + "g_per_kwh", 1)]
        })
    }

    private mutating func cbam() {
        let c = report.cbam, money = c.prices.currency
        section("CBAM: electricity emission factor and carbon cost", id: "cbam")
        html += "<p>Determination: " + escape(c.determination) + ". Factor = CO2 of generation (Annex I: CO2 only for electricity) / "
            + "electricity delivered.</p>"
        table(["period", "delivered MWh", "emissions tCO2", "factor tCO2/MWh", "PV MWh", "gensets MWh", "import MWh",
               "battery in MWh", "battery out MWh", "fuel L"],
              c.quarters.enumerated().map { cbamRow($1, "cbam.json:quarters.\($0).") } + c.years.enumerated().map { cbamRow($1, "cbam.json:years.\($0).") })
        html += "<h3>Carbon-cost path: CO2 × (certificate price − price paid at origin); electricity has no free allocation, "
            + "so no phase-in applies</h3>"
        table(["year", "calendar year", "certificate \(money)/t", "origin \(money)/t", "tCO2", "cost \(money)",
               "\(money)/MWh", "\(money)/GPU-hour"],
              c.costPath.enumerated().map { index, row in
                  let path = "cbam.json:cost_path.\(index)."
                  return [.integer(row.year, path + "year"), .integer(row.calendarYear, path + "calendar_year"),
                          .number(row.certificatePricePerT, path + "certificate_price_per_t", 2), .number(row.originPricePerT, path + "origin_price_per_t", 2),
                          .number(row.emissionsT, path + "emissions_t_co2", 0), .number(row.cost, path + "cost", 0),
                          .number(row.costPerMWh, path + "cost_per_mwh", 3), .number(row.costPerGPUHour, path + "cost_per_gpu_hour", 5)]
              })
        html += "<h3>Carbon-tariff resilience: energy + carbon cost per MWh, \(escape(report.plantLabel)) against diesel only</h3>"
        html += ReportCharts.costVersusCarbonPrice(c.resilience, currency: money)
        table(["carbon price \(money)/t", "plant energy", "plant carbon", "plant total", "diesel energy", "diesel carbon", "diesel total",
               "advantage \(money)/MWh"],
              c.resilience.enumerated().map { index, point in
                  let path = "cbam.json:resilience.\(index)."
                  return [.number(point.carbonPricePerT, path + "carbon_price_per_t", 0), .number(point.plantEnergyPerMWh, path + "plant_energy_per_mwh", 2),
                          .number(point.plantCarbonPerMWh, path + "plant_carbon_per_mwh", 2), .number(point.plantTotalPerMWh, path + "plant_total_per_mwh", 2),
                          .number(point.baselineEnergyPerMWh, path + "baseline_energy_per_mwh", 2),
                          .number(point.baselineCarbonPerMWh, path + "baseline_carbon_per_mwh", 2),
                          .number(point.baselineTotalPerMWh, path + "baseline_total_per_mwh", 2), .number(point.advantagePerMWh, path + "advantage_per_mwh", 2)]
              })
    }

    private func cbamRow(_ period: CBAMElectricityPeriod, _ path: String) -> [Cell] {
        [.label(period.label), .number(period.deliveredMWh, path + "delivered_mwh", 1), .number(period.emissionsT, path + "emissions_t_co2", 1),
         .number(period.emissionFactorTPerMWh, path + "emission_factor_t_per_mwh", 4), .number(period.pvMWh, path + "pv_mwh", 1),
         .number(period.dieselMWh, path + "diesel_mwh", 1), .number(period.importMWh, path + "import_mwh", 1),
         .number(period.batteryChargeMWh, path + "battery_charge_mwh", 1), .number(period.batteryDischargeMWh, path + "battery_discharge_mwh", 1),
         .number(period.fuelL, path + "fuel_l", 0)]
    }

    private var scenarioHasGrid: Bool { report.plant.scenario.connectedGrid != nil }

    /// The plant's first-year grid bill and its monthly peak imports (docs/grid.md).
    private mutating func gridBill() {
        let g = report.economics.grid, money = report.economics.currency
        html += "<h3>Grid bill, first year (\(money))</h3>"
        table(["imports", "export revenue", "demand charges", "fixed charges", "bill"], [[
            .number(g.importCost, "economics.json:grid.import_cost_year1", 0), .number(g.exportRevenue, "economics.json:grid.export_revenue_year1", 0),
            .number(g.demandCharge, "economics.json:grid.demand_charge_year1", 0), .number(g.fixedCharge, "economics.json:grid.fixed_charge_year1", 0),
            .number(g.cost, "economics.json:grid.cost_year1", 0),
        ]])
        html += "<h4>Monthly peak import (a step's average), kW</h4>"
        table(["month", "peak kW"], g.monthlyPeakImportKW.indices.map { month in
            [.label(ReportCharts.monthNames[month]), .number(g.monthlyPeakImportKW[month], "economics.json:grid.monthly_peak_import_kw.\(month)", 1)]
        })
    }

    private mutating func economics() {
        let e = report.economics, money = e.currency
        section("Lifetime economics", id: "economics")
        table(["plant", "capex \(money)", "NPC \(money)", "annualised \(money)/year", "LCOE \(money)/kWh"],
              [("plant", e.plant), ("baseline", e.baseline)].map { key, plant in
                  [.label(plant.label), .number(plant.capex, "economics.json:\(key).capex", 0), .number(plant.npc, "economics.json:\(key).npc", 0),
                   .number(plant.annualisedCost, "economics.json:\(key).annualised_cost", 0), .number(plant.lcoePerKWh, "economics.json:\(key).lcoe_per_kwh", 4)]
              })
        table(["NPC savings \(money)", "year-1 savings \(money)", "IRR %", "discounted payback years", "simple payback years"], [[
            .number(e.comparison.npcSavings, "economics.json:comparison.npc_savings", 0),
            .number(e.comparison.firstYearSavings, "economics.json:comparison.first_year_savings", 0),
            .optional(e.comparison.irr, "economics.json:comparison.irr", 1, scale: 100),
            .optional(e.comparison.discountedPaybackYears, "economics.json:comparison.discounted_payback_years", 2),
            .optional(e.comparison.simplePaybackYears, "economics.json:comparison.simple_payback_years", 2),
        ]])
        html += "<h3>Yearly cash flows (real \(money), costs positive, salvage a credit)</h3>"
            + ReportCharts.cashFlows(plant: e.plant.cashFlows, baseline: e.baseline.cashFlows, currency: money)
        for (key, plant) in [("plant", e.plant), ("baseline", e.baseline)] {
            html += "<h4>" + escape(plant.label) + "</h4>"
            table(["year", "capex", "replacement", "O&amp;M", "fuel", "carbon", "grid energy", "grid charges", "unserved", "GPU work lost", "salvage", "total",
                   "discounted"],
                  plant.cashFlows.enumerated().map { index, row in
                      let path = "economics.json:\(key).cash_flows.\(index)."
                      return [.integer(row.year, path + "year"), .number(row.capex, path + "capex", 0),
                              .number(row.replacement, path + "replacement", 0), .number(row.operationsAndMaintenance, path + "om", 0),
                              .number(row.fuel, path + "fuel", 0), .number(row.carbon, path + "carbon", 0), .number(row.gridEnergy, path + "grid_energy", 0),
                              .number(row.gridCharges, path + "grid_charges", 0),
                              .number(row.unservedPenalty, path + "unserved_penalty", 0), .number(row.throughputLost, path + "throughput_lost", 0),
                              .number(row.salvage, path + "salvage", 0),
                              .number(row.total, path + "total", 0), .number(row.discounted, path + "discounted", 0)]
                  })
        }
        if scenarioHasGrid { gridBill() }
        html += "<h3>Sensitivity (±20 %, dispatch held as simulated)</h3>"
            + ReportCharts.tornado(e.sensitivity, baseNPC: e.plant.npc, currency: money)
        table(["assumption", "NPC −20 %", "NPC +20 %", "LCOE −20 %", "LCOE +20 %", "savings −20 %", "savings +20 %"],
              e.sensitivity.enumerated().map { index, row in
                  let path = "economics.json:sensitivity.\(index)."
                  return [.label(row.parameter), .number(row.npcLow, path + "npc_low", 0), .number(row.npcHigh, path + "npc_high", 0),
                          .number(row.lcoeLow, path + "lcoe_low_per_kwh", 4), .number(row.lcoeHigh, path + "lcoe_high_per_kwh", 4),
                          .number(row.savingsLow, path + "savings_low", 0), .number(row.savingsHigh, path + "savings_high", 0)]
              })
        html += "<h3>Assumptions</h3>"
        table(["input", "value", "unit"], e.assumptions.enumerated().map { index, input in
            [.label(input.name), .number(input.value, "economics.json:assumptions.\(index).value", 4), .label(input.unit)]
        })
        table(["plant", "component", "capex", "fixed O&amp;M per year", "life years"], e.components.enumerated().map { index, component in
            let path = "economics.json:components.\(index)."
            return [.label(component.plant), .label(component.name), .number(component.capex, path + "capex", 0),
                    .number(component.fixedOMPerYear, path + "fixed_om_per_year", 0), .optional(component.lifeYears, path + "life_years", 2)]
        })
    }

    private mutating func methodology() {
        section("Methodology", id: "methodology")
        html += "<ul>" + ReportMethodology.items.map { "<li>" + escape($0) + "</li>" }.joined() + "</ul>"
        html += "<p>Files beside this page: " + report.fileNames.dropFirst().joined(separator: ", ") + ". "
            + "Every number in a table above is taken from those files (the cell names its file and key).</p>"
    }

    // MARK: HTML pieces

    mutating func section(_ title: String, id: String) {
        html += "<h2 id=\"\(id)\">" + escape(title) + "</h2>"
    }

    mutating func table(_ headers: [String], _ rows: [[Cell]]) {
        html += "<table><thead><tr>" + headers.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows { html += "<tr>" + row.map(Self.cell).joined() + "</tr>" }
        html += "</tbody></table>"
    }

    private static func cell(_ cell: Cell) -> String {
        switch cell {
        case .label(let text):
            return "<th scope=\"row\">" + escape(text) + "</th>"
        case .number(let value, let path, let decimals, let scale):
            return "<td data-json=\"\(path)\" data-dp=\"\(decimals)\" data-scale=\"\(scale)\">"
                + NumberFormat.groupedFixed(value * scale, decimals: decimals) + "</td>"
        case .integer(let value, let path):
            return "<td data-json=\"\(path)\" data-format=\"integer\">\(value)</td>"
        case .optional(let value, let path, let decimals, let scale):
            guard let value else { return "<td data-json=\"\(path)\" data-null=\"true\">n/a</td>" }
            return Self.cell(.number(value, path, decimals, scale: scale))
        }
    }

    static let style = """
        body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222;line-height:1.4}
        h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:2px solid #2a9d8f}.lead{color:#555}
        table{border-collapse:collapse;margin:.8rem 0;font-size:.85rem}th,td{border:1px solid #ddd;padding:.2rem .5rem}
        td{text-align:right;font-variant-numeric:tabular-nums}thead th{background:#f3f6f6}th[scope=row]{text-align:left;font-weight:normal}
        svg{display:block;margin:.6rem 0;width:100%;height:auto}dl.plant{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
        dl.plant dt{font-weight:600}dl.plant dd{margin:0}
        """
}

func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}

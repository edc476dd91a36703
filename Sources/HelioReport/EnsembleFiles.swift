import Foundation
import HelioGrid
import HelioStudy

/// The files `heliogrid ensemble` writes (docs/output-contract.md): `ensemble.csv` (one row per
/// weather year, from which every statistic can be recomputed), `ensemble.json` (the statistics,
/// the darkest week, the weather's provenance) and `ensemble.html` (exceedance charts); and the
/// lines it prints.
public enum EnsembleFiles {
    /// The files `ensemble --out` writes.
    public static let fileNames = ["ensemble.csv", "ensemble.json", "ensemble.html"]
    /// What a shard writes: its members and its record.
    public static let shardFileNames = ["ensemble-shard.json"]
    /// `ensemble.csv` columns.
    public static let memberColumns = [
        "member", "weather", "ghi_kwh_per_m2", "pv_available_kwh", "pv_yield_kwh_per_kwp", "renewable_fraction", "fuel_l", "diesel_kwh",
        "intensity_g_per_kwh", "unserved_kwh", "loss_of_load_hours", "npc", "lcoe_per_kwh", "worst_week_first_day",
        "worst_week_pv_available_kwh", "worst_week_diesel_kwh", "worst_week_fuel_l", "worst_week_unserved_kwh", "worst_week_tank_end_l",
    ]

    /// One row per member (shortest round-trip numbers; `worst_week_tank_end_l` empty without a tank).
    public static func membersCSV(_ members: [EnsembleMember]) -> String {
        var text = memberColumns.joined(separator: ",") + "\n"
        for m in members {
            let w = m.worstWeek
            let fields: [String] = [
                "\(m.index + 1)", quoted(m.label), "\(m.ghiKWhM2)", "\(m.pvAvailableKWh)", "\(m.pvYieldKWhPerKWp)",
                "\(m.renewableFraction)", "\(m.fuelL)", "\(m.dieselKWh)", "\(m.intensityGPerKWh)", "\(m.unservedKWh)", "\(m.lossOfLoadHours)",
                "\(m.npc)", "\(m.lcoePerKWh)", "\(w.firstDay)", "\(w.pvAvailableKWh)", "\(w.dieselKWh)", "\(w.fuelL)", "\(w.unservedKWh)",
                w.tankEndL.map { "\($0)" } ?? "",
            ]
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }

    /// A CSV field in quotes (RFC 4180: an inner quote doubled): file names may hold commas.
    static func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// `ensemble.json`.
    public static func summaryJSON(_ study: EnsembleStudy, _ result: EnsembleResult, seconds: Double) throws -> String {
        var object: [String: Any] = [
            "members": result.members.count, "dispatch": study.scenario.dispatch.strategy.rawValue,
            "project_years": study.scenario.site.years, "weather": weatherRecord(study.ensemble),
            "levels": EnsembleStatistic.levels.map { "p\($0)" },
        ]
        var statistics: [String: Any] = [:]
        for s in result.statistics {
            statistics[s.key] = ["label": s.label, "unit": s.unit, "higher_is_better": s.higherIsBetter, "mean": s.mean,
                                 "p10": s.p10, "p50": s.p50, "p90": s.p90, "p99": s.p99] as [String: Any]
        }
        object["statistics"] = statistics
        let dark = result.darkestWeekMember, week = dark.worstWeek
        object["darkest_week"] = [
            "member": dark.index + 1, "weather": dark.label, "first_day": week.firstDay, "pv_available_kwh": week.pvAvailableKWh,
            "diesel_kwh": week.dieselKWh, "fuel_l": week.fuelL, "unserved_kwh": week.unservedKWh,
            "tank_end_l": week.tankEndL.map { $0 as Any } ?? NSNull(),
            "fuel_tank_l": study.scenario.reliability?.fuelTankL.map { $0 as Any } ?? NSNull(),
        ] as [String: Any]
        object["timing"] = ["seconds": seconds, "members_per_second": seconds > 0 ? Double(result.members.count) / seconds : 0]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Where the ensemble's years came from.
    private static func weatherRecord(_ ensemble: WeatherEnsemble) -> [String: Any] {
        switch ensemble.members {
        case .files(let paths):
            return ["kind": "files", "files": paths.map { URL(fileURLWithPath: $0).lastPathComponent }]
        case .synthetic(let generator):
            let c = generator.config
            return ["kind": "synthetic", "source": URL(fileURLWithPath: generator.source.source).lastPathComponent, "years": c.years,
                    "seed": c.seed, "interannual_cv": c.interannualCV, "daily": c.daily.rawValue]
        }
    }

    /// The lines `heliogrid ensemble` prints: the statistics table and the darkest week.
    public static func terminal(_ study: EnsembleStudy, _ result: EnsembleResult, seconds: Double) -> String {
        var text = "Ensemble: \(study.scenario.site.name), \(result.members.count) weather years, \(study.scenario.dispatch.strategy.rawValue) "
            + "dispatch over \(study.scenario.site.years) year(s) each, " + String(format: "%.1f s", seconds) + "\n"
        text += "  Pxx: the campus does no worse in xx % of the years (yield exceeded, costs not exceeded)\n"
        text += "  " + "figure".padding(toLength: 30, withPad: " ", startingAt: 0)
            + ["mean", "P10", "P50", "P90", "P99"].map { $0.leftPadded(to: 14) }.joined() + "\n"
        for s in result.statistics {
            let label = s.label + (s.unit.isEmpty ? "" : " (\(s.unit))")
            text += "  " + label.padding(toLength: 30, withPad: " ", startingAt: 0)
                + ([s.mean] + s.values).map { format($0, key: s.key).leftPadded(to: 14) }.joined() + "\n"
        }
        let dark = result.darkestWeekMember, week = dark.worstWeek
        text += "  darkest week: \(dark.label), days \(week.firstDay)–\(week.firstDay + 6): PV "
            + NumberFormat.grouped(week.pvAvailableKWh / 1000) + " MWh, gensets " + NumberFormat.grouped(week.dieselKWh / 1000) + " MWh, "
            + NumberFormat.grouped(week.fuelL) + " L of fuel"
        if let tankEnd = week.tankEndL {
            text += tankEnd >= 0 ? ", tank left at " + NumberFormat.grouped(tankEnd) + " L without a delivery"
                : ", tank dry without a delivery (short by " + NumberFormat.grouped(-tankEnd) + " L)"
        }
        return text + "\n"
    }

    /// A statistic's value for the terminal: fractions as per cent, costs per kWh to 4 decimals.
    static func format(_ value: Double, key: String) -> String {
        switch key {
        case "renewable_fraction": return NumberFormat.fixed(value * 100, decimals: 1) + " %"
        case "lcoe_per_kwh": return NumberFormat.fixed(value, decimals: 4)
        case "intensity_g_per_kwh", "loss_of_load_hours": return NumberFormat.fixed(value, decimals: 1)
        default: return NumberFormat.grouped(value)
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? " " + self : String(repeating: " ", count: width - count) + self }
}

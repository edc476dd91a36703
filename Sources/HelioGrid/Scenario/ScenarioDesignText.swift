import Foundation
import TOMLKit

/// A scenario file rewritten for one design of a sizing study (`best.toml`): the plant's sizes set,
/// a component sized 0 removed, the `[size]` section dropped, and every file path made absolute so
/// the file runs as-is from any folder. Everything else is the original file's.
public enum ScenarioDesignText {
    /// Keys holding file paths, by table.
    static let pathKeys: [(table: String, key: String)] = [
        ("site", "weather"), ("load", "csv"), ("pv", "production_csv"), ("grid", "carbon_csv"), ("grid", "instruments_csv"),
    ]

    /// `scenario`'s file as it is, with every file path made absolute (a sizing shard's `scenario.toml`).
    public static func absolute(_ scenario: Scenario) throws -> String {
        try rewritten(scenario) { _ in }
    }

    /// `scenario`'s file with the given sizes (kWdc, kWh, kW, units, kW).
    public static func text(of scenario: Scenario, pvKW: Double, batteryKWh: Double, batteryKW: Double,
                            dieselUnits: Int, dieselUnitKW: Double) throws -> String {
        try rewritten(scenario) { table in
            table.remove(at: "size")
            set(table, "pv", present: pvKW > 0) { $0["dc_kw"] = pvKW }
            set(table, "battery", present: batteryKWh > 0 && batteryKW > 0) { $0["energy_kwh"] = batteryKWh; $0["power_kw"] = batteryKW }
            set(table, "diesel", present: dieselUnits > 0) { $0["units"] = dieselUnits; $0["unit_kw"] = dieselUnitKW }
        }
    }

    /// The file re-read, paths made absolute, then `change`d, written back.
    private static func rewritten(_ scenario: Scenario, _ change: (TOMLTable) -> Void) throws -> String {
        let source = try TextFile.read(path: scenario.source, kind: .scenario, what: "scenario file")
        let table: TOMLTable
        do { table = try TOMLTable(string: source) } catch {
            throw HelioError(.scenario, "cannot re-read the scenario: \(error)", file: scenario.source)
        }
        let folder = URL(fileURLWithPath: scenario.source).deletingLastPathComponent().path
        for (tableName, key) in pathKeys {
            guard let section = table[tableName]?.table, let path = section[key]?.string else { continue }
            section[key] = SiteConfig.resolve(path, against: folder)
        }
        change(table)
        return table.convert() + "\n"
    }

    private static func set(_ root: TOMLTable, _ name: String, present: Bool, _ update: (TOMLTable) -> Void) {
        guard present else { root.remove(at: name); return }
        if root[name]?.table == nil { root[name] = TOMLTable() }
        update(root[name]!.table!)
    }
}

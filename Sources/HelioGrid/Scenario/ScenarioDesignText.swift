import Foundation
import TOMLKit

/// A scenario file rewritten for one design of a sizing study (`best.toml`): the plant's sizes set,
/// a component sized 0 removed, the `[size]` section dropped, the study's dispatch strategy and years set, and
/// every input file named by a path relative to the written file (``inputsFolder``), where the
/// input files are copied, so the folder runs as-is on any machine. Everything else is the
/// original file's.
public enum ScenarioDesignText {
    /// The folder beside `best.toml` its input files are copied into.
    public static let inputsFolder = "inputs"

    /// Keys holding file paths, by table.
    static let pathKeys: [(table: String, key: String)] = [
        ("site", "weather"), ("load", "csv"), ("pv", "production_csv"), ("grid", "carbon_csv"), ("grid", "instruments_csv"),
    ]

    /// `scenario`'s file as it is, with every file path made absolute (a sizing shard's `scenario.toml`).
    public static func absolute(_ scenario: Scenario) throws -> String {
        try rewritten(scenario) { _ in }
    }

    /// `scenario`'s file with the given sizes (kWdc, kWh, kW, units, kW) and battery augmentation, its dispatch strategy and years,
    /// each input file named `inputs/<name>`; and the input files to copy there (absolute path, name).
    public static func text(of scenario: Scenario, pvKW: Double, batteryKWh: Double, batteryKW: Double,
                            dieselUnits: Int, dieselUnitKW: Double, augmentation: BatteryAugmentation = .replace) throws
        -> (text: String, inputs: [(path: String, name: String)]) {
        var inputs: [(path: String, name: String)] = []
        let text = try rewritten(scenario) { table in
            for (tableName, key) in pathKeys {
                guard let section = table[tableName]?.table, let path = section[key]?.string else { continue }
                let file = URL(fileURLWithPath: path).lastPathComponent
                let name = inputs.contains { $0.name == file } ? "\(tableName)-\(key)-\(file)" : file
                inputs.append((path, name))
                section[key] = inputsFolder + "/" + name
            }
            table.remove(at: "size")
            set(table, "dispatch", present: true) { $0["strategy"] = scenario.dispatch.strategy.rawValue }
            set(table, "site", present: true) { $0["years"] = scenario.site.years }
            set(table, "pv", present: pvKW > 0) { $0["dc_kw"] = pvKW }
            set(table, "battery", present: batteryKWh > 0 && batteryKW > 0) {
                $0["energy_kwh"] = batteryKWh
                $0["power_kw"] = batteryKW
                $0["augmentation"] = augmentation.rawValue
            }
            set(table, "diesel", present: dieselUnits > 0) { $0["units"] = dieselUnits; $0["unit_kw"] = dieselUnitKW }
        }
        return (text, inputs)
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

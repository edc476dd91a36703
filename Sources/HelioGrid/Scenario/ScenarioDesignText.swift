import Foundation
import TOMLKit

/// A scenario file rewritten for one design of a sizing study (`best.toml`): the plant's sizes set,
/// a component sized 0 removed, the `[size]` section dropped, the study's dispatch strategy and years set, and
/// every input file named by a path relative to the written file (``inputsFolder``), where the
/// input files are copied, so the folder runs as-is on any machine. Everything else is the
/// original file's, line for line.
public enum ScenarioDesignText {
    /// The folder beside `best.toml` its input files are copied into.
    public static let inputsFolder = "inputs"

    /// Keys holding file paths, by table.
    static let pathKeys: [(table: String, key: String)] = [
        ("load", "csv"), ("pv", "production_csv"), ("grid", "carbon_csv"), ("grid", "instruments_csv"),
    ]

    /// `scenario`'s file as it is, with every file path made absolute (a sizing shard's `scenario.toml`).
    public static func absolute(_ scenario: Scenario) throws -> String {
        let source = try TextFile.read(path: scenario.source, kind: .scenario, what: "scenario file")
        let table = try parsed(source, file: scenario.source)
        let folder = URL(fileURLWithPath: scenario.source).deletingLastPathComponent().path
        var editor = ScenarioTextEditor(text: source)
        editor.set("site", "weather", to: weatherValue(scenario.site.weatherPaths))
        for (tableName, key) in pathKeys {
            guard let path = table[tableName]?.table?[key]?.string else { continue }
            editor.set(tableName, key, to: ScenarioTextEditor.quoted(SiteConfig.resolve(path, against: folder)))
        }
        _ = try parsed(editor.text, file: scenario.source)
        return editor.text
    }

    /// `scenario`'s file with the given sizes (kWdc, kWh, kW, units, kW) and battery augmentation (and, when given, `expansions` in place of its `[[expansions]]`), its
    /// dispatch strategy and years, each input file named `inputs/<name>`; and the input files to copy
    /// there (absolute path, name). The file is edited line by line (``ScenarioTextEditor``): every
    /// line not changed stays as the user wrote it, comments included.
    public static func text(of scenario: Scenario, pvKW: Double, batteryKWh: Double, batteryKW: Double,
                            dieselUnits: Int, dieselUnitKW: Double, augmentation: BatteryAugmentation = .replace,
                            expansions: [PlantExpansion]? = nil) throws
        -> (text: String, inputs: [(path: String, name: String)]) {
        let source = try TextFile.read(path: scenario.source, kind: .scenario, what: "scenario file")
        let table = try parsed(source, file: scenario.source)
        let folder = URL(fileURLWithPath: scenario.source).deletingLastPathComponent().path
        var editor = ScenarioTextEditor(text: source)
        var inputs: [(path: String, name: String)] = []
        var weatherNames: [String] = []
        for path in scenario.site.weatherPaths {
            let file = URL(fileURLWithPath: path).lastPathComponent
            let name = inputs.contains { $0.name == file } ? "weather-\(inputs.count + 1)-\(file)" : file
            inputs.append((path, name))
            weatherNames.append(inputsFolder + "/" + name)
        }
        editor.set("site", "weather", to: weatherValue(weatherNames))
        for (tableName, key) in pathKeys {
            guard let path = table[tableName]?.table?[key]?.string else { continue }
            let file = URL(fileURLWithPath: path).lastPathComponent
            let name = inputs.contains { $0.name == file } ? "\(tableName)-\(key)-\(file)" : file
            inputs.append((SiteConfig.resolve(path, against: folder), name))
            editor.set(tableName, key, to: ScenarioTextEditor.quoted(inputsFolder + "/" + name))
        }
        editor.remove("size")
        editor.set("dispatch", "strategy", to: ScenarioTextEditor.quoted(scenario.dispatch.strategy.rawValue))
        editor.set("site", "years", to: "\(scenario.site.years)")
        if pvKW > 0 { editor.set("pv", "dc_kw", to: "\(pvKW)") } else { editor.remove("pv") }
        if batteryKWh > 0 && batteryKW > 0 {
            editor.set("battery", "energy_kwh", to: "\(batteryKWh)")
            editor.set("battery", "power_kw", to: "\(batteryKW)")
            editor.set("battery", "augmentation", to: ScenarioTextEditor.quoted(augmentation.rawValue))
        } else {
            editor.remove("battery")
        }
        if dieselUnits > 0 {
            editor.set("diesel", "units", to: "\(dieselUnits)")
            editor.set("diesel", "unit_kw", to: "\(dieselUnitKW)")
        } else {
            editor.remove("diesel")
        }
        if let expansions {
            editor.remove("expansions")
            for expansion in expansions {
                editor.append("\n[[expansions]]\nyear = \(expansion.year)\npv_kw = \(expansion.pvKW)\nbattery_kwh = \(expansion.batteryKWh)\n"
                              + "battery_kw = \(expansion.batteryKW)\ndiesel_units = \(expansion.dieselUnits)\n")
            }
        }
        _ = try parsed(editor.text, file: scenario.source)
        return (editor.text, inputs)
    }

    /// `[site] weather`'s value for `paths`: a string for one file, an array for several.
    private static func weatherValue(_ paths: [String]) -> String {
        paths.count == 1 ? ScenarioTextEditor.quoted(paths[0]) : "[" + paths.map(ScenarioTextEditor.quoted).joined(separator: ", ") + "]"
    }

    private static func parsed(_ text: String, file: String) throws -> TOMLTable {
        do { return try TOMLTable(string: text) } catch {
            throw HelioError(.scenario, "cannot re-read the scenario: \(error)", file: file)
        }
    }
}

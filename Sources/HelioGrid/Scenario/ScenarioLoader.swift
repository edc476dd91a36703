import Foundation
import TOMLKit

/// Reads and validates scenario TOML files, and provides the embedded default campus.
public enum ScenarioLoader {
    /// Loads the scenario at `path`; relative paths inside resolve against its folder.
    public static func load(path: String) throws -> Scenario {
        let text = try TextFile.read(path: path, kind: .scenario, what: "scenario file")
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(text: text, file: path, baseDirectory: directory)
    }

    /// The embedded default scenario: `desert-10k.toml` with its Phoenix TMY3 weather file.
    public static func loadDefault() throws -> Scenario {
        guard let url = Bundle.module.url(forResource: "desert-10k", withExtension: "toml", subdirectory: "Resources") else {
            throw HelioError(.io, "the embedded default scenario is missing from the build")
        }
        return try load(path: url.path)
    }

    /// Parses scenario text; `file` names it in errors (with the line of the offending key where it
    /// is written), `baseDirectory` resolves relative paths.
    public static func parse(text: String, file: String, baseDirectory: String) throws -> Scenario {
        do {
            return try parseSections(text: text, file: file, baseDirectory: baseDirectory)
        } catch var error as HelioError {
            if error.line == nil, let key = error.key { error.line = ScenarioKeyLocator.line(of: key, in: text) }
            throw error
        }
    }

    private static func parseSections(text: String, file: String, baseDirectory: String) throws -> Scenario {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw HelioError(.scenario, "TOML syntax: \(error.description)", file: file, line: error.source.begin.line)
        }
        var root = ScenarioSection(table: table, path: "", file: file)
        for required in ["site", "load"] where !root.contains(required) {
            throw HelioError(.scenario, "required section [\(required)] is missing", file: file, key: required)
        }
        var siteSection = try root.section("site")
        let yearsGiven = siteSection.contains("years")
        var loadSection = try root.section("load")
        var scenario = Scenario(
            source: file,
            site: try SiteConfig(&siteSection, baseDirectory: baseDirectory),
            load: try LoadConfig(&loadSection, baseDirectory: baseDirectory))
        if root.contains("pv") {
            var section = try root.section("pv")
            scenario.pv = try PVConfig(&section, baseDirectory: baseDirectory)
        }
        if root.contains("battery") {
            var section = try root.section("battery")
            scenario.battery = try BatteryConfig(&section)
        }
        if root.contains("diesel") {
            var section = try root.section("diesel")
            scenario.diesel = try DieselConfig(&section)
        }
        scenario.omittedSections = ["dispatch", "economics", "carbon"].filter { !root.contains($0) }
        var gridSection = try root.section("grid")
        scenario.grid = try GridConfig(&gridSection, baseDirectory: baseDirectory)
        var dispatchSection = try root.section("dispatch")
        scenario.dispatch = try DispatchConfig(&dispatchSection)
        var economicsSection = try root.section("economics")
        scenario.economics = try EconomicsConfig(&economicsSection)
        var carbonSection = try root.section("carbon")
        scenario.carbon = try CarbonConfig(&carbonSection)
        try readStages(&root, into: &scenario, yearsGiven: yearsGiven)
        var solverSection = try root.section("solver")
        scenario.solver = try SolverConfig(&solverSection)
        if root.contains("modbus") {
            var section = try root.section("modbus")
            scenario.modbus = try ModbusConfig(&section)
        }
        if root.contains("size") {
            var section = try root.section("size")
            scenario.size = try SizeConfig(&section, scenario: scenario)
        }
        if root.contains("reliability") {
            var section = try root.section("reliability")
            scenario.reliability = try ReliabilityConfig(&section, scenario: scenario)
        }
        if root.contains("transients") {
            var section = try root.section("transients")
            scenario.transients = try TransientsConfig(&section)
        }
        if root.contains("weather") {
            var weather = try root.section("weather")
            var section = try weather.section("synthetic")
            try weather.finish()
            scenario.syntheticWeather = try SyntheticWeatherConfig(&section)
            guard scenario.site.weatherPaths.count == 1 else {
                throw HelioError(.scenario, "synthetic years are generated from one typical year; [site] weather lists "
                                 + "\(scenario.site.weatherPaths.count) files", file: file, key: "weather.synthetic")
            }
        }
        try checkSizingEnsemble(scenario, file: file)
        if let path = scenario.grid.instrumentsCSVPath {
            scenario.grid.instruments = try ContractualInstrumentReader.read(
                path: path, firstYear: scenario.carbon.firstYear, years: scenario.site.years)
        }
        try root.finish()
        try checkCrossSection(scenario, file: file)
        return scenario
    }

    /// `[[expansions]]` and the checks of a campus that grows: its phases and expansions lie within the
    /// project, the run covers every year (`[site] years` defaults to the project's when not given),
    /// and its strategy and GPU work can follow a load and plant that change year by year.
    private static func readStages(_ root: inout ScenarioSection, into scenario: inout Scenario, yearsGiven: Bool) throws {
        var year = 1
        for var entry in try root.tableList("expansions") {
            let expansion = try PlantExpansion(&entry, scenario: scenario, previousYear: year)
            scenario.expansions.append(expansion)
            year = expansion.year
        }
        guard scenario.isStaged else { return }
        if let index = scenario.load.phases.firstIndex(where: { $0.year > scenario.economics.projectYears }) {
            throw HelioError(.scenario, "year \(scenario.load.phases[index].year) lies beyond the project's \(scenario.economics.projectYears) years "
                             + "([economics] project_years)", file: scenario.source, key: "load.phases[\(index)].year")
        }
        if !yearsGiven && scenario.site.weatherYears == .ensemble { scenario.site.years = scenario.economics.projectYears }
        try scenario.checkStages()
    }

    /// `[size] limit_probability` needs an ensemble, and `ensemble_years` cannot ask for more files than are listed.
    private static func checkSizingEnsemble(_ scenario: Scenario, file: String) throws {
        guard let size = scenario.size, size.limitProbability != nil else { return }
        let files = scenario.site.weatherPaths.count
        if scenario.syntheticWeather == nil, files < 2 {
            throw HelioError(.scenario, "limit_probability judges designs over many weather years: add [weather.synthetic] "
                             + "or list one file per year in [site] weather", file: file, key: "size.limit_probability")
        }
        if scenario.syntheticWeather == nil, let years = size.ensembleYears, years > files {
            throw HelioError(.scenario, "\(years) weather years asked for, [site] weather lists \(files)", file: file, key: "size.ensemble_years")
        }
    }

    /// Rules that span sections.
    private static func checkCrossSection(_ scenario: Scenario, file: String) throws {
        guard let battery = scenario.battery else { return }
        let dispatch = scenario.dispatch
        for (key, value) in [("diesel_start_soc", dispatch.dieselStartSOC), ("diesel_stop_soc", dispatch.dieselStopSOC)]
        where value < battery.socMin || value > battery.socMax {
            throw HelioError(.scenario, "\(value) lies outside the battery's soc_min…soc_max (\(battery.socMin)…\(battery.socMax))",
                             file: file, key: "dispatch.\(key)")
        }
    }
}

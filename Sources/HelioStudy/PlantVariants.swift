import HelioGrid

/// The plant variants a campus is judged against: the same campus on gensets alone, with PV and
/// gensets, and as given (PV + battery + gensets), each with the grid where the scenario enables it
/// and with the expansions of the components it keeps.
public enum PlantVariants {
    /// How many variants ``of(_:)`` gives.
    public static let count = 3

    /// The three variants in that order, labelled; the scenario must have gensets (the baseline).
    public static func of(_ scenario: Scenario) throws -> [(label: String, scenario: Scenario)] {
        guard scenario.diesel != nil else {
            throw HelioError(.scenario, "compare needs a [diesel] section: the baseline is diesel-only", file: scenario.source, key: "diesel")
        }
        let gridSuffix = scenario.grid.enabled ? " + grid" : ""
        return [("diesel only" + gridSuffix, dieselOnly(scenario)), ("PV + diesel" + gridSuffix, pvDiesel(scenario)),
                ("PV + battery + diesel" + gridSuffix, scenario)]
    }

    /// The campus on gensets alone (and the grid where enabled), dispatched by the rule-based EMS.
    public static func dieselOnly(_ scenario: Scenario) -> Scenario {
        var variant = scenario
        variant.pv = nil
        variant.battery = nil
        variant.pruneExpansions()
        return variant
    }

    /// The campus without its battery.
    public static func pvDiesel(_ scenario: Scenario) -> Scenario {
        var variant = scenario
        variant.battery = nil
        variant.pruneExpansions()
        return variant
    }
}

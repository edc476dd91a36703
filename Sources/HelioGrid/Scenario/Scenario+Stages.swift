extension Scenario {
    /// Whether the campus changes over its life: load phases or plant expansions.
    public var isStaged: Bool { !load.phases.isEmpty || !expansions.isEmpty }

    /// The last project year in which the load or the plant changes (1 for a fixed campus).
    public var lastStageYear: Int { max(load.phases.last?.year ?? 1, expansions.last?.year ?? 1) }

    /// Refuses a campus that grows in a study of one year's plant and load (`what` names the study).
    public func requireFixedCampus(for what: String) throws {
        guard isStaged else { return }
        throw HelioError(.scenario, "\(what) studies one year's campus; this one grows ([[load.phases]] or [[expansions]]): "
                         + "study a year's campus without them, or use simulate, report, compare or size", file: source,
                         key: load.phases.isEmpty ? "expansions" : "load.phases")
    }

    /// Checks that a campus that grows can be run as asked: every project year simulated (a year
    /// repeated past the last would misstate each purchase's ageing), a rule-based or the optimal
    /// strategy (the model-predictive one forecasts one year's campus) and, with load phases, rigid
    /// GPU work. Nothing for a fixed campus.
    public func checkStages() throws {
        guard isStaged else { return }
        let project = economics.projectYears
        guard site.years >= project else {
            throw HelioError(.scenario, "a campus that grows is simulated over the project's \(project) years ([economics] project_years); "
                             + "the run has \(site.years): omit years, or give at least \(project)", file: source, key: "site.years")
        }
        guard dispatch.strategy != .mpc else {
            throw HelioError(.scenario, "a campus that grows runs with the rule-based strategies (rule, load-following, cycle-charging) "
                             + "or optimal (planned year by year on each year's load and plant); mpc forecasts one year's campus",
                             file: source, key: "dispatch.strategy")
        }
        guard dispatch.compute != .flexible || load.phases.isEmpty else {
            throw HelioError(.scenario, "load phases run with rigid GPU work; flexible work is profiled on one fleet",
                             file: source, key: "dispatch.compute")
        }
    }
}

extension Scenario {
    /// The project years in which the campus changes, year 1 first: its own, then each phase's and
    /// expansion's, without repeats.
    public var stageYears: [Int] {
        Array(Set([1] + load.phases.map(\.year) + expansions.map(\.year))).sorted()
    }
}

extension Scenario {
    /// Drops from the expansions what adds to a component the scenario no longer has (a variant
    /// without PV or battery keeps only its gensets' additions), and the expansions left empty.
    public mutating func pruneExpansions() {
        expansions = expansions.compactMap { expansion in
            var kept = expansion
            if pv == nil { kept.pvKW = 0 }
            if battery == nil { (kept.batteryKWh, kept.batteryKW) = (0, 0) }
            if diesel == nil { kept.dieselUnits = 0 }
            return kept.isEmpty ? nil : kept
        }
    }
}

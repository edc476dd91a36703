/// Everything the engine needs per step of one year, computed once before the run: the campus
/// load, the PV plant's available AC power (new plant), the grid's emission factor and the
/// gensets' derating.
public struct SimulationInputs: Sendable {
    /// The clock.
    public var axis: TimeAxis
    /// Campus demand.
    public var load: CampusLoad
    /// Available PV AC power of the new plant, kW (zeros without PV).
    public var pvAvailableKW: [Double]
    /// Location-based grid emission factor per step, gCO₂e/kWh (empty without a grid).
    public var gridCarbonGPerKWh: [Double]
    /// Import price per step, currency/kWh (empty without a grid).
    public var gridPricePerKWh: [Double] = []
    /// Export price per step, currency/kWh (empty without a grid).
    public var gridExportPricePerKWh: [Double] = []
    /// Share of its rating a genset can deliver per step (``DieselConfig/ratingFactor(ambientC:elevationM:)``);
    /// empty for none (no gensets, or no derating).
    public var gensetRatingFactor: [Double]
    /// The GPU work split for flexible operation (`[dispatch] compute = "flexible"`; `nil` when rigid).
    public var compute: ComputeProfile?
    /// The inputs of the run's second and later years when the weather files are consecutive years
    /// (`[site] weather_years = "consecutive"`; empty: every year is this one).
    public var laterYears: [SimulationInputs] = []

    /// The inputs of year `index` (from 0) of the run.
    public func year(_ index: Int) -> SimulationInputs {
        index == 0 || laterYears.isEmpty ? self : laterYears[(index - 1) % laterYears.count]
    }

    /// Creates inputs from precomputed arrays (one value per step of one year).
    public init(axis: TimeAxis, load: CampusLoad, pvAvailableKW: [Double], gridCarbonGPerKWh: [Double],
                gensetRatingFactor: [Double] = []) {
        self.axis = axis
        self.load = load
        self.pvAvailableKW = pvAvailableKW
        self.gridCarbonGPerKWh = gridCarbonGPerKWh
        self.gensetRatingFactor = gensetRatingFactor
    }

    /// The import and export prices at step `index` of the year, currency/kWh: the inputs' series, or
    /// `grid`'s constants when they carry none.
    public func gridPrices(at index: Int, grid: GridConfig) -> (importPerKWh: Double, exportPerKWh: Double) {
        (gridPricePerKWh.isEmpty ? grid.pricePerKWh : gridPricePerKWh[index],
         gridExportPricePerKWh.isEmpty ? grid.exportPricePerKWh : gridExportPricePerKWh[index])
    }

    /// The gensets' rating factor at step `index` of the year (1 without derating).
    @inline(__always)
    public func gensetRatingFactor(at index: Int) -> Double {
        gensetRatingFactor.isEmpty ? 1 : gensetRatingFactor[index]
    }

    /// The gensets' rating factor at every step of the year (all 1 without derating).
    public var gensetRatingFactors: [Double] {
        gensetRatingFactor.isEmpty ? [Double](repeating: 1, count: axis.stepsPerYear) : gensetRatingFactor
    }

    /// Loads the weather and CSV inputs a scenario names and computes its per-step series (with its
    /// later years' when its weather files are consecutive years).
    public static func prepare(_ scenario: Scenario) throws -> SimulationInputs {
        try prepareRun(scenario, weather: WeatherLoader.load(path: scenario.site.weatherPath))
    }

    /// ``prepare(_:weather:)`` on the scenario's first weather year, `weather`, with the later years of
    /// consecutive weather files (``laterYears``): the inputs of a run over the project's years.
    public static func prepareRun(_ scenario: Scenario, weather: WeatherData) throws -> SimulationInputs {
        var inputs = try prepare(scenario, weather: weather)
        let weathers = try [weather] + laterWeather(scenario, firstSite: weather.location)
        guard !scenario.load.phases.isEmpty else {
            inputs.laterYears = try weathers.dropFirst().map { try prepare(scenario, weather: $0) }
            return inputs
        }
        inputs.laterYears = try phasedYears(scenario, weathers: weathers, first: inputs)
        return inputs
    }

    /// The inputs of years 2… of a campus whose load changes by phase (`[[load.phases]]`): year k has
    /// the weather of file k (consecutive years) or the one file, and the load of the phase in force.
    /// Years that share a weather file and a phase share their inputs.
    private static func phasedYears(_ scenario: Scenario, weathers: [WeatherData], first: SimulationInputs) throws -> [SimulationInputs] {
        var prepared: [[SimulationInputs?]] = Array(repeating: Array(repeating: nil, count: scenario.load.phases.count + 1), count: weathers.count)
        prepared[0][0] = first
        return try (1..<max(1, scenario.site.years)).map { yearIndex in
            let file = yearIndex % weathers.count
            let phase = scenario.load.phases.lastIndex(where: { $0.year <= yearIndex + 1 }).map { $0 + 1 } ?? 0
            if let inputs = prepared[file][phase] { return inputs }
            var phased = scenario
            phased.load = scenario.load.inForce(year: yearIndex + 1)
            let inputs = try prepare(phased, weather: weathers[file])
            prepared[file][phase] = inputs
            return inputs
        }
    }

    /// The weather of years 2… from the second and later weather files when `[site] weather_years =
    /// "consecutive"` (empty otherwise). Each file must lie at the first one's site (`firstSite`) and
    /// time base. Consecutive years are run with the rule-based strategies and rigid GPU work: the
    /// optimal and model-predictive plans and the flexible-work profile are built on one weather year.
    static func laterWeather(_ scenario: Scenario, firstSite: SiteLocation) throws -> [WeatherData] {
        guard scenario.site.weatherYears == .consecutive else { return [] }
        guard scenario.dispatch.strategy.isRuleBased else {
            throw HelioError(.scenario, "consecutive weather years run with the rule-based strategies (rule, load-following, cycle-charging); "
                             + "\(scenario.dispatch.strategy.rawValue) plans on one weather year", file: scenario.source, key: "site.weather_years")
        }
        guard scenario.dispatch.compute != .flexible else {
            throw HelioError(.scenario, "consecutive weather years run with rigid GPU work; flexible work is profiled on one weather year",
                             file: scenario.source, key: "site.weather_years")
        }
        return try scenario.site.weatherPaths.dropFirst().map { path in
            let weather = try WeatherLoader.load(path: path)
            try WeatherEnsemble.checkSameSite(weather, as: firstSite)
            return weather
        }
    }

    /// Computes a scenario's per-step series from already-parsed weather.
    public static func prepare(_ scenario: Scenario, weather: WeatherData) throws -> SimulationInputs {
        let axis = TimeAxis(stepMinutes: scenario.site.timestepMinutes, utcOffsetMinutes: weather.location.utcOffsetMinutes)
        let ambient = WeatherResampler.resample(weather.tempC, fromMinutes: weather.stepMinutes, toMinutes: axis.stepMinutes)
        let auxiliaryKW = scenario.battery?.auxiliaryKW ?? 0
        let schedule = scenario.load.kind == .jobs ? try jobSchedule(scenario, axis: axis) : nil
        let load = try campusLoad(scenario.load, axis: axis, ambientC: ambient, schedule: schedule).addingBatteryAuxiliary(kW: auxiliaryKW)
        var inputs = SimulationInputs(
            axis: axis, load: load,
            pvAvailableKW: try pvAvailable(scenario.pv, weather: weather, axis: axis),
            gridCarbonGPerKWh: try gridCarbon(scenario.connectedGrid, axis: axis),
            gensetRatingFactor: gensetRating(scenario.diesel, ambientC: ambient, elevationM: weather.location.elevationM))
        if let grid = scenario.connectedGrid {
            (inputs.gridPricePerKWh, inputs.gridExportPricePerKWh) = try gridPrices(grid, axis: axis, source: scenario.source)
        }
        if scenario.dispatch.compute == .flexible {
            guard scenario.load.kind != .csv else {
                throw HelioError(.scenario, "flexible GPU work needs the GPU-cluster model or jobs (load.kind = \"gpu-cluster\" or \"jobs\"): "
                                 + "a load CSV does not say which work may move", file: scenario.source, key: "dispatch.compute")
            }
            if let schedule {
                inputs.compute = ComputeProfile(schedule: schedule, config: scenario.load, ambientC: ambient, axis: axis,
                                                batteryAuxiliaryKW: auxiliaryKW)
            } else {
                inputs.compute = ComputeProfile(load: load, config: scenario.load, ambientC: ambient, axis: axis, batteryAuxiliaryKW: auxiliaryKW)
            }
            inputs.compute?.curtailments = try CurtailmentSchedule(scenario: scenario, axis: axis)
        } else if !scenario.load.events.isEmpty {
            throw HelioError(.scenario, "curtailment events are honoured by flexible GPU work: set [dispatch] compute = \"flexible\" "
                             + "(or --compute flexible)", file: scenario.source, key: "load.events")
        }
        return inputs
    }

    /// Derating per step; empty when no step is derated.
    private static func gensetRating(_ diesel: DieselConfig?, ambientC: [Double], elevationM: Double) -> [Double] {
        guard let diesel else { return [] }
        let factors = ambientC.map { diesel.ratingFactor(ambientC: $0, elevationM: elevationM) }
        return factors.allSatisfy { $0 == 1 } ? [] : factors
    }

    /// The rigid schedule of the scenario's jobs (its trace, or its generated mix) over the first year.
    private static func jobSchedule(_ scenario: Scenario, axis: TimeAxis) throws -> JobSchedule {
        let config = scenario.load
        let jobs: [ComputeJob]
        if let path = config.jobs.tracePath {
            let clock = RunClock(firstYear: scenario.carbon.firstYear, years: scenario.site.years, utcOffsetMinutes: axis.utcOffsetMinutes)
            jobs = try JobTraceReader.load(path: path, clock: clock, gpus: config.gpus)
        } else {
            jobs = JobMixGenerator.jobs(config.jobs, gpus: config.gpus, seed: config.seed)
        }
        return JobSchedule(jobs: jobs, gpus: config.gpus, axis: axis)
    }

    private static func campusLoad(_ config: LoadConfig, axis: TimeAxis, ambientC: [Double], schedule: JobSchedule?) throws -> CampusLoad {
        let cooling = CoolingModel(config: config.cooling)
        switch config.kind {
        case .jobs:
            guard let schedule else { preconditionFailure("kind = jobs without a schedule") }
            let model = GPUClusterLoad(config: config), busyKW = ComputeProfile.gpuKW(config)
            let idleKW = Double(config.nodes) * config.nodeIdleKW * (1 + config.fabricOverhead)
            var busy = zip(schedule.interactiveGPUs, schedule.trainingGPUs).map(+)
            for piece in schedule.batchPieces { busy[piece.step] += piece.gpus }
            return CampusLoad.fromIT(busy.map { idleKW + $0 * busyKW }, ambientC: ambientC, cooling: cooling, designITKW: model.peakITKW)
        case .gpuCluster:
            return CampusLoad.fromIT(try config.itPowerKW(axis: axis), ambientC: ambientC, cooling: cooling, designITKW: config.peakITKW)
        case .csv:
            guard let path = config.csvPath else { throw HelioError(.scenario, "required when kind = \"csv\"", key: "load.csv") }
            let series = try CSVTimeSeries.load(path: path, columns: ["load_kw", "it_kw"], axis: axis, range: 0...1e9)
            return series.column == "it_kw"
                ? CampusLoad.fromIT(series.values, ambientC: ambientC, cooling: cooling, designITKW: series.values.max() ?? 0)
                : CampusLoad.fromFacility(series.values, ambientC: ambientC, cooling: cooling)
        }
    }

    private static func pvAvailable(_ config: PVConfig?, weather: WeatherData, axis: TimeAxis) throws -> [Double] {
        guard let config else { return [Double](repeating: 0, count: axis.stepsPerYear) }
        if let path = config.productionCSVPath {
            return try CSVTimeSeries.load(path: path, columns: ["pv_kw", "ac_kw"], axis: axis, range: 0...(config.dcKW * 1.5)).values
        }
        return PVSystemModel(config: config).acPowerKW(weather: weather, stepMinutes: axis.stepMinutes)
    }

    private static func gridCarbon(_ grid: GridConfig?, axis: TimeAxis) throws -> [Double] {
        guard let grid else { return [] }
        if let path = grid.carbonCSVPath {
            return try CSVTimeSeries.load(path: path, columns: ["carbon_g_per_kwh"], axis: axis, range: 0...3000).values
        }
        return [Double](repeating: grid.carbonGPerKWh, count: axis.stepsPerYear)
    }

    /// Import and export prices per step: the CSVs where given, else the constants. An export price
    /// above the import price at any step is refused: a plan would buy to sell back at once.
    private static func gridPrices(_ grid: GridConfig, axis: TimeAxis, source: String?) throws -> ([Double], [Double]) {
        func series(_ path: String?, constant: Double) throws -> [Double] {
            guard let path else { return [Double](repeating: constant, count: axis.stepsPerYear) }
            return try CSVTimeSeries.load(path: path, columns: ["price_per_kwh"], axis: axis, range: -10...100, held: true).values
        }
        let imports = try series(grid.priceCSVPath, constant: grid.pricePerKWh)
        let exports = try series(grid.exportPriceCSVPath, constant: grid.exportPricePerKWh)
        if let step = exports.indices.first(where: { exports[$0] > imports[$0] + 1e-12 }) {
            throw HelioError(.scenario, "the export price \(exports[step]) is above the import price \(imports[step]) at \(axis.timestamp(step: step)): "
                             + "a plan would import to export at once", file: source, key: grid.exportPriceCSVPath == nil ? "grid.export_price_per_kwh" : "grid.export_price_csv")
        }
        return (imports, exports)
    }
}

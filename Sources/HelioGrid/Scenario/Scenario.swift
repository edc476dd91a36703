/// A complete campus description: site, load, plant, dispatch, economics and carbon settings.
///
/// Built from a TOML file by ``ScenarioLoader`` (format: `desert-10k.toml`, docs/scenario.md) or in code. A `nil` component is absent from the plant; that is how `compare` builds
/// its diesel-only and PV + diesel baselines.
public struct Scenario: Sendable, Equatable {
    /// Path of the file this came from (or a label for in-code scenarios).
    public var source: String
    /// `[site]`.
    public var site: SiteConfig
    /// `[load]`.
    public var load: LoadConfig
    /// `[pv]`, or `nil` for no PV.
    public var pv: PVConfig?
    /// `[battery]`, or `nil` for no battery.
    public var battery: BatteryConfig?
    /// `[diesel]`, or `nil` for no gensets.
    public var diesel: DieselConfig?
    /// The grid section; it takes part only when ``GridConfig/enabled``.
    public var grid: GridConfig
    /// `[dispatch]`.
    public var dispatch: DispatchConfig
    /// `[economics]`.
    public var economics: EconomicsConfig
    /// `[carbon]`.
    public var carbon: CarbonConfig
    /// `[modbus]`, the plant's equipment for `serve --plant modbus`, if given.
    public var modbus: ModbusConfig?
    /// `[size]`: the sizing study `heliogrid size` runs (`nil` when absent).
    public var size: SizeConfig?
    /// `[reliability]`: failures, repairs and fuel logistics (`nil`: the defaults for the plant).
    public var reliability: ReliabilityConfig?
    /// `[solver]`: the LP and MILP engines (defaults when absent).
    public var solver = SolverConfig()
    /// `[transients]`: the sub-second study (`nil`: its defaults).
    public var transients: TransientsConfig?
    /// `[weather.synthetic]`: weather years generated from the site's typical year (`nil`: none).
    public var syntheticWeather: SyntheticWeatherConfig?
    /// `[[expansions]]`: plant added in later project years, in time order (empty: the plant is built on day one).
    public var expansions: [PlantExpansion] = []
    /// Optional sections the file left out, whose defaults apply (`dispatch`, `economics`, `carbon`).
    public var omittedSections: [String] = []

    /// Creates a scenario from its sections.
    public init(source: String, site: SiteConfig, load: LoadConfig = LoadConfig(), pv: PVConfig? = nil,
                battery: BatteryConfig? = nil, diesel: DieselConfig? = nil, grid: GridConfig = GridConfig(),
                dispatch: DispatchConfig = DispatchConfig(), economics: EconomicsConfig = EconomicsConfig(),
                carbon: CarbonConfig = CarbonConfig()) {
        self.source = source
        self.site = site
        self.load = load
        self.pv = pv
        self.battery = battery
        self.diesel = diesel
        self.grid = grid
        self.dispatch = dispatch
        self.economics = economics
        self.carbon = carbon
    }

    /// The grid when connected, else `nil`.
    public var connectedGrid: GridConfig? { grid.enabled ? grid : nil }
}

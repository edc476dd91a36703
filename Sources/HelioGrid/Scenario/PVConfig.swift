/// `[pv]`: the PV plant (PVWatts-style), or measured production from a CSV.
public struct PVConfig: Sendable, Equatable {
    /// Array mounting.
    public enum Tracking: String, Sendable { case fixed, singleAxis = "single-axis" }

    /// DC nameplate, kW.
    public var dcKW: Double
    /// DC-to-AC (inverter loading) ratio.
    public var dcACRatio: Double = 1.25
    /// Mounting.
    public var tracking: Tracking = .singleAxis
    /// Fixed: module tilt; single-axis: axis tilt, degrees.
    public var tiltDeg: Double = 0
    /// Fixed: module azimuth; single-axis: axis azimuth, degrees clockwise from north.
    public var azimuthDeg: Double = 180
    /// Tracker rotation limit, degrees.
    public var maxAngleDeg: Double = 60
    /// Whether the tracker backtracks to avoid row-to-row shading.
    public var backtrack = true
    /// Ground coverage ratio.
    public var gcr: Double = 0.40
    /// PVWatts system losses, percent.
    public var lossesPercent: Double = 14.08
    /// Nominal inverter efficiency, fraction.
    public var inverterEfficiency: Double = 0.96
    /// Temperature coefficient of power, 1/°C.
    public var gammaPdc: Double = -0.0037
    /// Name of the SAPM cell temperature parameter set.
    public var temperatureModel = "sapm-open-rack-glass-polymer"
    /// Output loss per year of age, fraction.
    public var degradationPerYear: Double = 0.005
    /// Absolute path of a measured production CSV (`timestamp,pv_kw`) that replaces the model.
    public var productionCSVPath: String?

    /// Creates a plant of `dcKW` kW DC with desert-10k.toml's other defaults.
    public init(dcKW: Double) {
        self.dcKW = dcKW
    }

    /// The tilt a `tracking` array takes when none is given, degrees: PVWatts' default module tilt,
    /// 20°, for a fixed array (NREL PVWatts Version 8 documentation); a horizontal axis for a tracker.
    public static func defaultTiltDeg(_ tracking: Tracking) -> Double { tracking == .fixed ? 20 : 0 }

    /// Names of the SAPM parameter sets `temperature_model` accepts (King et al. 2004, Table 1; the
    /// coefficients are ``CellTemperatureModel/named``).
    public static let temperatureModelNames = ["sapm-close-mount-glass-glass", "sapm-insulated-back-glass-polymer",
                                               "sapm-open-rack-glass-glass", "sapm-open-rack-glass-polymer"]

    init(_ section: inout ScenarioSection, baseDirectory: String) throws {
        dcKW = try section.positive("dc_kw", max: 1e9)
        let defaults = PVConfig(dcKW: dcKW)
        dcACRatio = try section.double("dc_ac_ratio", default: defaults.dcACRatio, in: 0.5...3)
        let trackingName = try section.choice("tracking", default: defaults.tracking.rawValue, in: ["fixed", "single-axis"])
        tracking = Tracking(rawValue: trackingName)!
        tiltDeg = try section.double("tilt_deg", default: Self.defaultTiltDeg(tracking), in: 0...90)
        azimuthDeg = try section.double("azimuth_deg", default: defaults.azimuthDeg, in: 0...360)
        maxAngleDeg = try section.double("max_angle_deg", default: defaults.maxAngleDeg, in: 0...90)
        backtrack = try section.bool("backtrack", default: defaults.backtrack)
        gcr = try section.double("gcr", default: defaults.gcr, in: 0.01...0.99)
        lossesPercent = try section.double("losses_percent", default: defaults.lossesPercent, in: 0...99)
        inverterEfficiency = try section.positive("inverter_efficiency", default: defaults.inverterEfficiency, above: 0.5, max: 0.995)
        gammaPdc = try section.double("gamma_pdc", default: defaults.gammaPdc, in: -0.02...0)
        temperatureModel = try section.choice("temperature_model", default: defaults.temperatureModel,
                                              in: Self.temperatureModelNames)
        degradationPerYear = try section.double("degradation_per_year", default: defaults.degradationPerYear, in: 0...0.1)
        productionCSVPath = try section.optionalString("production_csv").map { SiteConfig.resolve($0, against: baseDirectory) }
        try section.finish()
    }
}

/// The weather file formats HelioGrid reads, each with its own time convention.
public enum WeatherFormat: String, Sendable, CaseIterable {
    /// NREL TMY3 CSV: hour-ending local standard time.
    case tmy3 = "TMY3"
    /// EnergyPlus EPW: hour-ending local standard time.
    case epw = "EPW"
    /// NSRDB PSM3/PSM4 CSV: interval-start stamps, UTC or local standard time per the header.
    case nsrdb = "NSRDB PSM"
    /// PVGIS TMY CSV: interval-start stamps in UTC.
    case pvgisCSV = "PVGIS TMY CSV"
    /// PVGIS TMY JSON: interval-start stamps in UTC.
    case pvgisJSON = "PVGIS TMY JSON"
}

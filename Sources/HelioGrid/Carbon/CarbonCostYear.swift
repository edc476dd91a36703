/// One project year of the carbon-cost view: the price path and what the embedded emissions cost.
public struct CarbonCostYear: Sendable, Equatable, Codable {
    /// Project year, 1…N.
    public var year: Int
    /// Calendar year.
    public var calendarYear: Int
    /// EU ETS / CBAM certificate price, escalated, per tCO₂e.
    public var certificatePricePerT: Double
    /// Carbon price already paid at origin, per tCO₂e (deducted).
    public var originPricePerT: Double
    /// Embedded emissions of the electricity (CO₂ of the fuel plus imports, as ``CBAMElectricityPeriod``), tCO₂.
    public var emissionsT: Double
    /// Electricity delivered, MWh.
    public var deliveredMWh: Double
    /// GPU-hours the electricity powered.
    public var gpuHours: Double
    /// Carbon cost: emissions × (certificate − origin price, at least 0).
    public var cost: Double
    /// `cost` per MWh delivered.
    public var costPerMWh: Double
    /// `cost` per GPU-hour (0 without a GPU count).
    public var costPerGPUHour: Double

    enum CodingKeys: String, CodingKey {
        case year, cost
        case calendarYear = "calendar_year", certificatePricePerT = "certificate_price_per_t", originPricePerT = "origin_price_per_t"
        case emissionsT = "emissions_t_co2", deliveredMWh = "delivered_mwh", gpuHours = "gpu_hours"
        case costPerMWh = "cost_per_mwh", costPerGPUHour = "cost_per_gpu_hour"
    }
}

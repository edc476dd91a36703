import Foundation

/// The carbon-cost view of a run over the project: the electricity's embedded CO₂ × (carbon price −
/// price already paid at origin), year by year, per MWh and per GPU-hour.
///
/// Regulation (EU) 2023/956 (CBAM) Art. 9 (deduction of the carbon price paid in the country of
/// origin), Art. 21–22 (certificate price = weekly average EU ETS auction price), Annex I (CO₂ only
/// for electricity). Electricity receives no free allocation under the EU ETS, so the Art. 31
/// phase-in (Directive 2003/87/EC Art. 10a(1a)) does not reduce its certificates: the full embedded
/// CO₂ is priced from 2026; `[carbon.cbam_phase_in]` applies to goods that do receive free
/// allocation and is reported alongside only. Embedded emissions are the microgrid's actual
/// emissions of generation (``CBAMElectricityReport``: fuel CO₂ plus imports). Electricity delivered into the EU is itself a CBAM good, and a
/// GPU campus's compute is not; the view prices the campus's emissions as a CBAM-like exposure so the
/// owner sees what a carbon border price path would cost. Years beyond the simulated ones repeat the
/// last simulated year; the price escalates from year 1 at `[carbon] price_escalation`; the origin
/// price stays flat.
public struct CarbonCostPath: Sendable, Equatable {
    /// One row per project year.
    public var years: [CarbonCostYear]

    /// Lifetime carbon cost (undiscounted).
    public var totalCost: Double { years.reduce(0) { $0 + $1.cost } }

    /// Builds the path for a run.
    public init(result: SimulationResult) {
        let scenario = result.scenario, carbon = scenario.carbon, plant = PlantModel(scenario: scenario)
        let gpus = scenario.load.kind != .csv ? Double(scenario.load.gpus) : 0
        years = (1...scenario.economics.projectYears).map { year in
            let totals = result.yearly[min(year, result.yearly.count) - 1]
            let calendarYear = carbon.firstYear + year - 1
            let price = carbon.pricePerT * pow(1 + carbon.priceEscalation, Double(year - 1))
            let netPrice = max(0, price - carbon.originPricePerT)
            let emissionsT = (totals.fuelL * plant.fuelKgCO2PerL + totals.scope2LocationKgCO2e) / 1000
            let deliveredMWh = (totals.servedKWh + totals.gridExportKWh) / 1000
            let gpuHours = gpus * Double(CivilCalendar.minutesPerYear) / 60
            let cost = emissionsT * netPrice
            return CarbonCostYear(
                year: year, calendarYear: calendarYear, certificatePricePerT: price, originPricePerT: carbon.originPricePerT,
                emissionsT: emissionsT, deliveredMWh: deliveredMWh, gpuHours: gpuHours, cost: cost,
                costPerMWh: deliveredMWh > 0 ? cost / deliveredMWh : 0,
                costPerGPUHour: gpuHours > 0 ? cost / gpuHours : 0)
        }
    }
}

/// Data-centre KPIs of a run (ISO/IEC 30134) and the energy fields of the EU data-centre reporting
/// scheme (Commission Delegated Regulation (EU) 2024/1364, Annex II) that the model knows.
///
/// - PUE = total facility energy / IT energy (ISO/IEC 30134-2:2016).
/// - REF = renewable energy / total facility energy (ISO/IEC 30134-3:2016), renewable being on-site
///   renewable energy consumed plus renewable energy bought with contractual instruments.
/// - CUE = CO₂e of the energy used (Scope 1 + 2 location-based) / IT energy, kg/kWh (ISO/IEC 30134-8:2022).
/// - ERF = reused energy / total facility energy (ISO/IEC 30134-6:2021): 0, the model reuses no heat.
/// IT energy is the IT share of the energy served (unserved demand is not consumed).
/// On-site renewable energy consumed is served energy less genset and grid energy (PV reaching the
/// load directly or through the battery, after storage losses and export), the HOMER definition of
/// renewable fraction (HOMER Pro manual, "Renewable Fraction").
public struct DataCentreKPIs: Sendable, Equatable, Codable {
    /// Power usage effectiveness, ratio.
    public var pue: Double
    /// Renewable energy factor, fraction.
    public var ref: Double
    /// Carbon usage effectiveness, kgCO₂e per IT kWh.
    public var cueKgPerKWh: Double
    /// Energy reuse factor, fraction (0: no heat reuse modelled).
    public var erf: Double
    /// 2024/1364: total energy consumption of the data centre (E_DC), kWh.
    public var totalEnergyKWh: Double
    /// 2024/1364: energy consumption of the IT equipment (E_IT), kWh.
    public var itEnergyKWh: Double
    /// 2024/1364: installed IT power demand (P_DIT), kW: every node at full power plus fabric (0 for CSV loads).
    public var installedITPowerKW: Double
    /// 2024/1364: total renewable energy consumption (E_RES-TOT), kWh.
    public var renewableTotalKWh: Double
    /// 2024/1364: renewable energy from on-site sources (E_RES-OS), kWh.
    public var renewableOnSiteKWh: Double
    /// 2024/1364: renewable energy from contractual instruments (guarantees of origin and PPAs), kWh.
    public var renewableContractKWh: Double
    /// 2024/1364: rated power of the backup generators, kW.
    public var backupGeneratorKW: Double
    /// Energy produced by the backup generators, kWh.
    public var backupGeneratorEnergyKWh: Double

    enum CodingKeys: String, CodingKey {
        case pue, ref, erf
        case cueKgPerKWh = "cue_kg_per_kwh", totalEnergyKWh = "total_energy_kwh", itEnergyKWh = "it_energy_kwh"
        case installedITPowerKW = "installed_it_power_kw", renewableTotalKWh = "renewable_total_kwh"
        case renewableOnSiteKWh = "renewable_on_site_kwh", renewableContractKWh = "renewable_contract_kwh"
        case backupGeneratorKW = "backup_generator_kw", backupGeneratorEnergyKWh = "backup_generator_energy_kwh"
    }

    /// The KPIs of a run; `renewableContractKWh` from its inventory's contractual instruments.
    public init(result: SimulationResult, renewableContractKWh: Double) {
        let t = result.totals, load = result.scenario.load
        let onSite = max(0, t.servedKWh - t.dieselKWh - t.gridImportKWh)
        totalEnergyKWh = t.servedKWh
        itEnergyKWh = t.itKWh * (t.loadKWh > 0 ? t.servedKWh / t.loadKWh : 0)
        pue = t.itKWh > 0 ? t.loadKWh / t.itKWh : 0
        ref = t.servedKWh > 0 ? (onSite + renewableContractKWh) / t.servedKWh : 0
        cueKgPerKWh = itEnergyKWh > 0 ? t.emissionsKgCO2e / itEnergyKWh : 0
        erf = 0
        installedITPowerKW = load.kind == .csv ? 0 : (1...max(1, result.yearly.count)).map { load.inForce(year: $0).installedITKW }.max()!
        renewableTotalKWh = onSite + renewableContractKWh
        renewableOnSiteKWh = onSite
        self.renewableContractKWh = renewableContractKWh
        backupGeneratorKW = result.scenario.diesel.map { Double(result.gensetUnits.count) * $0.unitKW } ?? 0
        backupGeneratorEnergyKWh = t.dieselKWh
    }
}

/// The methodology section of `report.html`: every formula and factor behind the report's numbers,
/// with its source, so an auditor can recompute them from `ledger.csv` and the JSON files.
enum ReportMethodology {
    static let items = [
        "Time base: the weather file's typical year is simulated as 365-day years; simulated year 1 is reported as [carbon] first_year. "
            + "ledger.csv stamps are interval starts in the site's standard time.",
        "Scope 1 (GHG Protocol Corporate Standard, 2004): fuel litres × factor per gas (IPCC 2006 Guidelines Vol. 2 ch. 2, Tables 2.2–2.5, "
            + "gas/diesel oil), CH4 and N2O converted with the GWP100 of the chosen IPCC assessment report (AR4 25/298, AR5 28/265, AR6 29.8/273).",
        "Genset fuel (L/h) = intercept × rated kW × units running + slope × output kW (the HOMER fuel curve); litres per step are in the step series.",
        "Scope 2 location-based = imported kWh × the grid factor of the step. Market-based (GHG Protocol Scope 2 Guidance, 2015, ch. 6–7): "
            + "contractual instruments cover imports inside their validity window, the instrument expiring first taken first, each MWh once; "
            + "imports not covered take the residual mix, or the location-based factor where no residual mix is given (Table 6.3).",
        "Carbon ledger (per step): the carbon of the energy supplied to the bus (fuel, imports and battery discharge) is shared over the energy "
            + "taken from the bus (load, charging, export) in proportion to energy. Charged energy carries its step's intensity into the battery "
            + "pool; discharged energy carries the pool's running average (losses keep their carbon in the pool). Each step: emitted = to load + "
            + "to export + change in the pool (ledger.csv columns emitted_kg, load_kg, export_kg, pool_kg). Energy by source uses the same shares.",
        "Carbon intensity of the power used = (Scope 1 + Scope 2 location-based) / energy served. 24/7 carbon-free energy score = Σ carbon-free "
            + "energy served / Σ energy served, matched step by step (Google, 24/7 Carbon-Free Energy: Methodologies and Metrics, 2021).",
        "PUE = facility energy / IT energy (ISO/IEC 30134-2); REF = (on-site renewable + contracted renewable) / facility energy (ISO/IEC 30134-3), "
            + "on-site renewable = served − genset − grid energy; CUE = Scope 1 + 2 location-based kgCO2e / IT kWh (ISO/IEC 30134-8); ERF = 0 "
            + "(ISO/IEC 30134-6, no heat reuse modelled). Energy fields follow Delegated Regulation (EU) 2024/1364 Annex II; installed IT power = "
            + "nodes × full node power × (1 + fabric overhead). Water (WUE) is not modelled.",
        "CBAM emission factor (Regulation (EU) 2023/956 Annex IV §5; Implementing Regulation (EU) 2023/1773 Annex III): actual emissions of a "
            + "directly connected source = (CO2 of the genset fuel + imports at the grid factor) / electricity delivered (served + exported), per "
            + "quarter and year; Annex I of Regulation (EU) 2023/956 lists CO2 only for electricity, so CH4 and N2O stay in Scope 1 only.",
        "Carbon-cost path (Regulation (EU) 2023/956 Art. 9, 21–22, Annex I): cost = embedded CO2 × max(0, certificate price × "
            + "(1 + escalation)^(year − 1) − price paid at origin); per MWh delivered and per GPU-hour (GPUs × 8,760 h). Electricity receives no "
            + "free allocation under the EU ETS, so the Art. 31 phase-in does not reduce its certificates; the [carbon.cbam_phase_in] table "
            + "(shown under prices) applies to goods that receive free allocation. A GPU campus's compute is not a CBAM good: the view prices "
            + "its emissions as a CBAM-like exposure.",
        "Carbon-tariff resilience: cost per MWh = LCOE with a zero carbon price (× 1,000) + intensity (tCO2e/MWh served) × carbon price, "
            + "flat over the life, for this plant and for the same campus on gensets alone (rule-based dispatch); dispatch is not re-optimised per price.",
        "Lifetime economics (HOMER Pro manual: Net Present Cost, Salvage Value, Capital Recovery Factor, Levelized Cost of Energy): real cash flows "
            + "discounted by (1 + i)^−year; replacements in the year a component's life runs out (battery life from its simulated cycle and "
            + "calendar fade to 80 %, genset life from running hours, PV 25 years); salvage of the last installation linear in its remaining life, "
            + "credited in the last year; fuel and carbon prices escalate from year 1; carbon cost = emissions × max(0, carbon price − origin "
            + "price); years beyond the simulated ones repeat the last one. NPC = Σ discounted totals; annualised cost = NPC × CRF; "
            + "LCOE = NPC / Σ discounted energy served.",
        "Against diesel only: savings = NPC(diesel only) − NPC(plant); IRR is the rate zeroing the NPV of the yearly differences; discounted "
            + "payback is when their cumulative discounted sum turns non-negative, interpolated within the year (Brealey, Myers & Allen, "
            + "Principles of Corporate Finance, ch. 5). Sensitivity moves one assumption by ±20 % with dispatch held as simulated "
            + "(battery capex moves both its per-kWh and per-kW parts).",
        "Scope 3 (informational, outside Scope 1 + 2): PV life-cycle gCO2e per kWh used and battery embodied kgCO2e per kWh of capacity, as given in [carbon].",
    ]
}

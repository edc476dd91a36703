import HelioGrid

/// An ensemble's members and their statistics (``EnsembleStatistic``).
public struct EnsembleResult: Sendable {
    /// Every member, in ensemble order.
    public let members: [EnsembleMember]
    /// The figures across members, in report order.
    public let statistics: [EnsembleStatistic]
    /// The member whose worst week has the least PV energy: the darkest week of the ensemble.
    public let darkestWeekMember: EnsembleMember

    /// Summarises `members` (at least two); money figures are in `currency` (ISO 4217).
    public init(members: [EnsembleMember], currency: String = "USD") {
        self.members = members
        func statistic(_ key: String, _ label: String, _ unit: String, higherIsBetter: Bool = false,
                       _ value: (EnsembleMember) -> Double) -> EnsembleStatistic {
            EnsembleStatistic(key: key, label: label, unit: unit, higherIsBetter: higherIsBetter, values: members.map(value))
        }
        statistics = [
            statistic("ghi_kwh_per_m2", "global irradiation", "kWh/m²", higherIsBetter: true) { $0.ghiKWhM2 },
            statistic("pv_yield_kwh_per_kwp", "PV yield", "kWh/kWp", higherIsBetter: true) { $0.pvYieldKWhPerKWp },
            statistic("renewable_fraction", "renewable fraction", "", higherIsBetter: true) { $0.renewableFraction },
            statistic("fuel_l", "diesel fuel", "L") { $0.fuelL },
            statistic("intensity_g_per_kwh", "carbon intensity", "gCO₂e/kWh") { $0.intensityGPerKWh },
            statistic("unserved_kwh", "unserved energy", "kWh") { $0.unservedKWh },
            statistic("loss_of_load_hours", "loss of load", "h") { $0.lossOfLoadHours },
            statistic("npc", "net present cost", currency) { $0.npc },
            statistic("lcoe_per_kwh", "LCOE", currency + "/kWh") { $0.lcoePerKWh },
            statistic("worst_week_fuel_l", "worst week's fuel", "L") { $0.worstWeek.fuelL },
        ]
        darkestWeekMember = members.min { $0.worstWeek.pvAvailableKWh < $1.worstWeek.pvAvailableKWh }!
    }

    /// The statistic of `key`.
    public func statistic(_ key: String) -> EnsembleStatistic? { statistics.first { $0.key == key } }
}

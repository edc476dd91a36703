import Foundation

/// The plant of a campus that grows (`[[expansions]]`) as purchases: the scenario's plant bought
/// for year 1, then each expansion bought for its year. Each purchase ages from its own
/// installation under the life model (``ComponentLives``).
public struct PlantStages: Sendable, Equatable {
    /// One purchase of plant.
    public struct Purchase: Sendable, Equatable {
        /// A purchase; see the properties.
        public init(firstYearIndex: Int, pvKW: Double = 0, batteryKWh: Double = 0, batteryKW: Double = 0, dieselUnits: Int = 0) {
            (self.firstYearIndex, self.pvKW, self.batteryKWh, self.batteryKW, self.dieselUnits) = (firstYearIndex, pvKW, batteryKWh, batteryKW, dieselUnits)
        }

        /// Project year index (from 0) of the first year it runs.
        public var firstYearIndex: Int
        /// PV, kWdc; battery energy, kWh, and power, kW; gensets.
        public var pvKW, batteryKWh, batteryKW: Double
        public var dieselUnits: Int
    }

    /// The scenario's plant (index 0), then each expansion in time order.
    public let purchases: [Purchase]

    /// Stages from their purchases, the scenario's first.
    public init(purchases: [Purchase]) {
        self.purchases = purchases
    }

    /// The purchases of `scenario`.
    public init(scenario: Scenario) {
        var purchases = [Purchase(firstYearIndex: 0, pvKW: scenario.pv?.dcKW ?? 0, batteryKWh: scenario.battery?.energyKWh ?? 0,
                                  batteryKW: scenario.battery?.powerKW ?? 0, dieselUnits: scenario.diesel?.units ?? 0)]
        for expansion in scenario.expansions {
            purchases.append(Purchase(firstYearIndex: expansion.year - 1, pvKW: expansion.pvKW, batteryKWh: expansion.batteryKWh,
                                      batteryKW: expansion.batteryKW, dieselUnits: expansion.dieselUnits))
        }
        self.purchases = purchases
    }

    /// Whether any expansion adds battery cells: the battery then tracks its purchases' fade apart.
    public var addsBatteryCells: Bool { purchases.dropFirst().contains { $0.batteryKWh > 0 } }

    /// The expansions that start running in year index `yearIndex` (from 0; none in year 0).
    public func starting(yearIndex: Int) -> [Purchase] {
        yearIndex == 0 ? [] : purchases.filter { $0.firstYearIndex == yearIndex }
    }

    /// The plant installed in year index `yearIndex`: PV kWdc, battery kWh and kW, gensets.
    public func installed(yearIndex: Int) -> Purchase {
        var total = Purchase(firstYearIndex: yearIndex, pvKW: 0, batteryKWh: 0, batteryKW: 0, dieselUnits: 0)
        for purchase in purchases where purchase.firstYearIndex <= yearIndex {
            total.pvKW += purchase.pvKW
            total.batteryKWh += purchase.batteryKWh
            total.batteryKW += purchase.batteryKW
            total.dieselUnits += purchase.dieselUnits
        }
        return total
    }

    /// PV output in year index `yearIndex` as a multiple of the scenario's new array: each purchase's
    /// kWdc over the scenario's, times its own degradation since installation (modules replaced every
    /// ``ComponentLives/pvYears``). The PV model is linear in kWdc at a fixed DC/AC ratio (PVWatts), so
    /// an addition of the same array scales the first one's output.
    public func pvFactor(yearIndex: Int, lives: ComponentLives) -> Double {
        let first = purchases[0]
        guard purchases.count > 1, first.pvKW > 0 else { return lives.pvFactor(ageYears: ComponentLives.pvAgeYears(yearIndex: yearIndex)) }
        var factor = 0.0
        for purchase in purchases where purchase.firstYearIndex <= yearIndex && purchase.pvKW > 0 {
            let age = ComponentLives.pvAgeYears(yearIndex: yearIndex - purchase.firstYearIndex)
            factor += purchase.pvKW / first.pvKW * lives.pvFactor(ageYears: age)
        }
        return factor
    }
}

import Foundation
import HelioGrid

/// The fuel a campus burns over its worst stretches of the year, from its plain run (no failures,
/// fuel unlimited): the worst 7 days (the autonomy a full tank gives at that burn) and the worst
/// resupply window, the delivery interval plus the 95th percentile of the delivery delay — the tank
/// that keeps the gensets fuelled, with no loss of load from fuel, for that window.
///
/// The delay is exponential (``ReliabilityConfig/fuelDeliveryDelayMeanHours``), so its 95th
/// percentile is −ln(0.05) ≈ 3.0 times its mean. Windows run on round the year's end (the weather
/// year repeats).
public struct FuelWindows: Sendable, Equatable {
    /// The most fuel burnt in any 7 days, litres.
    public var worstWeekL: Double
    /// The resupply window, hours: delivery interval plus the delay's 95th percentile.
    public var resupplyHours: Double
    /// The most fuel burnt in any resupply window, litres: the tank that holds through it.
    public var resupplyTankL: Double

    /// The 95th percentile of an exponential delay of mean `meanHours`, hours.
    public static func delayP95Hours(meanHours: Double) -> Double { -log(0.05) * meanHours }

    /// The windows of `fuelL`, the fuel burnt per step of `stepHours` over one year, for `config`'s deliveries.
    public init(fuelL: [Double], stepHours: Double, config: ReliabilityConfig) {
        resupplyHours = config.fuelDeliveryIntervalDays * 24 + Self.delayP95Hours(meanHours: config.fuelDeliveryDelayMeanHours)
        worstWeekL = Self.worstWindow(fuelL, steps: Int((7 * 24 / stepHours).rounded()))
        resupplyTankL = Self.worstWindow(fuelL, steps: Int((resupplyHours / stepHours).rounded(.up)))
    }

    /// Days a full `tankL` lasts at the worst week's burn (`nil` when no fuel is burnt).
    public func autonomyDays(tankL: Double) -> Double? {
        worstWeekL > 0 ? tankL / (worstWeekL / 7) : nil
    }

    /// The largest sum of `steps` consecutive values, the series repeating (a window longer than
    /// the series covers it whole, then again).
    static func worstWindow(_ values: [Double], steps: Int) -> Double {
        guard !values.isEmpty, steps > 0 else { return 0 }
        let whole = values.reduce(0, +), rounds = Double(steps / values.count), rest = steps % values.count
        var sum = values[0..<rest].reduce(0, +), best = sum
        for start in 1..<values.count where rest > 0 {
            sum += values[(start + rest - 1) % values.count] - values[start - 1]
            best = max(best, sum)
        }
        return rounds * whole + (rest > 0 ? best : 0)
    }
}

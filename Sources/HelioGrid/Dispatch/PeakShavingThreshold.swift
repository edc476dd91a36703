/// The import level the rule-based EMS holds a day's imports to under a demand charge (docs/grid.md):
/// from the previous day's net load (load − PV, persistence), the lowest flat level P the battery
/// can shave to — the energy above P within the battery's usable energy and its power, and the room
/// below P enough to recharge it after the round trip's losses. This is the threshold of a classic
/// battery peak-shaving controller (e.g. Oudalov, Cherkaoui and Beguin, "Sizing and optimal operation
/// of battery energy storage system for peak shaving application", IEEE PowerTech 2007), its load
/// forecast the same day yesterday.
struct PeakShavingThreshold: Sendable {
    private var netLoadKW: [Double]
    private var filled = 0
    /// The level for today, kW (`nil` until a whole day has been seen).
    private(set) var levelKW: Double?

    /// A threshold for days of `stepsPerDay` steps.
    init(stepsPerDay: Int) {
        netLoadKW = Array(repeating: 0, count: stepsPerDay)
    }

    /// Records step `step`'s net load; at the first step of a day, sets the day's level from the
    /// day before for a battery of `usableKWh` between its floor and `soc_max`, `powerKW` and
    /// round-trip efficiency `roundTrip`, on steps of `hours`.
    mutating func observe(step: Int, netLoadKW load: Double, usableKWh: Double, powerKW: Double, roundTrip: Double, hours: Double) {
        let slot = step % netLoadKW.count
        if slot == 0 && filled >= netLoadKW.count {
            levelKW = Self.level(netLoadKW, usableKWh: usableKWh, powerKW: powerKW, roundTrip: roundTrip, hours: hours)
        }
        netLoadKW[slot] = load
        filled += 1
    }

    /// The lowest feasible level for `profile`, by bisection (shaving falls and recharge room grows with P).
    static func level(_ profile: [Double], usableKWh: Double, powerKW: Double, roundTrip: Double, hours: Double) -> Double {
        let peak = profile.max() ?? 0
        func feasible(_ level: Double) -> Bool {
            var shaved = 0.0, room = 0.0
            for load in profile {
                shaved += max(0, load - level) * hours
                room += max(0, level - load) * hours
            }
            return peak - level <= powerKW && shaved <= usableKWh && room * roundTrip >= shaved
        }
        var (low, high) = (max(0, profile.min() ?? 0), peak)
        guard !feasible(low) else { return low }
        for _ in 0..<50 {
            let middle = (low + high) / 2
            if feasible(middle) { high = middle } else { low = middle }
        }
        return high
    }
}

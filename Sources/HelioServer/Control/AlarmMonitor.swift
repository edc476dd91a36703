import HelioGrid

/// The plant alarms a valid reading raises or clears: gensets that fail to start (fewer running
/// than commanded for two intervals), a battery offline, unserved load. Returns changes for the
/// control loop to write with the interval.
struct AlarmMonitor: Sendable {
    /// Intervals in a row with fewer gensets running than commanded before the alarm is raised.
    static let startFailureIntervals = 2
    private let hasBattery: Bool
    private var startFailureTicks = 0

    /// A monitor for a plant with or without a battery.
    init(hasBattery: Bool) { self.hasBattery = hasBattery }

    /// The alarm changes of `reading`, the gensets commanded in the previous interval being `commandedUnits`.
    mutating func observe(_ reading: PlantTelemetry, commandedUnits: Int) -> [AlarmChange] {
        var changes: [AlarmChange] = []
        startFailureTicks = reading.dieselUnits < commandedUnits ? startFailureTicks + 1 : 0
        if startFailureTicks >= Self.startFailureIntervals {
            changes.append(.raise(.gensetStartFailure,
                                  message: "\(commandedUnits - reading.dieselUnits) of \(commandedUnits) commanded gensets are not running"))
        } else if startFailureTicks == 0 {
            changes.append(.clear(.gensetStartFailure))
        }
        if hasBattery, !reading.batteryOnline {
            changes.append(.raise(.batteryOffline, message: "battery strings offline: gensets carry the load"))
        } else {
            changes.append(.clear(.batteryOffline))
        }
        if reading.unservedKW > 0 {
            changes.append(.raise(.unservedLoad, message: "\(Int(reading.unservedKW.rounded())) kW of demand not served"))
        } else {
            changes.append(.clear(.unservedLoad))
        }
        return changes
    }
}

import HelioGrid

/// When the live EMS is in safe mode and what it asks of the plant there.
///
/// Safe mode is entered when telemetry is lost or invalid, setpoints are refused, or an operator
/// asks for it. The gensets are then committed to carry the last known load at their target loading,
/// the battery is only asked to balance (so its reserve is kept) and PV is not limited. After
/// ``validReadingsToRecover`` valid readings in a row the EMS returns to auto by itself, unless an
/// operator holds safe mode.
struct SafeModePolicy: Sendable {
    /// Valid readings in a row that end safe mode.
    static let validReadingsToRecover = 3
    /// The mode now.
    private(set) var mode: OperatingMode = .auto
    /// Whether an operator holds safe mode (until `auto` is asked).
    private(set) var forcedSafe: Bool
    /// Valid readings in a row so far.
    private(set) var validStreak = 0

    /// A policy resumed with an operator's hold (`forcedSafe`) in force or not.
    init(forcedSafe: Bool) {
        self.forcedSafe = forcedSafe
        if forcedSafe { mode = .safe }
    }

    /// Enters safe mode; returns whether it was newly entered.
    @discardableResult
    mutating func enter() -> Bool {
        defer { mode = .safe }
        return mode != .safe
    }

    /// A reading failed or setpoints were refused: the streak restarts and safe mode is entered.
    /// Returns whether it was newly entered.
    mutating func fail() -> Bool {
        validStreak = 0
        return enter()
    }

    /// A valid reading; returns whether it ended safe mode.
    @discardableResult
    mutating func validReading() -> Bool {
        validStreak += 1
        guard mode == .safe, !forcedSafe, validStreak >= Self.validReadingsToRecover else { return false }
        mode = .auto
        return true
    }

    /// Why the EMS is still in safe mode.
    var holdReason: String {
        forcedSafe ? "operator request" : "waiting for \(Self.validReadingsToRecover) valid readings (\(validStreak) so far)"
    }

    /// The mode while a strategy decides (`auto`) or an override is in force (`manual`).
    mutating func run(manual: Bool) { mode = manual ? .manual : .auto }

    /// An operator's request: `safe` (held until `auto` is asked) or `auto`; `manual` is entered by an override.
    /// Returns whether safe mode was newly entered.
    mutating func request(_ requested: OperatingMode) throws(ValidationError) -> Bool {
        switch requested {
        case .manual:
            throw ValidationError("mode: manual is entered by posting an override to /v1/overrides")
        case .safe:
            forcedSafe = true
            return enter()
        case .auto:
            forcedSafe = false
            if mode == .safe && validStreak >= Self.validReadingsToRecover { mode = .auto }
            return false
        }
    }

    /// Safe-mode setpoints for `scenario` with `lastLoadKW` the last known load: gensets for that
    /// load at their target loading, the battery balancing only, PV unlimited, and imports for the
    /// load only when there are no gensets.
    static func setpoints(_ scenario: Scenario, lastLoadKW load: Double) -> PlantSetpoints {
        var units = 0
        if let diesel = scenario.diesel {
            units = min(diesel.units, Int((load / (diesel.unitKW * scenario.dispatch.dieselTargetLoading)).rounded(.up)))
        }
        let grid = scenario.diesel == nil ? min(scenario.connectedGrid?.importKW ?? 0, load) : 0
        return PlantSetpoints(pvLimitKW: scenario.pv?.dcKW ?? 0, batteryKW: 0, dieselUnits: units, dieselKW: load, gridKW: grid)
    }
}

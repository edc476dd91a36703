/// What one control interval stores, in one transaction with the resume point: its reading (when
/// read), decision, ledger row (when metered) and the alarm changes it decided, stamped at the
/// decision's time. The loop keeps the records a failed commit could not store and commits them
/// with the next interval (``EMSStore/commit(_:closing:resume:)``), so a storage outage leaves no gap.
public struct IntervalRecord: Sendable, Equatable {
    /// The reading, as stored.
    public var telemetry: TelemetryEntry?
    /// The decision.
    public var decision: DecisionEntry
    /// The ledger row.
    public var ledger: LedgerEntry?
    /// Alarm changes, applied in order at the decision's time.
    public var alarms: [AlarmChange]

    /// A record; see the properties.
    public init(telemetry: TelemetryEntry?, decision: DecisionEntry, ledger: LedgerEntry?, alarms: [AlarmChange]) {
        self.telemetry = telemetry
        self.decision = decision
        self.ledger = ledger
        self.alarms = alarms
    }

    /// This record folded into the `later` one, for a backlog past its cap: the later record keeps
    /// its own reading and decision, carries both ledger rows as one (``LedgerEntry/merged(into:)``)
    /// and applies both records' alarm changes in order (at its own time).
    func folded(into later: IntervalRecord) -> IntervalRecord {
        var folded = later
        folded.alarms = alarms + later.alarms
        switch (ledger, later.ledger) {
        case let (earlier?, last?): folded.ledger = earlier.merged(into: last)
        case let (earlier?, nil): folded.ledger = earlier
        default: break
        }
        return folded
    }
}

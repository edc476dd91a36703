/// A change to the open alarms decided during a control interval, written in the interval's transaction.
public enum AlarmChange: Sendable, Equatable {
    /// Open an alarm of `kind` unless one is open.
    case raise(AlarmKind, message: String)
    /// Clear the open alarm of `kind`, if any.
    case clear(AlarmKind)
}

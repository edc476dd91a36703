/// The open alarms as the control loop last decided them, kept in memory so the status is
/// answered without a database read: the same raise and clear rules as the `alarms` table
/// (a kind is raised unless open, cleared if open), in the order they were raised.
struct OpenAlarms: Sendable, Equatable {
    private(set) var list: [ControlStatus.Alarm]

    /// The alarms open in the database when the service starts.
    init(_ records: [AlarmRecord]) {
        list = records.map { ControlStatus.Alarm(kind: $0.kind, message: $0.message, raisedMS: $0.raisedMS) }
    }

    /// Applies `change` at plant time `atMS`.
    mutating func apply(_ change: AlarmChange, atMS: Int64) {
        switch change {
        case let .raise(kind, message):
            guard !list.contains(where: { $0.kind == kind.rawValue }) else { return }
            list.append(ControlStatus.Alarm(kind: kind.rawValue, message: message, raisedMS: atMS))
        case let .clear(kind):
            list.removeAll { $0.kind == kind.rawValue }
        }
    }

    /// Whether an alarm of `kind` is open.
    func isOpen(_ kind: AlarmKind) -> Bool { list.contains { $0.kind == kind.rawValue } }
}

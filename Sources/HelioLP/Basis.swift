/// A simplex basis: Clp's status of every column and row (0 free, 1 basic, 2 at upper bound, 3 at
/// lower bound, 4 superbasic, 5 fixed), as returned with a ``Solution`` and passed back to
/// ``Solver/solve(_:relativeGap:timeLimitSeconds:warmStart:)`` to start the dual simplex from a related
/// program's optimum instead of from scratch (the warm start of J. J. H. Forrest and D. Goldfarb,
/// "Steepest-edge simplex algorithms for linear programming", Math. Programming 57, 1992, as Clp's
/// `setWarmStart` uses it). Any status array is a valid start: Clp repairs a basis of the wrong size
/// or a singular one with slacks. Every engine uses these codes: HiGHS's statuses are converted
/// (``HighsModel``), and HiGHS takes a start only with one basic status per row.
public struct Basis: Sendable, Equatable {
    /// Status per column.
    public var columns: [UInt8]
    /// Status per row.
    public var rows: [UInt8]

    /// Clp's status of a free nonbasic variable.
    public static let free: UInt8 = 0
    /// Clp's status of a basic variable.
    public static let basic: UInt8 = 1
    /// Clp's status of a nonbasic variable at its upper bound.
    public static let atUpper: UInt8 = 2
    /// Clp's status of a nonbasic variable at its lower bound.
    public static let atLower: UInt8 = 3
    /// Clp's status of a fixed nonbasic variable.
    public static let fixed: UInt8 = 5

    /// Creates a basis from per-column and per-row statuses.
    public init(columns: [UInt8], rows: [UInt8]) {
        self.columns = columns
        self.rows = rows
    }

    /// The slack basis of a program with `columns` columns and `rows` rows: every row's slack basic,
    /// every column at its lower bound (where a cold dual simplex starts).
    public static func slack(columns: Int, rows: Int) -> Basis {
        Basis(columns: Array(repeating: atLower, count: columns), rows: Array(repeating: basic, count: rows))
    }
}

import HelioLP

/// Where each plan step's columns and rows lie in a ``DispatchProblem``'s program (steps are laid
/// out one after another; the minimum-run rows, one per plan step, follow them), so the basis of one
/// re-plan can start the next one: step t of the new plan starts from step t + shift of the old,
/// the look-ahead blocks from the same blocks.
public struct PlanLayout: Sendable, Equatable {
    /// First column of each step, and the column count at the end.
    public var columnStarts: [Int]
    /// First row of each step, then the first row after the steps, then the row count.
    public var rowStarts: [Int]
    /// Fine plan steps (the rest are look-ahead blocks).
    public var planSteps: Int

    /// The member programs of a scenario program, one after another (empty: one program), and the
    /// scenario program's column and row counts; the rows after the last member tie the members'
    /// first steps together (``DispatchProblem/solve(members:warmStart:)``).
    public var members: [PlanLayout] = []
    private var memberTotals = (columns: 0, rows: 0)

    /// The layout of one program of `columnStarts`/`rowStarts` with `planSteps` fine steps.
    public init(columnStarts: [Int], rowStarts: [Int], planSteps: Int) {
        self.columnStarts = columnStarts
        self.rowStarts = rowStarts
        self.planSteps = planSteps
    }

    /// The layout of a scenario program of `members` holding `columns` columns and `rows` rows.
    public init(members: [PlanLayout], columns: Int, rows: Int) {
        self.init(columnStarts: [], rowStarts: [], planSteps: members.first?.planSteps ?? 0)
        self.members = members
        memberTotals = (columns, rows)
    }

    public static func == (lhs: PlanLayout, rhs: PlanLayout) -> Bool {
        lhs.columnStarts == rhs.columnStarts && lhs.rowStarts == rhs.rowStarts && lhs.planSteps == rhs.planSteps
            && lhs.members == rhs.members && lhs.memberTotals == rhs.memberTotals
    }

    /// Number of steps laid out.
    public var steps: Int { columnStarts.count - 1 }

    /// `basis` of a program laid out as `old`, moved `shift` plan steps on to fit this layout;
    /// statuses without a counterpart start at Clp's slack defaults. A scenario program moves member
    /// by member (the tying rows kept where the member count is unchanged).
    public func shifted(_ basis: Basis, from old: PlanLayout, by shift: Int) -> Basis {
        guard !members.isEmpty else {
            var moved = Basis.slack(columns: columnStarts[steps], rows: rowStarts[steps + 1])
            move(basis, from: old, by: shift, into: &moved)
            return moved
        }
        var moved = Basis.slack(columns: memberTotals.columns, rows: memberTotals.rows)
        guard old.members.count == members.count else { return moved }
        for (member, oldMember) in zip(members, old.members) { member.move(basis, from: oldMember, by: shift, into: &moved) }
        let ties = (members.last.map { $0.rowStarts[$0.steps + 1] } ?? 0)..<memberTotals.rows
        let oldTies = (old.members.last.map { $0.rowStarts[$0.steps + 1] } ?? 0)..<old.memberTotals.rows
        copy(&moved.rows, from: basis.rows, new: ties, old: oldTies)
        return moved
    }

    /// Writes `basis` (laid out as `old`) moved `shift` plan steps on into this layout's part of `moved`.
    private func move(_ basis: Basis, from old: PlanLayout, by shift: Int, into moved: inout Basis) {
        for t in 0..<steps {
            let source = t + shift < min(planSteps, old.planSteps) ? t + shift : min(t, old.steps - 1)
            copy(&moved.columns, from: basis.columns, new: columnStarts[t]..<columnStarts[t + 1],
                 old: old.columnStarts[source]..<old.columnStarts[source + 1])
            copy(&moved.rows, from: basis.rows, new: rowStarts[t]..<rowStarts[t + 1], old: old.rowStarts[source]..<old.rowStarts[source + 1])
        }
        let trailing = rowStarts[steps]..<rowStarts[steps + 1], oldTrailing = old.rowStarts[old.steps]..<old.rowStarts[old.steps + 1]
        for row in trailing {
            let source = oldTrailing.lowerBound + (row - trailing.lowerBound) + shift
            if oldTrailing.contains(source) { moved.rows[row] = basis.rows[source] }
        }
    }

    private func copy(_ target: inout [UInt8], from source: [UInt8], new: Range<Int>, old: Range<Int>) {
        for offset in 0..<min(new.count, old.count) { target[new.lowerBound + offset] = source[old.lowerBound + offset] }
    }
}

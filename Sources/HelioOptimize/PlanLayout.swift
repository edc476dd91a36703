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

    /// Number of steps laid out.
    public var steps: Int { columnStarts.count - 1 }

    /// `basis` of a program laid out as `old`, moved `shift` plan steps on to fit this layout;
    /// statuses without a counterpart start at Clp's slack defaults.
    public func shifted(_ basis: Basis, from old: PlanLayout, by shift: Int) -> Basis {
        var moved = Basis.slack(columns: columnStarts[steps], rows: rowStarts[steps + 1])
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
        return moved
    }

    private func copy(_ target: inout [UInt8], from source: [UInt8], new: Range<Int>, old: Range<Int>) {
        for offset in 0..<min(new.count, old.count) { target[new.lowerBound + offset] = source[old.lowerBound + offset] }
    }
}

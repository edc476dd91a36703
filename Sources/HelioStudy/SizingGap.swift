import HelioGrid

/// Where the gap between a sizing study's LP bound and its best design comes from, each step adding
/// one thing the LP leaves out (docs/sizing.md, "The gap by cause"):
/// 1. the LP with free continuous sizes (the bound);
/// 2. the LP held at the best design's sizes: the grid of the `[size]` lists, whole gensets, and the
///    margin a design needs for fade, which the LP (at nameplate every year) does not see;
/// 3. the best design simulated over the life with perfect-foresight dispatch (``OptimalDispatch``):
///    degradation (PV, battery capacity), whole-unit commitment and starts, the reserve band,
///    battery auxiliaries and the discrete timing of replacements;
/// 4. the best design under the study's strategy: the dispatch's own loss against perfect foresight.
public struct SizingGap: Sendable, Equatable {
    /// NPC of each step, currency (`nil`: a step that could not be priced, e.g. an infeasible LP).
    public var lpBound: Double, lpAtBest: Double?, optimalAtBest: Double?, best: Double

    /// Creates a breakdown from the four steps' NPCs.
    public init(lpBound: Double, lpAtBest: Double?, optimalAtBest: Double?, best: Double) {
        self.lpBound = lpBound
        self.lpAtBest = lpAtBest
        self.optimalAtBest = optimalAtBest
        self.best = best
    }

    /// The causes with their share of NPC, currency, in order; a cause whose steps could not both be
    /// priced is left out.
    public var causes: [(name: String, amount: Double)] {
        var rows: [(String, Double)] = []
        if let lpAtBest { rows.append(("sizes the LP would not pick (grid steps, whole gensets, margin for fade)", lpAtBest - lpBound)) }
        if let lpAtBest, let optimalAtBest { rows.append(("degradation, whole-unit commitment and the rest the LP leaves out", optimalAtBest - lpAtBest)) }
        if let optimalAtBest { rows.append(("dispatch against perfect foresight", best - optimalAtBest)) }
        return rows
    }
}

public import HelioLP

/// The `[solver]` section: which LP and MILP engines the optimal, MPC and sizing-bound programs go
/// through, how an LP is solved cold, the threads HiGHS may use (``SolverOptions``), and the gap and
/// time limit of a year-size solve (docs/solvers.md). The defaults are the measured fastest on
/// HelioGrid's programs: `auto` engine and method (Clp for MPC windows, HiGHS for a year and more
/// and the sizing bound; the dual simplex), HiGHS for MILPs, one thread.
public struct SolverConfig: Sendable, Equatable {
    /// Engines, cold method and threads (`lp`, `mip`, `method`, `threads`).
    public var options = SolverOptions.default
    /// Relative gap at which branch and cut stops on a long MILP (`optimal` with whole commitment).
    public var mipGap = 0.005
    /// Longest one long solve may take, seconds; a MILP then keeps its best plan, an LP fails.
    public var timeLimitSeconds = 600.0

    /// The defaults.
    public init() {}

    /// Reads `[solver]` (every key optional).
    init(_ section: inout ScenarioSection) throws {
        options.lp = SolverOptions.LPEngine(rawValue: try section.choice("lp", default: options.lp.rawValue,
                                                                         in: SolverOptions.LPEngine.allCases.map(\.rawValue)))!
        options.mip = SolverOptions.MIPEngine(rawValue: try section.choice("mip", default: options.mip.rawValue,
                                                                           in: SolverOptions.MIPEngine.allCases.map(\.rawValue)))!
        options.method = SolverOptions.Method(rawValue: try section.choice("method", default: options.method.rawValue,
                                                                           in: SolverOptions.Method.allCases.map(\.rawValue)))!
        options.threads = try section.int("threads", default: options.threads, in: 1...SolverOptions.maximumThreads)
        mipGap = try section.double("mip_gap", default: mipGap, in: 0...0.5)
        timeLimitSeconds = try section.positive("time_limit_s", default: timeLimitSeconds, max: 86_400)
    }
}

/// The `[solver]` section: which LP and MILP engines the optimal, MPC and sizing-bound programs go
/// through, how an LP is solved cold, and the threads HiGHS may use (docs/solvers.md). The defaults
/// are the measured fastest on HelioGrid's programs: `auto` engine and method (Clp for MPC windows,
/// HiGHS for a year and more and the sizing bound; the dual simplex), HiGHS for MILPs, one thread.
public struct SolverConfig: Sendable, Equatable {
    /// LP engine (`lp`).
    public enum LPEngine: String, Sendable, CaseIterable {
        /// Clp for small programs (an MPC window), HiGHS for large ones.
        case auto
        /// HiGHS 1.15 (MIT), built from source.
        case highs
        /// COIN-OR Clp 1.17 (Debian).
        case clp
    }

    /// MILP engine (`mip`).
    public enum MIPEngine: String, Sendable, CaseIterable {
        /// HiGHS's branch and cut.
        case highs
        /// COIN-OR Cbc 2.10 (Debian; its calls are serialised, as it is not thread-safe).
        case cbc
    }

    /// How an LP without a warm start is solved (`method`).
    public enum Method: String, Sendable, CaseIterable {
        /// The measured choice: the dual simplex.
        case auto
        /// Dual simplex after presolve.
        case simplex
        /// Interior point, with crossover to a basis where one is wanted (not for the sizing bound).
        case ipm
    }

    /// LP engine.
    public var lp: LPEngine = .auto
    /// MILP engine.
    public var mip: MIPEngine = .highs
    /// Cold LP method.
    public var method: Method = .auto
    /// Threads HiGHS may use for one solve (1 … 64).
    public var threads = 1
    /// Relative gap at which branch and cut stops on a long MILP (`optimal` with whole commitment).
    public var mipGap = 0.005
    /// Longest one long solve may take, seconds; a MILP then keeps its best plan, an LP fails.
    public var timeLimitSeconds = 600.0

    /// The defaults.
    public init() {}

    /// Reads `[solver]` (every key optional).
    init(_ section: inout ScenarioSection) throws {
        lp = LPEngine(rawValue: try section.choice("lp", default: lp.rawValue, in: LPEngine.allCases.map(\.rawValue)))!
        mip = MIPEngine(rawValue: try section.choice("mip", default: mip.rawValue, in: MIPEngine.allCases.map(\.rawValue)))!
        method = Method(rawValue: try section.choice("method", default: method.rawValue, in: Method.allCases.map(\.rawValue)))!
        threads = try section.int("threads", default: threads, in: 1...64)
        mipGap = try section.double("mip_gap", default: mipGap, in: 0...0.5)
        timeLimitSeconds = try section.positive("time_limit_s", default: timeLimitSeconds, max: 86_400)
    }
}

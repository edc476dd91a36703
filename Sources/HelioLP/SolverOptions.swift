/// Which solver engines and method ``Solver`` uses, and how many threads HiGHS may use
/// (docs/solvers.md; scenario section `[solver]`).
///
/// The defaults were chosen by measurement on the programs HelioGrid solves (a year of dispatch,
/// the sizing bound, MPC windows, the commitment MILP; `heliogrid-bench`): HiGHS's dual simplex
/// for LPs and its branch and cut for MILPs, one thread.
public struct SolverOptions: Sendable, Equatable {
    /// The LP engine (also used for a MILP's relaxation).
    public enum LPEngine: String, Sendable, CaseIterable {
        /// HiGHS (Q. Huangfu and J. A. J. Hall, "Parallelizing the dual revised simplex method",
        /// Math. Prog. Comp. 10, 2018; https://highs.dev).
        case highs
        /// COIN-OR Clp 1.17.
        case clp
    }

    /// The MILP engine.
    public enum MIPEngine: String, Sendable, CaseIterable {
        /// HiGHS's branch and cut (thread-safe).
        case highs
        /// COIN-OR Cbc 2.10 (not thread-safe: calls are serialised).
        case cbc
    }

    /// How an LP without a warm start is solved.
    public enum Method: String, Sendable, CaseIterable {
        /// Dual simplex after presolve.
        case simplex
        /// Interior point with crossover to a basis (HiGHS's IPX, Clp's barrier).
        case ipm
        /// The engine's own choice.
        case auto
    }

    /// The LP engine.
    public var lp: LPEngine
    /// The MILP engine.
    public var mip: MIPEngine
    /// The LP method; a warm-started solve always uses the dual simplex.
    public var method: Method
    /// Threads HiGHS may use per solve (1 ... 64); Clp and Cbc use one.
    public var threads: Int

    /// The measured defaults: HiGHS for both, dual simplex, one thread.
    public static let `default` = SolverOptions(lp: .highs, mip: .highs, method: .simplex, threads: 1)

    /// Creates options.
    public init(lp: LPEngine, mip: MIPEngine, method: Method, threads: Int) {
        self.lp = lp
        self.mip = mip
        self.method = method
        self.threads = threads
    }

    /// Largest `threads` accepted.
    public static let maximumThreads = 64
}

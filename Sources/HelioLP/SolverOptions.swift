/// Which solver engines and method ``Solver`` uses, and how many threads HiGHS may use
/// (docs/solvers.md; scenario section `[solver]`).
///
/// The defaults (`auto`) were chosen by measurement on the programs HelioGrid solves
/// (`heliogrid-bench solvers`, docs/solvers.md): small programs (an MPC window) go to Clp, whose
/// warm-started dual simplex has less overhead per solve; large ones (a year or more of dispatch,
/// the sizing bound) to HiGHS; every LP by the dual simplex (interior point was slower on each of
/// them); MILPs by HiGHS's branch and cut.
public struct SolverOptions: Sendable, Equatable {
    /// The LP engine (also used for a MILP's relaxation).
    public enum LPEngine: String, Sendable, CaseIterable {
        /// Clp below ``Solver/smallProgramColumns`` columns, HiGHS above.
        case auto
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
        /// The measured choice: the dual simplex.
        case auto
        /// Dual simplex after presolve.
        case simplex
        /// Interior point (HiGHS's IPX, Clp's barrier), with crossover to a basis where one is wanted.
        case ipm
    }

    /// The LP engine.
    public var lp: LPEngine
    /// The MILP engine.
    public var mip: MIPEngine
    /// The LP method; a warm-started solve always uses the dual simplex.
    public var method: Method
    /// Threads HiGHS may use per solve (1 ... ``maximumThreads``); Clp and Cbc use one.
    public var threads: Int

    /// The measured defaults: engines and method chosen per program, one thread.
    public static let `default` = SolverOptions(lp: .auto, mip: .highs, method: .auto, threads: 1)

    /// Largest `threads` accepted.
    public static let maximumThreads = 64

    /// Creates options.
    public init(lp: LPEngine, mip: MIPEngine, method: Method, threads: Int) {
        self.lp = lp
        self.mip = mip
        self.method = method
        self.threads = threads
    }

    /// The engine that solves an LP of `columns` columns.
    func engine(columns: Int) -> LPEngine {
        guard lp == .auto else { return lp }
        return columns < Solver.smallProgramColumns ? .clp : .highs
    }

    /// The method for a cold solve: `simplex` or `ipm`, never `auto`.
    var coldMethod: Method { method == .auto ? .simplex : method }
}

import HelioGrid
import HelioLP

extension SolverOptions {
    /// The engines, method and threads a scenario's `[solver]` section names.
    public init(_ config: SolverConfig) {
        self.init(lp: LPEngine(rawValue: config.lp.rawValue)!, mip: MIPEngine(rawValue: config.mip.rawValue)!,
                  method: Method(rawValue: config.method.rawValue)!, threads: config.threads)
    }
}

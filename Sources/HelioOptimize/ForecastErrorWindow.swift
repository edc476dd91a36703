/// The most recent shortfalls of net load (load − PV) against the forecast a plan was made on, and
/// the quantile of them the MPC keeps as spare battery power: an empirical-quantile reserve, the
/// uncertainty reserve of stochastic unit commitment sized from recent forecast errors (e.g. M. A.
/// Matos and R. J. Bessa, "Setting the operating reserve using probabilistic wind power forecasts",
/// IEEE Trans. Power Syst. 26(2), 2011).
struct ForecastErrorWindow: Sendable {
    /// Errors kept.
    let capacity: Int
    private var errorsKW: [Double] = []
    private var next = 0

    /// A window of the last `capacity` errors.
    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Records actual − forecast net load, kW (positive: more to supply than planned).
    mutating func record(_ errorKW: Double) {
        if errorsKW.count < capacity {
            errorsKW.append(errorKW)
        } else {
            errorsKW[next] = errorKW
        }
        next = (next + 1) % capacity
    }

    /// The `q` quantile of the shortfalls (errors below 0 count as 0), kW; 0 with no errors yet.
    func quantile(_ q: Double) -> Double {
        guard !errorsKW.isEmpty, q > 0 else { return 0 }
        let sorted = errorsKW.map { max(0, $0) }.sorted()
        return sorted[min(sorted.count - 1, Int((q * Double(sorted.count)).rounded(.up)) - 1)]
    }
}

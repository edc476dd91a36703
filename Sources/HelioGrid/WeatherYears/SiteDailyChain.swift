/// The site's own Markov chain of daily clearness, estimated from its one year, in the form of
/// Aguiar, Collares-Pereira & Conde's transition matrices (Solar Energy 40(3), 1988) with the states
/// taken on each day's rank within its month instead of on the clearness value, so that one matrix
/// serves every month of the year and 364 transitions suffice to estimate it.
///
/// A day's rank `u` (0…1) is its place among the month's pool: the source's daily clearness of the
/// month and of the months either side, each divided by its month's mean (about 90 values, so the
/// generated days reach beyond the month's own 30). States are the ten deciles of `u`; the transition
/// counts of the source's consecutive days, plus 0.02 in every cell so no transition is impossible,
/// make the matrix (0.1 in every cell weakened the persistence to 0.33 against the Phoenix TMY's
/// 0.36; 0.02 keeps 0.34). A generated rank is turned back into clearness by the pool's quantile (linear
/// between order statistics) times the month's target mean.
struct SiteDailyChain: Sendable {
    /// Cumulative transition probabilities, row by today's decile.
    private let cumulative: [[Double]]
    /// Each month's pool of daily clearness over its month mean, sorted.
    private let pools: [[Double]]
    /// Rank of each source day within its month's pool.
    let sourceRanks: [Double]

    init(dailyKt: [Double], monthlyKt: [Double]) {
        var pools: [[Double]] = []
        for month in 0..<12 {
            var pool: [Double] = []
            for neighbour in [(month + 11) % 12, month, (month + 1) % 12] {
                let first = CivilCalendar.monthStartDay[neighbour]
                pool += dailyKt[first..<(first + CivilCalendar.daysInMonth[neighbour])].map { $0 / monthlyKt[neighbour] }
            }
            pools.append(pool.sorted())
        }
        let ranks = (0..<365).map { day -> Double in
            let month = SyntheticWeather.month(ofDay: day)
            let pool = pools[month], value = dailyKt[day] / monthlyKt[month]
            let below = pool.filter { $0 < value }.count, equal = pool.filter { $0 == value }.count
            return (Double(below) + 0.5 * Double(equal)) / Double(pool.count)
        }
        var counts = [[Double]](repeating: [Double](repeating: 0.02, count: 10), count: 10)
        for day in 0..<364 { counts[Self.state(ranks[day])][Self.state(ranks[day + 1])] += 1 }
        cumulative = counts.map { row in
            let total = row.reduce(0, +)
            var running = 0.0
            return row.map { running += $0 / total; return running }
        }
        self.pools = pools
        sourceRanks = ranks
    }

    /// The decile state of rank `u`.
    static func state(_ rank: Double) -> Int { min(9, max(0, Int(rank * 10))) }

    /// Tomorrow's rank after today's: the next decile from today's row, the place within it in
    /// proportion to the draw (as Aguiar et al. interpolate within a state).
    func nextRank(after rank: Double, random: inout SplitMix64) -> Double {
        let row = cumulative[Self.state(rank)]
        let draw = Double.random(in: 0..<1, using: &random) * row[9]
        let next = row.firstIndex { draw < $0 } ?? 9
        let below = next > 0 ? row[next - 1] : 0
        return (Double(next) + min(1, (draw - below) / (row[next] - below))) / 10
    }

    /// Daily clearness of rank `rank` in `month` whose mean is to be `meanKt`.
    func clearness(rank: Double, month: Int, meanKt: Double) -> Double {
        let pool = pools[month]
        let position = rank * Double(pool.count - 1)
        let lower = Int(position), upper = min(lower + 1, pool.count - 1)
        return meanKt * (pool[lower] + (pool[upper] - pool[lower]) * (position - Double(lower)))
    }
}

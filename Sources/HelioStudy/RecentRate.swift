/// The rate of a count over its last samples, for a progress bar's rate and time left: a run whose
/// parts go at different speeds (`compare --dispatch`'s MPC year after the rule EMS's) shows the
/// speed of the part under way, not the mean since the start.
struct RecentRate {
    /// Samples kept: at two a second, the last five seconds.
    static let window = 10

    private var samples: [(seconds: Double, count: Int)] = []

    /// Adds `count` items done at `seconds` since the start; gives the items per second since the
    /// oldest sample kept, or `nil` before there are two.
    mutating func add(seconds: Double, count: Int) -> Double? {
        samples.append((seconds, count))
        if samples.count > Self.window { samples.removeFirst() }
        guard let first = samples.first, seconds > first.seconds else { return nil }
        return Double(count - first.count) / (seconds - first.seconds)
    }
}

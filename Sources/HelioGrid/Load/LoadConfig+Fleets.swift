extension LoadConfig {
    /// The GPU fleets of the campus: this one and those an `add` phase set beside it (``cohorts``),
    /// each with its own node power and utilisation; a cohort's seed is offset by its place, so the
    /// fleets' noise and interruptions are drawn apart.
    public var fleets: [LoadConfig] {
        guard !cohorts.isEmpty else { return [self] }
        return [self] + cohorts.enumerated().map { index, cohort in
            var fleet = cohort
            fleet.seed = cohort.seed &+ index + 1
            return fleet
        }
    }

    /// GPUs of every fleet.
    public var totalGPUs: Int { cohorts.reduce(gpus) { $0 + $1.gpus } }

    /// Installed IT power of every fleet (each node at its nameplate), kW.
    public var installedITKW: Double { fleets.reduce(0) { $0 + GPUClusterLoad(config: $1).installedITKW } }

    /// The cooling plant's design IT load: every fleet at its measured maximum, kW.
    public var peakITKW: Double { fleets.reduce(0) { $0 + GPUClusterLoad(config: $1).peakITKW } }

    /// IT power per step of every fleet together, kW (``GPUClusterLoad/itPowerKW(axis:planned:)``).
    public func itPowerKW(axis: TimeAxis) throws -> [Double] {
        var total = try GPUClusterLoad(config: self).itPowerKW(axis: axis)
        for fleet in fleets.dropFirst() {
            for (index, kW) in try GPUClusterLoad(config: fleet).itPowerKW(axis: axis).enumerated() { total[index] += kW }
        }
        return total
    }
}

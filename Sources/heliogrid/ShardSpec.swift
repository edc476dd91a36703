import HelioGrid

/// Which slice of a sizing study this process evaluates: `--shard I/N`, else a Slurm job array's
/// task (`SLURM_ARRAY_TASK_ID` − `SLURM_ARRAY_TASK_MIN` of `SLURM_ARRAY_TASK_COUNT`), else a
/// Kubernetes Indexed Job's `JOB_COMPLETION_INDEX` of `HELIOGRID_SHARDS`; none of them: the whole study.
enum ShardSpec {
    static func resolve(_ option: String?, environment: [String: String]) throws -> (index: Int, count: Int)? {
        if let option {
            let parts = option.split(separator: "/")
            guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
                throw HelioError(.usage, "--shard must be I/N (for example 0/4), found '\(option)'")
            }
            return try checked(index, count, what: "--shard")
        }
        if let id = environment["SLURM_ARRAY_TASK_ID"], let total = environment["SLURM_ARRAY_TASK_COUNT"] {
            guard let id = Int(id), let count = Int(total), let first = Int(environment["SLURM_ARRAY_TASK_MIN"] ?? "0") else {
                throw HelioError(.usage, "SLURM_ARRAY_TASK_ID, _MIN and _COUNT must be integers")
            }
            return try checked(id - first, count, what: "the Slurm array task")
        }
        if let index = environment["JOB_COMPLETION_INDEX"] {
            guard let index = Int(index), let count = Int(environment["HELIOGRID_SHARDS"] ?? "") else {
                throw HelioError(.usage, "JOB_COMPLETION_INDEX needs HELIOGRID_SHARDS, the Job's completions, both integers")
            }
            return try checked(index, count, what: "the Indexed Job")
        }
        return nil
    }

    private static func checked(_ index: Int, _ count: Int, what: String) throws -> (Int, Int) {
        guard count >= 1, (0..<count).contains(index) else {
            throw HelioError(.usage, "\(what): shard \(index) of \(count) is not one of 0…\(max(0, count - 1))")
        }
        return (index, count)
    }
}

/// Why the Slurm agent could not act on an EMS answer.
enum SlurmAgentError: Error, CustomStringConvertible {
    /// The EMS refused this job (a 4xx naming it) or answered a plan the GPU cannot take: the job is left as it was.
    case refused(String)
    /// The EMS does not know the job (404): it was retired.
    case unknownJob(String)
    /// The EMS is down, failing (5xx, 429) or answering what is not its API: the pass ends, Slurm is left alone, and the agent retries.
    case emsUnavailable(String)

    var description: String {
        switch self {
        case let .refused(reason): "refused: \(reason)"
        case let .unknownJob(id): "the EMS does not know job \(id)"
        case let .emsUnavailable(reason): "the EMS is unavailable: \(reason)"
        }
    }
}

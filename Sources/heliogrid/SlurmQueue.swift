import Foundation
import HelioGrid

/// A Slurm partition as the agent sees and steers it, through Slurm's own commands: `squeue` to
/// list its pending, running and suspended jobs, `scontrol hold|release` to hold and release them,
/// `scontrol suspend|resume` to pause running ones (Slurm stops their processes; they keep their nodes).
struct SlurmQueue {
    /// One job in the queue.
    struct Job {
        var id: String
        /// `PENDING`, `RUNNING`, `SUSPENDED`.
        var state: String
        /// Why it is pending (`JobHeldUser`, `JobHeldAdmin`, `Resources`, …).
        var reason: String
        /// The job's comment: `gpus=64;hours=3;deadline=2026-07-16T01:00:00-07:00;cap=0.7;class=batch`.
        var comment: String

        /// Whether Slurm holds it.
        var isHeld: Bool { reason.hasPrefix("JobHeld") }

        /// The `key=value` fields of the comment (separated by `;`, `,` or spaces).
        var fields: [String: String] {
            Dictionary(comment.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == " " }).compactMap { field in
                let parts = field.split(separator: "=", maxSplits: 1)
                return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
            }, uniquingKeysWith: { _, last in last })
        }
    }

    let partition: String
    /// Where Slurm's commands are looked for before `PATH` (`--slurm-bin`).
    var binDirectory: String?

    /// The partition's pending, running and suspended jobs.
    func jobs() throws -> [Job] {
        let output = try run("squeue", ["-h", "-p", partition, "-t", "PENDING,RUNNING,SUSPENDED", "-o", "%i|%T|%r|%k"])
        return output.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            return parts.count == 4 ? Job(id: parts[0], state: parts[1], reason: parts[2], comment: parts[3]) : nil
        }
    }

    /// Holds a pending job.
    func hold(_ id: String) throws { _ = try run("scontrol", ["hold", id]) }

    /// Releases a held job.
    func release(_ id: String) throws { _ = try run("scontrol", ["release", id]) }

    /// Suspends a running job.
    func suspend(_ id: String) throws { _ = try run("scontrol", ["suspend", id]) }

    /// Resumes a suspended job.
    func resume(_ id: String) throws { _ = try run("scontrol", ["resume", id]) }

    /// Runs `command` (a path, or a name looked for in ``binDirectory`` and then on `PATH`) with
    /// `arguments`; its standard output, or an error with its standard error when it fails.
    func run(_ command: String, _ arguments: [String]) throws -> String {
        let directories = [binDirectory].compactMap { $0 } + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        let path = command.contains("/") ? command
            : directories.map { "\($0)/\(command)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path, FileManager.default.isExecutableFile(atPath: path) else {
            throw HelioError(.usage, "'\(command)' is not \(command.contains("/") ? "an executable" : "on PATH") (the agent steers Slurm through its commands)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw HelioError(.io, "\(command) \(arguments.joined(separator: " ")) failed: \(String(decoding: message, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

import Foundation

/// Slurm's `squeue` and `scontrol`, and a GPU cap command, as shell scripts in a directory of their
/// own: `squeue` prints the queue set with ``setQueue(_:)`` (`%i|%T|%r|%k` lines), `scontrol` and
/// `cap` append the command they were given to a log, so a test sees exactly what the agent asked of Slurm.
final class FakeSlurm: Sendable {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fake-slurm-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let scripts = ["squeue": "cat \"$(dirname \"$0\")/queue\"", "scontrol": "echo \"scontrol $*\" >> \"$(dirname \"$0\")/log\"",
                       "cap": "echo \"cap $*\" >> \"$(dirname \"$0\")/log\""]
        for (name, body) in scripts {
            let path = directory + "/" + name
            try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        try setQueue([])
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// The cap command's path.
    var capCommand: String { directory + "/cap" }

    /// Sets the jobs `squeue` lists: id, state, reason, comment.
    func setQueue(_ jobs: [(id: String, state: String, reason: String, comment: String)]) throws {
        try jobs.map { "\($0.id)|\($0.state)|\($0.reason)|\($0.comment)\n" }.joined().write(toFile: directory + "/queue", atomically: true, encoding: .utf8)
    }

    /// The commands run since the last call, in order (and forgets them).
    func takeLog() throws -> [String] {
        let path = directory + "/log"
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        try FileManager.default.removeItem(atPath: path)
        return lines
    }
}

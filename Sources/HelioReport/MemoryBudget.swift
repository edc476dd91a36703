import Foundation
import HelioGrid

/// Whether a run that keeps every step in memory fits this machine: checked before the run, so a
/// run too large ends with a message instead of a trap when an allocation fails half-way.
public enum MemoryBudget {
    /// Bytes a run keeps per step when its step series is recorded whole (13 columns of 8 bytes).
    public static let seriesBytesPerStep = 104
    /// Memory the process needs besides the per-step data (inputs of one year, code, buffers).
    public static let baseBytes = 300 << 20

    /// Throws naming the estimate and what is available when `scenario`'s steps × `bytesPerStep`
    /// exceed `available` bytes (by default the memory available to this process).
    public static func check(_ scenario: Scenario, bytesPerStep: Int, what: String, available: Int? = availableBytes()) throws {
        let steps = scenario.site.runSteps
        let needed = steps * bytesPerStep + baseBytes
        guard let available, needed > available else { return }
        throw HelioError(.io, "\(what) keeps every step in memory: about \(gigabytes(needed)) GB for \(steps) steps "
                         + "(\(scenario.site.years) years at \(scenario.site.timestepMinutes) min), but \(gigabytes(available)) GB are "
                         + "available; use a longer [site] timestep_minutes or fewer years")
    }

    /// The smaller of the memory the system has available and what this process's control group
    /// (cgroup v2 `memory.max`) still allows; `nil` when neither can be read.
    public static func availableBytes() -> Int? {
        let system = meminfoKB("MemAvailable").map { $0 * 1024 }
        let group: Int? = {
            guard let max = number(at: "/sys/fs/cgroup/memory.max"), let current = number(at: "/sys/fs/cgroup/memory.current") else { return nil }
            return max - current
        }()
        return [system, group].compactMap { $0 }.min()
    }

    private static func gigabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / Double(1 << 30))
    }

    private static func number(at path: String) -> Int? {
        (try? String(contentsOfFile: path, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    private static func meminfoKB(_ key: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }
}

import Foundation
import HelioGrid
import Synchronization

/// How far a study has got, shared by its workers and whoever reports it: items (sizing designs,
/// reliability sample-years) done of a total, from a start time, with the rate and the time left at that rate.
public final class StudyProgress: Sendable {
    /// Items to evaluate.
    public let total: Int
    /// What the line starts with and what the items are called (`size`, `designs`).
    public let command: String, items: String
    private let done = Atomic<Int>(0)
    private let started = ContinuousClock.now

    /// Progress over `total` items, starting now.
    public init(total: Int, command: String = "size", items: String = "designs") {
        self.total = total
        self.command = command
        self.items = items
    }

    /// One more item done.
    public func advance() { done.add(1, ordering: .relaxed) }

    /// Items done so far.
    public var completed: Int { done.load(ordering: .relaxed) }

    /// Seconds since the start.
    public var elapsedSeconds: Double { (ContinuousClock.now - started).milliseconds / 1000 }

    /// `command: done/total items, rate/s, ETA s` for a terminal line.
    public var line: String {
        let count = completed, seconds = elapsedSeconds
        let rate = seconds > 0 ? Double(count) / seconds : 0
        let left = rate > 0 ? Double(total - count) / rate : 0
        return "\(command): \(count)/\(total) \(items), " + String(format: "%.0f/s, ETA %.0f s", rate, left)
    }

    /// Runs `body`, printing the progress line with its ETA on stderr every two seconds and when done.
    public func reporting<T: Sendable>(_ body: () async throws -> T) async rethrows -> T {
        let reporter = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(2))
                if !Task.isCancelled { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            }
        }
        let result: T
        do {
            result = try await body()
        } catch {
            reporter.cancel()
            throw error
        }
        // The reporter is waited for, so its last line cannot follow the final one.
        reporter.cancel()
        await reporter.value
        FileHandle.standardError.write(Data((line + "\n").utf8))
        return result
    }
}

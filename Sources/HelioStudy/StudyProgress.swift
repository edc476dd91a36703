import Foundation
import HelioGrid
import Synchronization

/// How far a study has got, shared by its workers and whoever reports it: items (sizing designs,
/// reliability sample-years, strategies) done of a total, from a start time, with the rate and the
/// time left at that rate.
///
/// On a terminal the report is a bar redrawn in place twice a second; otherwise only the final line
/// is written; ``quiet`` silences both (`--quiet`). All on stderr, so stdout stays the result.
public final class StudyProgress: Sendable {
    /// How the process shows progress.
    public enum Display: UInt8, Sendable {
        /// A bar redrawn in place (stderr is a terminal).
        case bar
        /// The final line only.
        case finalLine
        /// Nothing (`--quiet`).
        case none
    }

    private static let display = Atomic<UInt8>(isatty(STDERR_FILENO) != 0 ? Display.bar.rawValue : Display.finalLine.rawValue)

    /// Silences every progress report of the process (`--quiet`).
    public static func quiet() { display.store(Display.none.rawValue, ordering: .relaxed) }

    /// How progress is shown now.
    public static var current: Display { Display(rawValue: display.load(ordering: .relaxed)) ?? .finalLine }

    /// Items to evaluate.
    public let total: Int
    /// What the line starts with and what the items are called (`size`, `designs`), or, for a step
    /// of unknown length (``init(of:command:)``), what the step is (`the LP bound`).
    public let command: String, items: String
    private let done = Atomic<Int>(0)
    private let started = ContinuousClock.now
    /// The step counter that stands for the items done (``init(steps:command:)``).
    private let counter: StepCounter?

    /// Progress over `total` items, starting now.
    public init(total: Int, command: String = "size", items: String = "designs") {
        self.total = total
        self.command = command
        self.items = items
        counter = nil
    }

    /// Progress of one step of unknown length, such as a solver's call: the bar shows that it is
    /// alive and for how long, the closing line `command: what in X s`.
    public init(of what: String, command: String) {
        total = 0
        self.command = command
        items = what
        counter = nil
    }

    /// Progress over `steps` of one or more runs made one after another inside ``reporting(finalLine:_:)``,
    /// which binds its own ``StepCounter`` for the engines to update.
    public init(steps: Int, command: String) {
        total = steps
        self.command = command
        items = "steps"
        counter = StepCounter()
    }

    /// Progress over `runs` simulations of `scenario`, each its years of steps.
    public convenience init(runs: Int, of scenario: Scenario, command: String) {
        self.init(steps: runs * scenario.site.runSteps, command: command)
    }

    /// One more item done.
    public func advance() { done.add(1, ordering: .relaxed) }

    /// Items done so far.
    public var completed: Int { counter?.value ?? done.load(ordering: .relaxed) }

    /// Seconds since the start.
    public var elapsedSeconds: Double { (ContinuousClock.now - started).milliseconds / 1000 }

    /// `command: done/total items, rate/s, elapsed s, ETA s` for a terminal line, at `rate` items/s
    /// (the recent rate, ``RecentRate``) or, when `nil`, the mean since the start; `ETA --` while
    /// nothing moves. A run's phase before its steps leads (`planning optimal dispatch, …`); a step of
    /// unknown length shows only what it is and the time so far.
    public func line(rate: Double? = nil) -> String {
        let count = completed, seconds = elapsedSeconds
        let elapsed = String(format: "%.0f s", seconds)
        guard total > 0 else { return "\(command): \(items), \(elapsed)" }
        let speed = rate ?? (seconds > 0 ? Double(count) / seconds : 0)
        let left = speed > 0 ? String(format: "%.0f s", Double(total - count) / speed) : "--"
        let phase = counter?.phase.map { $0 + ", " } ?? ""
        return "\(command): \(phase)\(count)/\(total) \(items), " + String(format: "%.0f/s", speed) + ", \(elapsed), ETA " + left
    }

    /// The last line: what was done, in how long, at what rate.
    public var closingLine: String {
        let count = completed, seconds = elapsedSeconds
        guard total > 0 else { return "\(command): \(items) in " + String(format: "%.1f s", seconds) }
        let rate = seconds > 0 ? Double(count) / seconds : 0
        return "\(command): \(count) \(items) in " + String(format: "%.1f s, %.0f/s", seconds, rate)
    }

    /// The bar for a terminal: 30 cells, then the line at `rate` (``line(rate:)``); for a step of
    /// unknown length a block that moves along the cells each redraw.
    public func bar(rate: Double? = nil) -> String {
        let cells: String
        if total > 0 {
            let filled = min(30, completed * 30 / total)
            cells = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
        } else {
            let at = Int(elapsedSeconds * 2) % 28
            cells = String(repeating: ".", count: at) + "###" + String(repeating: ".", count: 27 - at)
        }
        return "[" + cells + "] " + line(rate: rate)
    }

    /// Runs `body` while reporting on stderr as ``current`` says: the bar redrawn every half second
    /// on a terminal at the recent rate, and the final line when done (off a terminal only when
    /// `finalLine`). Progress counted in steps binds its counter as ``StepCounter/current`` for `body`.
    public func reporting<T: Sendable>(finalLine: Bool = true, _ body: () async throws -> T) async rethrows -> T {
        let display = Self.current == .finalLine && !finalLine ? .none : Self.current
        let reporter = Task {
            guard display == .bar else { return }
            var recent = RecentRate()
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(500))
                let rate = recent.add(seconds: elapsedSeconds, count: completed)
                if !Task.isCancelled { FileHandle.standardError.write(Data(("\r" + bar(rate: rate) + "\u{1B}[K").utf8)) }
            }
        }
        let result: T
        do {
            result = try await StepCounter.$current.withValue(counter ?? StepCounter.current) { try await body() }
        } catch {
            reporter.cancel()
            await reporter.value
            if display == .bar { FileHandle.standardError.write(Data("\n".utf8)) }
            throw error
        }
        // The reporter is waited for, so its last redraw cannot follow the final line.
        reporter.cancel()
        await reporter.value
        switch display {
        case .bar: FileHandle.standardError.write(Data(("\r" + closingLine + "\u{1B}[K\n").utf8))
        case .finalLine: FileHandle.standardError.write(Data((closingLine + "\n").utf8))
        case .none: break
        }
        return result
    }
}

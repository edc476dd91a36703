import Foundation
import Synchronization

/// A fixture script run as `python3 SCRIPT ARGS...` with its standard input, output and error piped:
/// tests wait for the lines it prints (readiness, results), never for a fixed time.
public final class FixtureScript: Sendable {
    public let process: Process
    private let input: Pipe, output: Pipe, errors: Pipe
    private let stopped = Mutex(false)

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Whether a wait for a line has its answer, shared with its watchdog.
    private final class Answered: Sendable {
        let value = Mutex(false)
    }

    /// Starts the script.
    public init(script: String, arguments: [String] = []) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        (input, output, errors) = (Pipe(), Pipe(), Pipe())
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
    }

    /// The next line the script prints, waiting at most `timeout`; at the deadline a silent script is
    /// killed, and a script that ends without the line throws with what it wrote on stderr.
    public func line(timeout: Duration) async throws -> String {
        let process = process
        // Set once the line is in: a watchdog waking just after must not kill a script that answered.
        let answered = Answered()
        let watchdog = Task.detached {
            try await Task.sleep(for: timeout)
            if !answered.value.withLock({ $0 }) && process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        defer { watchdog.cancel() }
        let handle = output.fileHandleForReading
        let line = await Task.detached(operation: { Self.readLine(from: handle) }).value
        answered.value.withLock { $0 = true }
        if let line { return line }
        stop()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        throw Failure(description: "\(process.arguments ?? []) printed no line (exit \(process.terminationStatus)); stderr:\n\(stderr)")
    }

    /// Sends `text` and a newline to the script's standard input; throws (rather than trapping, as
    /// `FileHandle.write(_:)` does) when the script has already ended, with what it wrote on stderr.
    public func send(_ text: String) throws {
        do {
            try input.fileHandleForWriting.write(contentsOf: Data((text + "\n").utf8))
        } catch {
            stop()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failure(description: "\(process.arguments ?? []) ended before '\(text)' (exit \(process.terminationStatus)); stderr:\n\(stderr)")
        }
    }

    /// Ends the script with SIGKILL and waits for it. Idempotent.
    public func stop() {
        let first = stopped.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The next line read from `handle` (without its newline), or `nil` at the end with nothing read.
    public static func readLine(from handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while true {
            let chunk = handle.readData(ofLength: 1)
            guard let byte = chunk.first else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }
}

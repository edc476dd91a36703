import Foundation
import Synchronization

/// A real Modbus TCP server (pymodbus, from PyPI) run from a fixture script on loopback.
///
/// The script binds a port the system picks and prints `listening PORT` once it accepts
/// connections; ``start(script:timeout:)`` waits for that line, not for a fixed time, so a slow
/// start on a loaded machine only makes the test slower. If the script exits or stays silent past
/// the timeout, the error carries what it wrote on stderr.
public final class PymodbusServer: Sendable {
    public let process: Process
    /// The port the server listens on.
    public let port: Int
    private let stopped = Mutex(false)

    private init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Starts `python3 script` and returns once it reports its port.
    public static func start(script: String, arguments: [String] = [], timeout: Duration = .seconds(120)) async throws -> PymodbusServer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // A silent server is killed at the deadline, which ends the blocking read below with EOF.
        let watchdog = Task.detached {
            try await Task.sleep(for: timeout)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        defer { watchdog.cancel() }
        let line = await Task.detached { readLine(from: output.fileHandleForReading) }.value
        guard let port = line.flatMap(parsePort) else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw StartError(description: """
                pymodbus plant did not report a port (stdout: \(line ?? "nothing"); exit \(process.terminationStatus)); \
                is pymodbus 3.6 installed? .ci/install-deps installs it. stderr:
                \(stderr)
                """)
        }
        return PymodbusServer(process: process, port: port)
    }

    /// Ends the server (pymodbus handles SIGTERM itself and may linger; SIGKILL ends it). Idempotent.
    public func stop() {
        let first = stopped.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    private static func readLine(from handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while true {
            let chunk = handle.readData(ofLength: 1)
            guard let byte = chunk.first else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }

    private static func parsePort(_ line: String) -> Int? {
        let words = line.split(separator: " ")
        guard words.count == 2, words[0] == "listening" else { return nil }
        return Int(words[1])
    }
}

import Foundation

/// A real Modbus TCP server (pymodbus, from PyPI) run from a fixture script on loopback.
///
/// The script binds a port the system picks and prints `listening PORT` once it accepts
/// connections; ``start(script:timeout:)`` waits for that line, not for a fixed time, so a slow
/// start on a loaded machine only makes the test slower. If the script exits or stays silent past
/// the timeout, the error carries what it wrote on stderr.
public final class PymodbusServer: Sendable {
    private let script: FixtureScript
    /// The port the server listens on.
    public let port: Int

    private init(script: FixtureScript, port: Int) {
        self.script = script
        self.port = port
    }

    /// Starts `python3 script` and returns once it reports its port.
    public static func start(script path: String, arguments: [String] = [], timeout: Duration = .seconds(120)) async throws -> PymodbusServer {
        let script = try FixtureScript(script: path, arguments: arguments)
        let line: String
        do {
            line = try await script.line(timeout: timeout)
        } catch {
            throw FixtureScript.Failure(description: "pymodbus plant did not report a port; is pymodbus 3.6 installed? .ci/install-deps installs it. \(error)")
        }
        guard let port = parsePort(line) else {
            script.stop()
            throw FixtureScript.Failure(description: "pymodbus plant printed '\(line)', not 'listening PORT'")
        }
        return PymodbusServer(script: script, port: port)
    }

    /// Ends the server (pymodbus handles SIGTERM itself and may linger; SIGKILL ends it). Idempotent.
    public func stop() {
        script.stop()
    }

    private static func parsePort(_ line: String) -> Int? {
        let words = line.split(separator: " ")
        guard words.count == 2, words[0] == "listening" else { return nil }
        return Int(words[1])
    }
}

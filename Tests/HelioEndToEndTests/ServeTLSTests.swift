import AsyncHTTPClient
import Foundation
import HelioServerTestSupport
import HelioTestSupport
import NIOCore
import NIOHTTP1
import NIOSSL
import Testing

/// `serve` over HTTPS with `--tls-cert/--tls-key` (a self-signed certificate for 127.0.0.1 made for
/// these tests, `tls-test.crt` and `tls-test.key`, valid to 2126), its banner written at once, and
/// the warning for a non-loopback address without TLS.
@Suite struct ServeTLSTests {
    /// Starts `serve` with `arguments`; the process and its standard output.
    static func start(_ arguments: [String], database: String) throws -> (Process, FileHandle) {
        let process = Process(), out = Pipe()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["serve", "--db", database, "--interval", "0.5"] + arguments
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, out.fileHandleForReading)
    }

    /// The next line `process` writes to `handle` while it runs (empty if it writes none within `timeout`: it is then killed).
    static func line(_ handle: FileHandle, of process: Process, timeout: Duration = .seconds(120)) async -> String {
        let watchdog = Task.detached {
            try await Task.sleep(for: timeout)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        defer { watchdog.cancel() }
        return await Task.detached { FixtureScript.readLine(from: handle) ?? "" }.value
    }

    @Test func httpsWithTheGivenCertificateAndTheBannerAtOnce() async throws {
        let database = ServerFixture.databasePath()
        defer { ServerFixture.remove(database) }
        let port = RawSocket.freePort()
        let (cert, key) = (TestData.fixture("tls-test.crt"), TestData.fixture("tls-test.key"))
        let (process, out) = try Self.start(["--port", String(port), "--tls-cert", cert, "--tls-key", key], database: database)
        defer { ServeProcessTests.kill(process) }
        let banner = await Self.line(out, of: process)
        #expect(banner.contains("https://127.0.0.1:\(port)/"), "the banner while the service runs: \(banner)")
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(cert))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
        var answered = false
        for _ in 0..<600 where !answered {
            answered = (try? await client.execute(HTTPClientRequest(url: "https://127.0.0.1:\(port)/metrics"), timeout: .seconds(10)))?.status == .ok
            if !answered { try? await Task.sleep(for: .milliseconds(100)) }
        }
        try await client.shutdown()   // nothing above throws: a client not shut down traps in its deinit
        #expect(answered, "HTTPS answered with the certificate given")
        let plain = RawSocket.request(port: port, "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", timeout: .seconds(10))
        #expect(plain.status != "HTTP/1.1 200 OK", "plain HTTP is not served on the TLS port")
    }

    @Test func nonLoopbackWithoutTLSWarnsAndBadFilesExitTwo() async throws {
        let database = ServerFixture.databasePath()
        defer { ServerFixture.remove(database) }
        let (process, out) = try Self.start(["--port", String(RawSocket.freePort()), "--host", "0.0.0.0"], database: database)
        let (banner, warning) = (await Self.line(out, of: process), await Self.line(out, of: process))
        ServeProcessTests.kill(process)
        #expect(banner.contains("http://0.0.0.0:") && warning.contains("warning: listening on 0.0.0.0 without TLS"), "\(banner) \(warning)")
        let other = ServerFixture.databasePath()
        defer { ServerFixture.remove(other) }
        let missingKey = try CommandLineTests.run(["serve", "--db", other, "--tls-cert", TestData.fixture("tls-test.crt")])
        #expect(missingKey.status == 2 && missingKey.stderr.contains("--tls-cert and --tls-key go together"))
        let notACert = try CommandLineTests.run(["serve", "--db", other, "--tls-cert", TestData.fixture("handmade.epw"), "--tls-key", TestData.fixture("tls-test.key")])
        #expect(notACert.status == 2 && notACert.stderr.contains("handmade.epw"), "\(notACert.stderr)")
        #expect(!FileManager.default.fileExists(atPath: other), "nothing written")
    }
}

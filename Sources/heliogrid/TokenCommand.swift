import ArgumentParser
import Foundation
import HelioGrid
import HelioServer

/// `heliogrid token create --scope read|control --db PATH [--label TEXT]`: makes an API token,
/// stores only its SHA-256 and prints the token once.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Manage API tokens of the live EMS.", subcommands: [Create.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a bearer token (printed once; only its hash is stored).")

        @Option(help: "read (status, history, forecasts) or control (also setpoints, mode, telemetry ingest).")
        var scope: String
        @Option(help: "SQLite database of the service.")
        var db = "heliogrid.sqlite"
        @Option(help: "A note on who or what the token is for.")
        var label = ""

        func run() throws {
            try HelioGridCommand.guarded {
                guard let tokenScope = TokenScope(rawValue: scope) else {
                    throw HelioError(.usage, "--scope must be read or control, found '\(scope)'")
                }
                do {
                    let store = try EMSStore(path: db)
                    print(try store.createToken(scope: tokenScope, label: label, nowMS: Int64(Date().timeIntervalSince1970 * 1000)))
                } catch let error as StoreError {
                    throw HelioError(.io, error.message, file: db)
                }
            }
        }
    }
}

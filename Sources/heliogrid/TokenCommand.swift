import ArgumentParser
import Foundation
import HelioGrid
import HelioServer

/// `heliogrid token create --scope read|control --db PATH [--label TEXT]`: makes an API token,
/// stores only its SHA-256 and prints the token once; `token list` shows every token's id, scope,
/// label, creation time and hash prefix; `token revoke ID` deletes one.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Manage API tokens of the live EMS.", subcommands: [Create.self, List.self, Revoke.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a bearer token (printed once; only its hash is stored).")

        @Option(help: "read (status, history, forecasts) or control (also setpoints, mode, telemetry ingest).")
        var scope: TokenScope
        @OptionGroup var database: DatabaseOption
        @Option(help: "A note on who or what the token is for.")
        var label = ""

        func run() throws {
            let tokenScope = scope
            try TokenCommand.withStore(database.db, creating: true) { store in
                print(try store.createToken(scope: tokenScope, label: label, nowMS: Int64(Date().timeIntervalSince1970 * 1000)))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the tokens: id, scope, label, created (UTC), first 12 hex digits of the hash.")

        @OptionGroup var database: DatabaseOption

        func run() throws {
            try TokenCommand.withStore(database.db) { store in
                print("id\tscope\tlabel\tcreated_utc\thash")
                for token in try store.tokens() {
                    let created = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(token.createdMS) / 1000))
                    print("\(token.id ?? 0)\t\(token.scope.rawValue)\t\(token.label)\t\(created)\t\(token.hash.prefix(12))")
                }
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by its id (from token list): requests with it fail at once.")

        @Argument(help: "The token's id.")
        var id: Int64
        @OptionGroup var database: DatabaseOption

        func run() throws {
            try TokenCommand.withStore(database.db) { store in
                guard try store.revokeToken(id: id) else { throw HelioError(.usage, "no token with id \(id)", file: database.db) }
                print("revoked token \(id)")
            }
        }
    }

    /// Runs `body` on the database at `path` (created when `creating`, otherwise it must exist), its
    /// failures named with the file (exit 2 for input errors).
    static func withStore(_ path: String, creating: Bool = false, _ body: (EMSStore) throws -> Void) throws {
        try HelioGridCommand.guarded {
            guard creating || FileManager.default.fileExists(atPath: path) else { throw HelioError(.usage, "no such database", file: path) }
            do {
                try body(try EMSStore(path: path))
            } catch let error as StoreError {
                throw HelioError(.io, error.message, file: path)
            }
        }
    }
}

import ArgumentParser
import Foundation
import HelioGrid

/// `heliogrid`: simulate, compare and model a PV + battery + diesel AI campus.
@main
struct HelioGridCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heliogrid",
        abstract: "Energy brain of a PV + battery + diesel AI compute campus.",
        subcommands: [SimulateCommand.self, PVCommand.self, CompareCommand.self],
        defaultSubcommand: SimulateCommand.self)

    /// Runs a command body, turning HelioGrid input errors into a message on stderr and exit code 2.
    static func guarded(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as HelioError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(error.isInputError ? 2 : 1)
        }
    }
}

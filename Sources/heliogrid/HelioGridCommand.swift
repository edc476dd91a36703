import ArgumentParser
import Foundation
import HelioGrid
import HelioLP
import HelioOptimize

/// `heliogrid`: simulate, compare and model a PV + battery + diesel AI campus.
@main
struct HelioGridCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heliogrid",
        abstract: "Energy brain of a PV + battery + diesel AI compute campus.",
        version: HelioGridVersion.current,
        subcommands: [InitCommand.self, SimulateCommand.self, PVCommand.self, CompareCommand.self, ReportCommand.self, ServeCommand.self, TokenCommand.self, SizeCommand.self, ReliabilityCommand.self, EnsembleCommand.self, TransientsCommand.self, SlurmAgentCommand.self],
        defaultSubcommand: SimulateCommand.self)

    /// Parses and runs; malformed command lines exit with code 2 like every other input error
    /// (ArgumentParser's own default is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }

    /// Runs a command body, turning HelioGrid input errors into a message on stderr and exit code 2.
    static func guarded(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            throw reported(error)
        }
    }

    /// What a command throws for `error`: HelioGrid and solver errors are printed on stderr and become
    /// their exit code (2 for input errors, 1 otherwise); any other error passes through.
    static func reported(_ error: any Error) -> any Error {
        switch error {
        case let error as HelioError:
            return fail(error)
        case let error as OptimizationError:
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            return ExitCode(1)
        default:
            return error
        }
    }

    /// Prints `error` on stderr; the exit code to end with (2 for input errors, 1 otherwise).
    static func fail(_ error: HelioError) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
        return ExitCode(error.isInputError ? 2 : 1)
    }
}

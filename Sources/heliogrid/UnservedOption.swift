import ArgumentParser
import Foundation
import HelioGrid
import HelioReport

/// `--max-unserved`, and the warning every simulated run prints on stderr when demand went unserved:
/// a plant that cannot carry its load is a design that fails, as HOMER calls it infeasible, not a
/// result to read an LCOE from. Above the limit the command exits with ``exitCode`` after writing its files.
struct UnservedOption: ParsableArguments {
    @Option(name: .customLong("max-unserved"),
            help: "Largest unserved energy allowed, as a share of demand (0 to 1; 0: none). Above it the command exits 3 after writing its files.")
    var maxUnserved: Double?

    /// Exit code of a run whose unserved energy is above `--max-unserved`.
    static let exitCode: Int32 = 3

    func validate() throws {
        if let maxUnserved, !(0...1).contains(maxUnserved) {
            throw ValidationError("--max-unserved must be a share of demand from 0 to 1, found \(maxUnserved)")
        }
    }

    /// Prints the warning for `result` when it left demand unserved; the exit to end with when that
    /// is above `--max-unserved` (`nil`: none).
    func check(_ result: SimulationResult) -> ExitCode? {
        let totals = result.totals
        guard totals.unservedKWh > 0 else { return nil }
        let share = totals.unservedKWh / totals.loadKWh
        FileHandle.standardError.write(Data(("warning: \(NumberFormat.grouped(totals.unservedKWh / 1000)) MWh of demand unserved "
            + "(\(NumberFormat.fixed(share * 100, decimals: 3)) % of \(NumberFormat.grouped(totals.loadKWh / 1000)) MWh) over "
            + "\(NumberFormat.fixed(totals.lossOfLoadHours, decimals: 1)) h, at most \(NumberFormat.grouped(totals.maxUnservedKW)) kW short: "
            + "the plant does not carry its load; costs per kWh count only what was served\n").utf8))
        guard let maxUnserved, share > maxUnserved else { return nil }
        FileHandle.standardError.write(Data("error: unserved \(NumberFormat.fixed(share * 100, decimals: 3)) % of demand is above --max-unserved \(NumberFormat.fixed(maxUnserved * 100, decimals: 3)) %\n".utf8))
        return ExitCode(Self.exitCode)
    }
}

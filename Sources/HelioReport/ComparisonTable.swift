import HelioGrid
import Foundation

/// `heliogrid compare`'s table: one row per run it is given (the plant variants or the dispatch
/// strategies a study ran), with the mission check for plant variants.
public struct ComparisonTable: Sendable {
    /// The rows, in the order given.
    public var rows: [LabeledResult]

    /// A table of already simulated rows.
    public init(rows: [LabeledResult]) { self.rows = rows }

    /// Aligned text table with a units header.
    public func render() -> String {
        let header = ["configuration", "fuel (L)", "run h", "unit-h", "starts", "CO2e (t)", "g/kWh", "renewable", "unserved (MWh)",
                      "cycles", "time (s)"]
        var table = [header]
        for row in rows {
            let t = row.result.totals
            table.append([
                row.label, NumberFormat.grouped(t.fuelL), NumberFormat.grouped(t.dieselRunHours),
                NumberFormat.grouped(t.dieselUnitRunHours), "\(t.dieselStarts)",
                NumberFormat.grouped(t.emissionsKgCO2e / 1000),
                NumberFormat.fixed(t.intensityGPerKWh, decimals: 1),
                NumberFormat.fixed(t.renewableFraction * 100, decimals: 1) + " %",
                NumberFormat.fixed(t.unservedKWh / 1000, decimals: 1),
                NumberFormat.fixed(row.result.batteryEquivalentFullCycles, decimals: 1),
                NumberFormat.fixed(row.result.runtimeMS / 1000, decimals: 3),
            ])
        }
        return Self.aligned(table)
    }

    /// The service the GPU work received in each row (``ComputeSummary``), with the NPC and what the
    /// throughput lost to caps cost.
    public func renderCompute() -> String {
        let currency = rows.first?.result.scenario.economics.currency ?? ""
        var table = [["configuration", "NPC (\(currency))", "throughput cost (\(currency))", "deferred (GPU-h)", "mean delay (h)",
                      "max delay (h)", "lost to caps (GPU-h)", "deadline misses", "shifted into PV (MWh)"]]
        for row in rows {
            let c = ComputeSummary(result: row.result)
            table.append([
                row.label, NumberFormat.grouped(LifetimeEconomics(result: row.result).npc), NumberFormat.grouped(c.throughputCost),
                NumberFormat.grouped(c.gpuHoursDeferred), NumberFormat.fixed(c.meanDelayHours, decimals: 2),
                NumberFormat.fixed(c.maxDelayHours, decimals: 1), NumberFormat.grouped(c.throughputLostGPUHours), "\(c.deadlineMisses)",
                NumberFormat.fixed(c.energyShiftedIntoPVKWh / 1000, decimals: 1),
            ])
        }
        return Self.aligned(table)
    }

    /// Columns padded to their widest cell, the first left-aligned, the rest right-aligned.
    private static func aligned(_ table: [[String]]) -> String {
        let widths = table[0].indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        let lines = table.map { cells in
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Each row's carbon intensity against the user's `targetGPerKWh`, one line per row.
    public func targetCheck(_ targetGPerKWh: Double) -> String {
        "target \(NumberFormat.fixed(targetGPerKWh, decimals: 1)) gCO2e/kWh:\n" + rows.map { row in
            let intensity = row.result.totals.intensityGPerKWh
            return "  \(row.label): \(NumberFormat.fixed(intensity, decimals: 1)) (\(intensity <= targetGPerKWh ? "meets it" : "above it"))\n"
        }.joined()
    }

    /// The comparison as JSON: one entry per row, its label and its run's `summary.json` object
    /// (docs/output-contract.md), under `kind` (`plants`, `dispatch` or `compute`).
    public func json(kind: String) throws -> String {
        let rows = try rows.map { row -> [String: Any] in
            let summary = try JSONSerialization.jsonObject(with: Data(try SummaryReport(result: row.result).json().utf8))
            return ["label": row.label, "summary": summary]
        }
        let data = try JSONSerialization.data(withJSONObject: ["kind": kind, "rows": rows] as [String: Any], options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

import Foundation
import HelioGrid
import HelioStudy

/// Writes a sizing study's files and terminal summary (`size`, `size merge`) and a shard's partial
/// result, and reads shards' partial results back, checked to be one study's shards each once.
/// Runs no simulation and solves nothing.
public enum SizingRun {
    /// Writes `result` (and `reference`, the scenario's own design) into `out` when given, and prints
    /// the summary — or, with `json`, `size.json`'s content (the note of what was written then goes to stderr).
    public static func write(_ study: SizingStudy, result: SizingResult, reference: SizingOutcome, seconds: Double, shards: Int, out: String?,
                             json: Bool = false) throws {
        let outcomes = result.outcomes
        if let out {
            let folder = try OutputFolder(out)
            try folder.write(Array(SizingFiles.designsCSV(outcomes, caseCount: study.cases.count).utf8), name: "designs.csv")
            try folder.write(Array(SizingFiles.designsCSV(result.pareto.map { outcomes[$0] }, caseCount: study.cases.count).utf8), name: "pareto.csv")
            try folder.write(Array(try SizingFiles.summaryJSON(study: study, result: result, reference: reference, seconds: seconds, shards: shards).utf8),
                             name: "size.json")
            try folder.write(Array(SizingHTML(study: study, result: result, reference: reference).render().utf8), name: "size.html")
            if let best = result.best {
                let d = outcomes[best].design
                let (text, inputs) = try ScenarioDesignText.text(of: study.scenario, pvKW: d.pvKW, batteryKWh: d.batteryKWh, batteryKW: d.batteryKW,
                                                                 dieselUnits: d.dieselUnits, dieselUnitKW: d.dieselUnitKW, augmentation: d.augmentation)
                try folder.write(Array(text.utf8), name: "best.toml")
                try copy(inputs, into: folder)
            }
            try folder.commit()
        }
        try CommandOutput.show(asJSON: json, json: { try SizingFiles.summaryJSON(study: study, result: result, reference: reference, seconds: seconds, shards: shards) },
                               text: { SizingHTML.terminal(study: study, result: result, reference: reference, seconds: seconds) },
                               written: out.map { "wrote \($0)/designs.csv, pareto.csv, size.json, size.html\(result.best == nil ? "" : " and best.toml")" })
    }

    /// Copies `best.toml`'s input files into its `inputs` folder, so the output folder runs anywhere.
    static func copy(_ inputs: [(path: String, name: String)], into folder: OutputFolder) throws {
        guard !inputs.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder.path(ScenarioDesignText.inputsFolder), withIntermediateDirectories: true)
        } catch {
            throw HelioError(.output, "cannot create the inputs folder: \(error.localizedDescription)", file: folder.directory)
        }
        for input in inputs {
            guard let data = FileManager.default.contents(atPath: input.path) else {
                throw HelioError(.io, "cannot read the input file to copy beside best.toml", file: input.path)
            }
            try folder.write([UInt8](data), name: ScenarioDesignText.inputsFolder + "/" + input.name)
        }
    }

    /// Writes shard `index` of `count` of `study` into `out`: its designs' `outcomes` (designs.csv), the
    /// scenario with absolute paths (scenario.toml) and its record (``SizingShard``, shard.json).
    public static func writeShard(_ study: SizingStudy, index: Int, count: Int, slice: Range<Int>, outcomes: [SizingOutcome], seconds: Double,
                                  out: String) throws {
        let folder = try OutputFolder(out)
        try folder.write(Array(SizingFiles.designsCSV(outcomes, caseCount: study.cases.count).utf8), name: "designs.csv")
        try folder.write(Array(try ScenarioDesignText.absolute(study.scenario).utf8), name: "scenario.toml")
        let record = SizingShard(shard: index, shards: count, designsTotal: study.designs.count, first: slice.lowerBound, count: slice.count,
                                 seconds: seconds)
        try folder.write(Array(try record.json().utf8), name: "shard.json")
        try folder.commit()
    }

    /// The shards in `folders` read back, in shard order: their scenario file (`scenario.toml` of
    /// the first), their outcomes concatenated, the seconds they took in all and their count.
    public static func readShards(_ folders: [String]) throws -> (scenarioPath: String, outcomes: [SizingOutcome], seconds: Double, shards: Int) {
        var shards: [(index: Int, count: Int, total: Int, seconds: Double, outcomes: [SizingOutcome], scenario: String, folder: String)] = []
        for folder in folders {
            let record = try SizingShard.read(folder: folder)
            let (index, count, total, seconds) = (record.shard, record.shards, record.designsTotal, record.seconds)
            let designsPath = folder + "/designs.csv"
            let outcomes = try SizingFiles.readDesigns(try TextFile.read(path: designsPath, kind: .usage, what: "designs file"), file: designsPath)
            let scenario = try TextFile.read(path: folder + "/scenario.toml", kind: .scenario, what: "scenario file")
            shards.append((index, count, total, seconds, outcomes, scenario, folder))
        }
        shards.sort { $0.index < $1.index }
        let count = shards[0].count
        guard shards.map(\.index) == Array(0..<count), shards.allSatisfy({ $0.count == count && $0.total == shards[0].total }) else {
            throw HelioError(.usage, "the folders hold shards \(shards.map { "\($0.index)/\($0.count)" }.joined(separator: ", ")); merge needs each of one study's shards exactly once")
        }
        guard shards.allSatisfy({ $0.scenario == shards[0].scenario }) else {
            throw HelioError(.usage, "the shards come from different scenarios (their scenario.toml differ)")
        }
        return (shards[0].folder + "/scenario.toml", shards.flatMap(\.outcomes), shards.reduce(0) { $0 + $1.seconds }, count)
    }
}

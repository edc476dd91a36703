import Foundation
import HelioGrid
import HelioStudy

/// Writes what `heliogrid ensemble` produces, whole (``write(_:members:seconds:out:json:)``) or as a
/// shard, and reads shards back for `ensemble merge`.
public enum EnsembleRun {
    /// Summarises `members`, writes the files into `out` (all or nothing) and prints the summary or, with
    /// `json`, `ensemble.json`.
    public static func write(_ study: EnsembleStudy, members: [EnsembleMember], seconds: Double, out: String?, json: Bool) throws {
        let result = EnsembleResult(members: members, currency: study.scenario.economics.currency)
        if let out {
            let folder = try OutputFolder(out)
            try folder.write(Array(EnsembleFiles.membersCSV(members).utf8), name: "ensemble.csv")
            try folder.write(Array(try EnsembleFiles.summaryJSON(study, result, seconds: seconds).utf8), name: "ensemble.json")
            try folder.write(Array(EnsembleHTML(study: study, result: result).render().utf8), name: "ensemble.html")
            try folder.commit()
        }
        try CommandOutput.show(asJSON: json, json: { try EnsembleFiles.summaryJSON(study, result, seconds: seconds) },
                               text: { EnsembleFiles.terminal(study, result, seconds: seconds) },
                               written: out.map { "wrote \(EnsembleFiles.fileNames.joined(separator: ", ")) into \($0)" })
    }

    /// Writes shard `index` of `count`: its members and the scenario with absolute paths.
    public static func writeShard(_ study: EnsembleStudy, index: Int, count: Int, members: [EnsembleMember], seconds: Double,
                                  years: Int?, seed: Int?, out: String) throws {
        let folder = try OutputFolder(out)
        let record = EnsembleShard(shard: index, shards: count, membersTotal: study.ensemble.count, seconds: seconds, members: members,
                                   years: years, seed: seed)
        try folder.write(Array(try record.json().utf8), name: EnsembleFiles.shardFileNames[0])
        try folder.write(Array(try ScenarioDesignText.absolute(study.scenario).utf8), name: "scenario.toml")
        try folder.commit()
    }

    /// The shards in `folders`, each of one ensemble exactly once: the scenario file (the first's),
    /// every member in order, the seconds they took in all, and the `--years` and `--seed` they ran with.
    public static func readShards(_ folders: [String]) throws
        -> (scenarioPath: String, members: [EnsembleMember], seconds: Double, years: Int?, seed: Int?) {
        var shards: [(record: EnsembleShard, scenario: String, folder: String)] = []
        for folder in folders {
            let record = try EnsembleShard.read(folder: folder)
            shards.append((record, try TextFile.read(path: folder + "/scenario.toml", kind: .scenario, what: "scenario file"), folder))
        }
        shards.sort { $0.record.shard < $1.record.shard }
        let count = shards[0].record.shards, total = shards[0].record.membersTotal
        guard shards.map(\.record.shard) == Array(0..<count), shards.allSatisfy({ $0.record.shards == count && $0.record.membersTotal == total }) else {
            throw HelioError(.usage, "the folders hold shards \(shards.map { "\($0.record.shard)/\($0.record.shards)" }.joined(separator: ", ")); "
                             + "merge needs each of one ensemble's shards exactly once")
        }
        guard shards.allSatisfy({ $0.scenario == shards[0].scenario && $0.record.years == shards[0].record.years
                                   && $0.record.seed == shards[0].record.seed }) else {
            throw HelioError(.usage, "the shards come from different scenarios (their scenario.toml, --years or --seed differ)")
        }
        let members = shards.flatMap(\.record.members)
        guard members.map(\.index) == Array(0..<total) else {
            throw HelioError(.usage, "the shards' members are not the ensemble's \(total) years in order")
        }
        return (shards[0].folder + "/scenario.toml", members, shards.reduce(0) { $0 + $1.record.seconds },
                shards[0].record.years, shards[0].record.seed)
    }
}

import Foundation
import HelioGrid
import HelioStudy

/// `ensemble-shard.json`, a `heliogrid ensemble --shard I/N` run's partial result (its members)
/// beside its `scenario.toml`: written and read back (`ensemble merge`) by this one type.
public struct EnsembleShard: JSONFileRecord, Sendable, Equatable {
    /// The shard's index, 0-based, and the number of shards.
    public var shard: Int, shards: Int
    /// Members in the whole ensemble.
    public var membersTotal: Int
    /// Seconds its members took.
    public var seconds: Double
    /// The shard's members, in ensemble order.
    public var members: [EnsembleMember]
    /// The command line's `--years` and `--seed`, so the merge makes the same ensemble.
    public var years: Int?, seed: Int?

    enum CodingKeys: String, CodingKey {
        case shard, shards, seconds, members, years, seed
        case membersTotal = "members_total"
    }

    /// A shard's record; see the properties.
    public init(shard: Int, shards: Int, membersTotal: Int, seconds: Double, members: [EnsembleMember], years: Int?, seed: Int?) {
        (self.shard, self.shards, self.membersTotal, self.seconds, self.members) = (shard, shards, membersTotal, seconds, members)
        (self.years, self.seed) = (years, seed)
    }

    /// The record in `folder`; an input error naming the file when it is not one.
    public static func read(folder: String) throws -> EnsembleShard {
        let name = EnsembleFiles.shardFileNames[0]
        return try read(path: folder + "/" + name, what: "ensemble shard file", expected: "an ensemble shard's \(name)")
    }
}

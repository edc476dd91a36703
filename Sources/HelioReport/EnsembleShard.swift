import Foundation
import HelioGrid
import HelioStudy

/// `ensemble-shard.json`, a `heliogrid ensemble --shard I/N` run's partial result (its members)
/// beside its `scenario.toml`: written and read back (`ensemble merge`) by this one type.
public struct EnsembleShard: Codable, Sendable, Equatable {
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

    /// The file's text: keys sorted, indented.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The record in `folder`; an input error naming the file when it is not one.
    public static func read(folder: String) throws -> EnsembleShard {
        let path = folder + "/" + EnsembleFiles.shardFileNames[0]
        let text = try TextFile.read(path: path, kind: .usage, what: "ensemble shard file")
        do {
            return try JSONDecoder().decode(EnsembleShard.self, from: Data(text.utf8))
        } catch {
            throw HelioError(.usage, "not an ensemble shard's \(EnsembleFiles.shardFileNames[0]) (\(error))", file: path)
        }
    }
}

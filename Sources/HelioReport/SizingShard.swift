import Foundation
import HelioGrid

/// `shard.json`, what a `size --shard I/N` run says of its partial result beside its `designs.csv`
/// and `scenario.toml`: written and read back (`size merge`) by this one type.
public struct SizingShard: JSONFileRecord, Sendable, Equatable {
    /// The shard's index, 0-based, and the number of shards.
    public var shard: Int, shards: Int
    /// Designs in the whole study.
    public var designsTotal: Int
    /// The shard's first design and its count.
    public var first: Int, count: Int
    /// Seconds its designs took.
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case shard, shards, first, count, seconds
        case designsTotal = "designs_total"
    }

    /// A shard's record; see the properties.
    public init(shard: Int, shards: Int, designsTotal: Int, first: Int, count: Int, seconds: Double) {
        (self.shard, self.shards, self.designsTotal, self.first, self.count, self.seconds) = (shard, shards, designsTotal, first, count, seconds)
    }

    /// The record in `folder`'s `shard.json`; an input error naming the file when it is not one.
    public static func read(folder: String) throws -> SizingShard {
        try read(path: folder + "/shard.json", what: "shard file", expected: "a size shard's shard.json")
    }
}

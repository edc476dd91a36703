import Foundation
import HelioGrid

/// A small `Codable` record kept as a file of JSON (a shard's partial-result record): written with
/// its keys sorted and indented, read back with an input error naming the file.
public protocol JSONFileRecord: Codable {}

extension JSONFileRecord {
    /// The file's text: keys sorted, indented.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The record at `path` (`what` names the file in a read error; `expected` is what it should have
    /// been, as in "not `expected`").
    static func read(path: String, what: String, expected: String) throws -> Self {
        let text = try TextFile.read(path: path, kind: .usage, what: what)
        do {
            return try JSONDecoder().decode(Self.self, from: Data(text.utf8))
        } catch {
            throw HelioError(.usage, "not \(expected) (\(error))", file: path)
        }
    }
}

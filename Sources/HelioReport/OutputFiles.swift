import Foundation
import HelioGrid

/// Writes a single output file whole or not at all: it goes to a temporary file in the same folder
/// and is renamed into place. Output folders are ``OutputFolder``s.
public enum OutputFiles {
    /// Writes `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw HelioError(.io, "cannot write output: \(error.localizedDescription)", file: path)
        }
    }
}

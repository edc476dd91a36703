import Foundation
import HelioGrid

/// Writes output files whole or not at all: each goes to a temporary file in the same folder and
/// is renamed into place, so an interrupted or failed run leaves nothing half-written.
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

    /// Creates `directory` (and parents) if missing.
    public static func makeDirectory(_ directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw HelioError(.io, "cannot create output folder: \(error.localizedDescription)", file: directory)
        }
    }
}

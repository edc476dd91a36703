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

    /// Writes a set of files into `directory` all or nothing: they are written into a new sibling
    /// folder first; a missing `directory` is then that folder renamed, an existing one receives
    /// each file by an atomic rename. A failure before the renames leaves `directory` untouched.
    public static func writeAll(_ files: [(name: String, bytes: [UInt8])], into directory: String) throws {
        let manager = FileManager.default
        let staging = directory.hasSuffix("/") ? String(directory.dropLast()) + ".partial-\(UUID().uuidString)"
            : directory + ".partial-\(UUID().uuidString)"
        try makeDirectory(staging)
        defer { try? manager.removeItem(atPath: staging) }
        for file in files { try write(file.bytes, to: staging + "/" + file.name) }
        var isDirectory: ObjCBool = false
        do {
            if !manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
                try manager.moveItem(atPath: staging, toPath: directory)
                return
            }
            guard isDirectory.boolValue else { throw HelioError(.io, "exists and is not a folder", file: directory) }
            for file in files where rename(staging + "/" + file.name, directory + "/" + file.name) != 0 {
                throw HelioError(.io, "cannot move \(file.name) into place: \(String(cString: strerror(errno)))", file: directory)
            }
        } catch let error as HelioError {
            throw error
        } catch {
            throw HelioError(.io, "cannot move output into place: \(error.localizedDescription)", file: directory)
        }
    }
}

private import CSystemShims
import Foundation
import HelioGrid

/// An output folder written all or nothing: every file goes into a staging folder beside it, and
/// ``commit()`` swaps the staging folder in with one atomic exchange (`renameat2` with
/// `RENAME_EXCHANGE`; where the file system cannot exchange, two renames leave either the old or
/// the new folder in place, never a mix). A run that fails or is interrupted before the commit
/// leaves the old folder as it was; the staging folder is removed.
///
/// An existing folder is replaced only if everything in it is a HelioGrid output (``knownNames``):
/// pointing `--out` at a folder with other files is refused, so nothing of the user's is lost.
public final class OutputFolder {
    /// Every file name a HelioGrid command writes into an output folder (and `report.png` of
    /// `scripts/render-report.sh`).
    public static let knownNames: Set<String> = Set(["summary.json", "steps.csv", "hourly.csv", "report.png"] + CarbonReport.fileNames
                                                    + CarbonReport.reliabilityFileNames + SizingFiles.fileNames + ReliabilityFiles.fileNames
                                                    + TransientsFiles.fileNames + EnsembleFiles.fileNames + EnsembleFiles.shardFileNames
                                                    + StagedSizingFiles.fileNames)
    /// The folder the outputs end up in.
    public let directory: String
    /// Where they are written until the commit.
    public let staging: String
    private var committed = false

    /// Prepares `directory` (checked as described above) and a new staging folder beside it.
    public init(_ directory: String) throws {
        // Absolute, so the staging folder is a sibling even for `.` or `out/`.
        let trimmed = URL(fileURLWithPath: directory).standardizedFileURL.path
        self.directory = trimmed
        staging = trimmed + ".partial-\(UUID().uuidString)"
        try Self.checkReplaceable(trimmed)
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
        } catch {
            throw HelioError(.output, "cannot create the output folder: \(error.localizedDescription)", file: trimmed)
        }
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(atPath: staging) }
    }

    /// The staging path of file `name`.
    public func path(_ name: String) -> String { staging + "/" + name }

    /// Writes file `name` in the staging folder.
    public func write(_ bytes: [UInt8], name: String) throws {
        try OutputFiles.write(bytes, to: path(name))
    }

    /// Puts the staged files in place of `directory` in one step; the old folder is then removed.
    public func commit() throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: directory) {
            guard rename(staging, directory) == 0 else { throw Self.failure("cannot move the output folder into place", directory) }
        } else if heliogrid_exchange_paths(staging, directory) != 0 {
            guard errno == EINVAL || errno == ENOSYS else { throw Self.failure("cannot swap the output folder into place", directory) }
            let aside = directory + ".old-\(UUID().uuidString)"
            guard rename(directory, aside) == 0 else { throw Self.failure("cannot move the old output folder aside", directory) }
            guard rename(staging, directory) == 0 else {
                let failure = Self.failure("cannot move the output folder into place", directory)
                _ = rename(aside, directory)
                throw failure
            }
            try? manager.removeItem(atPath: aside)
            committed = true
            return
        }
        committed = true
        // After an exchange the staging path holds the old folder.
        try? manager.removeItem(atPath: staging)
    }

    /// Throws unless `directory` is missing or a folder holding only HelioGrid outputs.
    private static func checkReplaceable(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw HelioError(.output, "exists and is not a folder", file: directory) }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw HelioError(.output, "cannot read the output folder: \(error.localizedDescription)", file: directory)
        }
        let foreign = entries.filter { !knownNames.contains($0) }.sorted()
        guard foreign.isEmpty else {
            throw HelioError(.output, "holds files HelioGrid did not write (\(foreign.prefix(3).joined(separator: ", "))"
                             + "\(foreign.count > 3 ? ", …" : "")); the folder is replaced whole, so choose a new or empty one",
                             file: directory)
        }
    }

    private static func failure(_ message: String, _ directory: String) -> HelioError {
        HelioError(.io, "\(message): \(String(cString: strerror(errno)))", file: directory)
    }
}

import Foundation

/// Reads an input text file whole: UTF-8 (ISO 8859-1 too where `latin1` allows, as older weather
/// files use it), and free of NUL bytes, which would silently cut the text short in parsers that
/// stop at one; the error names the line holding it.
public enum TextFile {
    /// The text of `path`; errors are of `kind` and name what was being read (`what`).
    public static func read(path: String, kind: HelioError.Kind, what: String, latin1: Bool = false) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HelioError(kind, "cannot read \(what) (missing or unreadable)", file: path)
        }
        if let nul = firstNUL(data) {
            let line = data.prefix(nul).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            throw HelioError(kind, "\(what) holds a NUL byte (a binary or corrupted file)", file: path, line: line)
        }
        guard let text = String(data: data, encoding: .utf8) ?? (latin1 ? String(data: data, encoding: .isoLatin1) : nil) else {
            throw HelioError(kind, "\(what) is not UTF-8 text", file: path)
        }
        return text
    }

    /// Offset of the first NUL byte, if any (`memchr`: a weather file is megabytes).
    private static func firstNUL(_ data: Data) -> Int? {
        data.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress, let found = memchr(base, 0, bytes.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }
}

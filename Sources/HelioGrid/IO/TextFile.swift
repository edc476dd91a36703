import Foundation

/// Reads an input text file whole: UTF-8 (ISO 8859-1 too where `latin1` allows, as older weather
/// files use it), and free of NUL bytes, which would silently cut the text short in parsers that
/// stop at one; the error names the line holding it.
enum TextFile {
    /// The text of `path`; errors are of `kind` and name what was being read (`what`).
    static func read(path: String, kind: HelioError.Kind, what: String, latin1: Bool = false) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HelioError(kind, "cannot read \(what) (missing or unreadable)", file: path)
        }
        if let nul = data.firstIndex(of: 0) {
            let line = data[data.startIndex..<nul].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            throw HelioError(kind, "\(what) holds a NUL byte (a binary or corrupted file)", file: path, line: line)
        }
        guard let text = String(data: data, encoding: .utf8) ?? (latin1 ? String(data: data, encoding: .isoLatin1) : nil) else {
            throw HelioError(kind, "\(what) is not UTF-8 text", file: path)
        }
        return text
    }
}

/// Minimal, allocation-light CSV helpers for the line-oriented formats HelioGrid reads (TMY3, EPW,
/// NSRDB, PVGIS and HelioGrid's own CSVs); field splitting is ``CSVLine``'s.
enum CSVText {
    /// The lines of `text`, without line terminators (`\n` or `\r\n`), 1-based numbering implied.
    static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\n") {
                lines.append(line(text, from: start, to: index))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        lines.append(line(text, from: start, to: utf8.endIndex))
        return lines
    }

    /// `text[start..<end]` without a trailing carriage return.
    private static func line(_ text: String, from start: String.Index, to end: String.Index) -> Substring {
        if end > start, text.utf8[text.utf8.index(before: end)] == UInt8(ascii: "\r") {
            return text[start..<text.utf8.index(before: end)]
        }
        return text[start..<end]
    }

    /// The comma-separated fields of one line, surrounding spaces and quotes removed (see ``CSVLine``).
    static func fields(_ line: Substring) -> [Substring] {
        CSVLine(line).fields
    }

    /// Parses a decimal number (never a hexadecimal one such as `0x10`, which Swift's `Double`
    /// would read as 16), or throws an error naming the file, line and column.
    static func number(_ field: Substring, column: String, line: Int, file: String, kind: HelioError.Kind) throws -> Double {
        guard !field.utf8.contains(where: { $0 | 0x20 == UInt8(ascii: "x") }), let value = Double(field), value.isFinite else {
            throw HelioError(kind, "\(column): '\(field)' is not a number", file: file, line: line)
        }
        return value
    }

    /// Parses an integer, or throws an error naming the file, line and column.
    static func integer(_ field: Substring, column: String, line: Int, file: String, kind: HelioError.Kind) throws -> Int {
        guard let value = Int(field) else {
            throw HelioError(kind, "\(column): '\(field)' is not an integer", file: file, line: line)
        }
        return value
    }

    /// Index of the first header field equal to one of `names`, or an error naming the header line.
    static func column(_ names: [String], in header: [Substring], line: Int, file: String, kind: HelioError.Kind) throws -> Int {
        for name in names {
            if let index = header.firstIndex(where: { $0 == name }) { return index }
        }
        throw HelioError(kind, "missing column '\(names[0])' in the header", file: file, line: line)
    }
}

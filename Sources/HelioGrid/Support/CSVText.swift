/// Minimal, allocation-light CSV helpers for the line-oriented formats HelioGrid reads.
///
/// Fields are split on commas with double-quote grouping (RFC 4180 quoting, no embedded newlines),
/// which covers TMY3, EPW, NSRDB, PVGIS and HelioGrid's own CSVs.
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

    /// The comma-separated fields of one line, surrounding spaces and quotes removed.
    static func fields(_ line: Substring, separator: Character = ",") -> [Substring] {
        guard line.utf8.contains(UInt8(ascii: "\"")) else {
            let separatorByte = separator.asciiValue!
            var fields: [Substring] = []
            let utf8 = line.utf8
            var start = utf8.startIndex
            var index = start
            while index < utf8.endIndex {
                if utf8[index] == separatorByte {
                    fields.append(trimmed(line[start..<index]))
                    start = utf8.index(after: index)
                }
                index = utf8.index(after: index)
            }
            fields.append(trimmed(line[start..<utf8.endIndex]))
            return fields
        }
        var fields: [Substring] = []
        var inQuotes = false
        var start = line.startIndex
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character == "\"" {
                inQuotes.toggle()
            } else if character == separator && !inQuotes {
                fields.append(trimmed(line[start..<index]))
                start = line.index(after: index)
            }
            index = line.index(after: index)
        }
        fields.append(trimmed(line[start..<line.endIndex]))
        return fields
    }

    /// `field` without surrounding spaces, tabs and double quotes.
    static func trimmed(_ field: Substring) -> Substring {
        func isPadding(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x22 }
        let utf8 = field.utf8
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, isPadding(utf8[start]) { start = utf8.index(after: start) }
        while end > start, isPadding(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return start == utf8.startIndex && end == utf8.endIndex ? field : field[start..<end]
    }

    /// Parses a number, or throws an error naming the file, line and column.
    static func number(_ field: Substring, column: String, line: Int, file: String, kind: HelioError.Kind) throws -> Double {
        guard let value = Double(field), value.isFinite else {
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

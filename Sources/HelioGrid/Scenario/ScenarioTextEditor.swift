import Foundation

/// Edits a scenario file's text line by line, so what is not changed stays as written: comments,
/// key order, blank lines and numbers as the user wrote them (a TOML library's round trip would
/// drop comments, sort keys and print 0.2 as 0.20000000000000001).
///
/// It knows just enough TOML for the keys it sets: `[table]` and `[[array]]` headers (a trailing
/// comment allowed) and single-line `key = value  # comment` entries; the caller re-parses the result.
struct ScenarioTextEditor {
    private(set) var lines: [String]

    /// The text to edit.
    init(text: String) {
        lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
    }

    /// The edited text, ending in a newline.
    var text: String { lines.joined(separator: "\n") + "\n" }

    /// Sets `key` of `table` ("" for the top level) to `value` (already TOML: `80000.0`, `"rule"`):
    /// replaces the value where the key is written, keeping its comment; adds the key after the
    /// table's header otherwise, and the table at the end if it is absent.
    mutating func set(_ table: String, _ key: String, to value: String) {
        guard let range = range(of: table) else {
            if lines.last?.isEmpty == false { lines.append("") }
            lines += ["[\(table)]", "\(key) = \(value)"]
            return
        }
        if let index = range.first(where: { Self.key(of: lines[$0]) == key }) {
            removeContinuation(ofArrayAt: index)
            lines[index] = Self.replacingValue(of: lines[index], with: value)
        } else {
            lines.insert("\(key) = \(value)", at: table.isEmpty ? range.lowerBound : range.lowerBound + 1)
        }
    }

    /// Joins onto line `index` the lines of an array value written over several lines (`key = [` …
    /// `]`), so the value can be replaced on one line (comments inside the array are dropped).
    private mutating func removeContinuation(ofArrayAt index: Int) {
        func depth(_ line: String) -> Int {
            let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return code.filter { $0 == "[" }.count - code.filter { $0 == "]" }.count
        }
        var open = depth(lines[index])
        while open > 0, index + 1 < lines.count {
            open += depth(lines[index + 1])
            lines[index] += " " + lines.remove(at: index + 1).trimmingCharacters(in: .whitespaces)
        }
    }

    /// Appends `text` (whole lines of TOML) at the end.
    mutating func append(_ text: String) {
        lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Removes `table`, its sub-tables (`table.x`) and the lines they hold.
    mutating func remove(_ table: String) {
        var kept: [String] = [], inside = false
        for line in lines {
            if let header = Self.header(of: line) { inside = header == table || header.hasPrefix(table + ".") }
            if !inside { kept.append(line) }
        }
        lines = kept
    }

    /// Lines of `table`: from its header (or the file's start for "") to the next header.
    private func range(of table: String) -> Range<Int>? {
        let start: Int
        if table.isEmpty {
            start = 0
        } else {
            guard let header = lines.firstIndex(where: { Self.header(of: $0) == table }) else { return nil }
            start = header
        }
        let end = lines[(table.isEmpty ? start : start + 1)...].firstIndex { Self.header(of: $0) != nil } ?? lines.count
        return start..<end
    }

    /// The table a header line opens (`pv` for `[pv]`, `load.phases` for `[[load.phases]]`), or `nil`.
    static func header(of line: String) -> String? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.first == "[", let close = trimmed.firstIndex(of: "]") else { return nil }
        return trimmed[trimmed.index(after: trimmed.startIndex)..<close]
            .trimmingCharacters(in: .init(charactersIn: "[] \t"))
    }

    /// The bare key a `key = value` line sets, or `nil`.
    static func key(of line: String) -> String? {
        guard header(of: line) == nil, let equals = line.firstIndex(of: "=") else { return nil }
        let key = line[..<equals].trimmingCharacters(in: .whitespaces)
        return key.isEmpty || key.hasPrefix("#") ? nil : key
    }

    /// `line` with its value replaced by `value`, its indentation and trailing comment kept.
    static func replacingValue(of line: String, with value: String) -> String {
        let equals = line.firstIndex(of: "=")!
        let rest = line[line.index(after: equals)...]
        let valueStart = rest.firstIndex { $0 != " " && $0 != "\t" } ?? rest.endIndex
        let valueEnd = endOfValue(rest[valueStart...])
        return String(line[...equals]) + " " + value + String(rest[valueEnd...])
    }

    /// Where a one-line value ends: after its closing quote, or before a comment's spaces.
    private static func endOfValue(_ text: Substring) -> Substring.Index {
        if let quote = text.first, quote == "\"" || quote == "'" {
            var index = text.index(after: text.startIndex), escaped = false
            while index < text.endIndex {
                let character = text[index]
                if character == quote && !escaped { return text.index(after: index) }
                escaped = quote == "\"" && character == "\\" && !escaped
                index = text.index(after: index)
            }
            return text.endIndex
        }
        let comment = text.firstIndex(of: "#") ?? text.endIndex
        var end = comment
        while end > text.startIndex, text[text.index(before: end)] == " " || text[text.index(before: end)] == "\t" {
            end = text.index(before: end)
        }
        return end
    }

    /// `text` as a TOML basic string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// Finds the line of a dotted key (`battery.soc_min`), table (`load.cooling`) or array-of-tables
/// entry's key (`load.phases[1].year`, the second `[[load.phases]]`) in scenario text,
/// so errors can say `file:line:` as well as the key. TOMLKit reports positions only for syntax
/// errors, so this reads the plain `[table]` headers and `key = value` lines itself.
enum ScenarioKeyLocator {
    /// The 1-based line defining `keyPath`; for a key that is not written out (missing, or a default
    /// that conflicts with another key), the line of its table's header; `nil` if neither is written.
    static func line(of keyPath: String, in text: String) -> Int? {
        let parts = keyPath.split(separator: ".").map(String.init)
        let table = parts.dropLast().joined(separator: ".")
        let key = parts.last ?? ""
        var currentTable = ""
        var tableHeaderLine: Int?
        var entries: [String: Int] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.prefix { $0 != "#" }.trimmingSpaces
            if line.hasPrefix("[[") && line.hasSuffix("]]") {
                // The k-th `[[name]]` entry is the table `name[k]` in key paths.
                let name = String(line.dropFirst(2).dropLast(2)).trimmingSpaces
                currentTable = "\(name)[\(entries[name, default: 0])]"
                entries[name, default: 0] += 1
                if currentTable == keyPath { return index + 1 }
                if currentTable == table && tableHeaderLine == nil { tableHeaderLine = index + 1 }
                continue
            }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                currentTable = String(line.dropFirst().dropLast()).trimmingSpaces
                if currentTable == keyPath { return index + 1 }
                if currentTable == table && tableHeaderLine == nil { tableHeaderLine = index + 1 }
                continue
            }
            guard currentTable == table, let equals = line.firstIndex(of: "=") else { continue }
            if line[..<equals].trimmingSpaces == key { return index + 1 }
        }
        return tableHeaderLine
    }
}

private extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}

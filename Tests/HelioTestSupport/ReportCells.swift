import Foundation

/// Checks the table cells of an HTML page written by HelioGrid's report writers: every `<td>` names
/// the JSON value it shows (`data-json="file:path"`) and shows it as formatted (`data-dp` decimals
/// after `data-scale`, `data-format="integer"`, or `data-null="true"` for a JSON null).
public enum ReportCells {
    /// The number of cells and a line per cell that names no value or does not show it; `format`
    /// is the writer's number formatting (value, decimals).
    public static func check(html: String, documents: [String: Any], format: (Double, Int) -> String) -> (cells: Int, problems: [String]) {
        let cell = try! NSRegularExpression(pattern: "<td([^>]*)>([^<]*)</td>")
        let attribute = try! NSRegularExpression(pattern: "data-([a-z]+)=\"([^\"]*)\"")
        let matches = cell.matches(in: html, range: NSRange(html.startIndex..., in: html))
        var problems: [String] = []
        for match in matches {
            let attributes = String(html[Range(match.range(at: 1), in: html)!]), text = String(html[Range(match.range(at: 2), in: html)!])
            var fields: [String: String] = [:]
            for pair in attribute.matches(in: attributes, range: NSRange(attributes.startIndex..., in: attributes)) {
                fields[String(attributes[Range(pair.range(at: 1), in: attributes)!])] = String(attributes[Range(pair.range(at: 2), in: attributes)!])
            }
            if let problem = problem(text: text, fields: fields, documents: documents, format: format) { problems.append(problem) }
        }
        return (matches.count, problems)
    }

    /// Follows `a.b.0.c` through decoded JSON.
    public static func value(_ path: Substring, in document: Any) -> Any? {
        path.split(separator: ".").reduce(Optional(document)) { node, key in
            if let array = node as? [Any], let index = Int(key) { return index < array.count ? array[index] : nil }
            return (node as? [String: Any])?[String(key)]
        }
    }

    private static func problem(text: String, fields: [String: String], documents: [String: Any], format: (Double, Int) -> String) -> String? {
        guard let source = fields["json"] else { return "cell '\(text)' names no JSON value" }
        let parts = source.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let document = documents[String(parts[0])] else { return "\(source): no such document" }
        let value = Self.value(parts[1], in: document)
        if fields["null"] == "true" { return value is NSNull ? nil : "\(source): HTML n/a, JSON \(String(describing: value))" }
        guard let number = (value as? NSNumber)?.doubleValue else { return "\(source) is not a number in the JSON" }
        if fields["format"] == "integer" {
            return String(Int(exactly: number) ?? -1) == text ? nil : "\(source): HTML \(text), JSON \(number)"
        }
        guard let decimals = fields["dp"].flatMap({ Int($0) }), let scale = fields["scale"].flatMap({ Double($0) }) else {
            return "\(source): no data-dp or data-scale"
        }
        return format(number * scale, decimals) == text ? nil : "\(source): HTML \(text), JSON \(number)"
    }
}

import Foundation
import Testing

/// The targets with folders — `Sources/HelioGrid` and `Sources/HelioServer` — are layered by folder
/// (docs/architecture.md, "Folders of …"): a folder may use the top-level types of the folders
/// listed above it only. Read from the source tree and the document, so a new file that closes a
/// loop of any length, or a folder the document does not list, fails here.
@Suite struct FolderLayeringTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Source text of every Swift file of `target`, by folder (files at the target's root are its
    /// front door and left out), with line comments removed.
    static func sources(of target: String) throws -> [String: [String]] {
        let root = repository.appendingPathComponent("Sources/\(target)")
        let manager = FileManager.default
        var byFolder: [String: [String]] = [:]
        for folder in try manager.contentsOfDirectory(atPath: root.path) {
            let path = root.appendingPathComponent(folder).path
            for file in (try? manager.contentsOfDirectory(atPath: path)) ?? [] where file.hasSuffix(".swift") {
                let text = try String(contentsOfFile: path + "/" + file, encoding: .utf8)
                let code = text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { line in line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line) }
                byFolder[folder, default: []].append(code.joined(separator: "\n"))
            }
        }
        return byFolder
    }

    /// Top-level type names declared in `text`.
    static func declaredTypes(_ text: String) -> [String] {
        let pattern = #"(?m)^(?:public |internal |private |fileprivate )?(?:final )?(?:struct|enum|class|protocol|actor|typealias) ([A-Z]\w*)"#
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// Which folders each folder uses: those declaring a type named in its code.
    static func uses(_ sources: [String: [String]]) -> [String: Set<String>] {
        var owner: [String: String] = [:]
        for (folder, texts) in sources {
            for text in texts { for name in declaredTypes(text) { owner[name] = folder } }
        }
        var uses: [String: Set<String>] = [:]
        for (folder, texts) in sources {
            let words = Set(texts.joined(separator: "\n").split { !$0.isLetter && !$0.isNumber && $0 != "_" }.map(String.init))
            for word in words { if let other = owner[word], other != folder { uses[folder, default: []].insert(other) } }
        }
        return uses
    }

    /// Every cycle of `graph` (edges from a node to the nodes it uses): its strongly connected
    /// components of more than one node, each as a path that returns to its start (Tarjan, "Depth-first
    /// search and linear graph algorithms", SIAM J. Comput. 1(2), 1972).
    static func cycles(in graph: [String: Set<String>]) -> [[String]] {
        var index: [String: Int] = [:], lowLink: [String: Int] = [:], onStack: Set<String> = [], stack: [String] = []
        var components: [[String]] = []
        func connect(_ node: String) {
            index[node] = index.count
            lowLink[node] = index[node]
            stack.append(node)
            onStack.insert(node)
            for next in (graph[node] ?? []).sorted() {
                if index[next] == nil {
                    connect(next)
                    lowLink[node] = min(lowLink[node]!, lowLink[next]!)
                } else if onStack.contains(next) {
                    lowLink[node] = min(lowLink[node]!, index[next]!)
                }
            }
            guard lowLink[node] == index[node] else { return }
            var component: [String] = []
            while let top = stack.popLast() {
                onStack.remove(top)
                component.append(top)
                if top == node { break }
            }
            if component.count > 1 { components.append(component) }
        }
        for node in Set(graph.keys).union(graph.values.flatMap { $0 }).sorted() where index[node] == nil { connect(node) }
        return components.map { path(through: Set($0), in: graph) }
    }

    /// A closed path through the nodes of one strongly connected component, for the message.
    private static func path(through component: Set<String>, in graph: [String: Set<String>]) -> [String] {
        let start = component.min()!
        var path = [start], seen: Set<String> = [start]
        while let next = (graph[path.last!] ?? []).filter(component.contains).sorted().first(where: { !seen.contains($0) || $0 == start }),
              next != start {
            path.append(next)
            seen.insert(next)
        }
        return path + [start]
    }

    /// The folders of `target` in the order docs/architecture.md lists them (its "Folders of `target`" table).
    static func documentedOrder(of target: String) throws -> [String] {
        let text = try String(contentsOf: repository.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        guard let heading = text.range(of: "## Folders of `\(target)`") else { return [] }
        let section = text[heading.upperBound...].prefix { _ in true }
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        return section[..<end].split(separator: "\n").compactMap { line in
            guard line.hasPrefix("| `"), let close = line.dropFirst(3).firstIndex(of: "`") else { return nil }
            let name = line[line.index(line.startIndex, offsetBy: 3)..<close]
            return name.hasSuffix("/") ? String(name.dropLast()) : nil
        }
    }

    /// Folders of `uses` that use a folder listed after them in `order`, or one not listed.
    static func orderViolations(_ uses: [String: Set<String>], order: [String]) -> [String] {
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        return uses.keys.sorted().flatMap { folder in
            (uses[folder] ?? []).sorted().compactMap { used -> String? in
                guard let mine = rank[folder], let theirs = rank[used] else { return "\(folder) or \(used) is not listed" }
                return theirs < mine ? nil : "\(folder) uses \(used), listed after it"
            }
        }
    }

    @Test(arguments: ["HelioGrid", "HelioServer"])
    func foldersFollowTheDocumentedOrderWithoutCycles(target: String) throws {
        let sources = try Self.sources(of: target)
        #expect(sources.count >= 5, "the \(target) source tree was not found under \(Self.repository.path)")
        let order = try Self.documentedOrder(of: target)
        #expect(Set(order) == Set(sources.keys), "docs/architecture.md lists \(order.sorted()), the tree has \(sources.keys.sorted())")
        let uses = Self.uses(sources)
        for cycle in Self.cycles(in: uses) { Issue.record("\(target): a cycle of folders: \(cycle.joined(separator: " → "))") }
        for violation in Self.orderViolations(uses, order: order) { Issue.record("\(target): \(violation)") }
    }

    /// Worked by hand: A → B → C → A is one cycle of three, found whole and named from its least
    /// node; D → A and the two-cycle E ⇄ F are found apart; a chain is none; the order check names
    /// the one use that points down the list.
    @Test func cyclesOfAnyLengthAreFound() {
        let planted: [String: Set<String>] = ["A": ["B"], "B": ["C"], "C": ["A"], "D": ["A"], "E": ["F"], "F": ["E"]]
        let cycles = Self.cycles(in: planted).sorted { $0[0] < $1[0] }
        #expect(cycles == [["A", "B", "C", "A"], ["E", "F", "E"]])
        #expect(Self.cycles(in: ["A": ["B"], "B": ["C"], "D": ["A", "C"]]).isEmpty)
        #expect(Self.orderViolations(["B": ["A"], "C": ["A", "D"]], order: ["A", "B", "C", "D"]) == ["C uses D, listed after it"])
    }
}

import Foundation
import Testing
@testable import HelioGrid

/// `Sources/HelioGrid` is layered by folder (docs/architecture.md): a folder may use the top-level
/// types of another only if that folder does not use its own. Read from the source tree, so a new
/// file that closes a loop fails here.
@Suite struct FolderLayeringTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/HelioGrid")

    /// Source text of every Swift file, by folder, with line comments removed.
    static func sources() throws -> [String: [String]] {
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

    @Test func noTwoFoldersUseEachOther() throws {
        let sources = try Self.sources()
        #expect(sources.count >= 15, "the HelioGrid source tree was not found at \(Self.root.path)")
        var owner: [String: String] = [:]
        for (folder, texts) in sources {
            for text in texts { for name in Self.declaredTypes(text) { owner[name] = folder } }
        }
        var uses: [String: Set<String>] = [:]
        for (folder, texts) in sources {
            let words = Set(texts.joined(separator: "\n").split { !$0.isLetter && !$0.isNumber && $0 != "_" }.map(String.init))
            for word in words { if let other = owner[word], other != folder { uses[folder, default: []].insert(other) } }
        }
        for (folder, used) in uses {
            for other in used where uses[other]?.contains(folder) == true {
                Issue.record("\(folder) and \(other) use each other's types")
            }
        }
    }
}

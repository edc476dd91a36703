import TOMLKit

/// One table of a scenario file, read key by key with types, defaults and ranges checked.
///
/// Every key read is remembered; ``finish()`` rejects the keys nobody asked for, so a typo such
/// as `soc_mni` is an error naming the key instead of a silently ignored line.
struct ScenarioSection {
    let table: TOMLTable
    /// Dotted path of this table (`battery`, `load.cooling`).
    let path: String
    /// The scenario file, for messages.
    let file: String
    private var readKeys: Set<String> = []

    init(table: TOMLTable, path: String, file: String) {
        self.table = table
        self.path = path
        self.file = file
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func error(_ key: String, _ message: String) -> HelioError {
        HelioError(.scenario, message, file: file, key: keyPath(key))
    }

    func contains(_ key: String) -> Bool { table.contains(key: key) }

    /// Whether the table has any key.
    var hasKeys: Bool { !table.isEmpty }

    /// A number (TOML integer or float); `nil` default makes the key required.
    mutating func double(_ key: String, default fallback: Double? = nil, in range: ClosedRange<Double>) throws -> Double {
        readKeys.insert(key)
        guard let raw = table[key] else { return try required(key, fallback) }
        let value: Double
        switch raw.type {
        case .double: value = raw.double!
        case .int: value = Double(raw.int!)
        default: throw error(key, "expected a number, found \(raw.type)")
        }
        guard value.isFinite, range.contains(value) else {
            throw error(key, "\(value) is out of range (allowed \(range.lowerBound) to \(range.upperBound))")
        }
        return value
    }

    /// A number that must be strictly greater than `lowerBound`.
    mutating func positive(_ key: String, default fallback: Double? = nil, above lowerBound: Double = 0,
                           max upperBound: Double = 1e12) throws -> Double {
        let value = try double(key, default: fallback, in: lowerBound...upperBound)
        guard value > lowerBound else { throw error(key, "must be greater than \(lowerBound), found \(value)") }
        return value
    }

    /// A TOML integer; floats are a type error.
    mutating func int(_ key: String, default fallback: Int? = nil, in range: ClosedRange<Int>) throws -> Int {
        readKeys.insert(key)
        guard let raw = table[key] else { return try required(key, fallback) }
        guard raw.type == .int, let value = raw.int else { throw error(key, "expected an integer, found \(raw.type)") }
        guard range.contains(value) else {
            throw error(key, "\(value) is out of range (allowed \(range.lowerBound) to \(range.upperBound))")
        }
        return value
    }

    mutating func bool(_ key: String, default fallback: Bool) throws -> Bool {
        readKeys.insert(key)
        guard let raw = table[key] else { return fallback }
        guard raw.type == .bool, let value = raw.bool else { throw error(key, "expected true or false, found \(raw.type)") }
        return value
    }

    mutating func string(_ key: String, default fallback: String? = nil) throws -> String {
        readKeys.insert(key)
        guard let raw = table[key] else { return try required(key, fallback) }
        guard raw.type == .string, let value = raw.string else { throw error(key, "expected a string, found \(raw.type)") }
        return value
    }

    /// A string or a non-empty array of strings.
    mutating func stringList(_ key: String) throws -> [String] {
        readKeys.insert(key)
        guard let raw = table[key] else { return try required(key, nil) }
        if raw.type == .string, let value = raw.string { return [value] }
        guard raw.type == .array, let array = raw.array else { throw error(key, "expected a string or an array of strings, found \(raw.type)") }
        let values = try array.map { element -> String in
            guard element.type == .string, let value = element.string else { throw error(key, "expected strings in the array, found \(element.type)") }
            return value
        }
        guard !values.isEmpty else { throw error(key, "needs at least one entry") }
        return values
    }

    mutating func optionalString(_ key: String) throws -> String? {
        contains(key) ? try string(key) : nil
    }

    /// A string that must be one of `choices`.
    mutating func choice(_ key: String, default fallback: String, in choices: [String]) throws -> String {
        let value = try string(key, default: fallback)
        guard choices.contains(value) else {
            throw error(key, "'\(value)' is not one of \(choices.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        return value
    }

    /// An array of distinct strings, each one of `choices`; `nil` when absent.
    mutating func choiceList(_ key: String, in choices: [String]) throws -> [String]? {
        readKeys.insert(key)
        guard let raw = table[key] else { return nil }
        guard raw.type == .array, let array = raw.array else { throw error(key, "expected an array of strings, found \(raw.type)") }
        let values = try array.map { element -> String in
            guard element.type == .string, let value = element.string, choices.contains(value) else {
                throw error(key, "every entry must be one of \(choices.map { "\"\($0)\"" }.joined(separator: ", ")), found \(element)")
            }
            return value
        }
        guard !values.isEmpty, Set(values).count == values.count else { throw error(key, "needs at least one entry, each at most once") }
        return values
    }

    /// A sub-table; an empty one (so defaults apply) when absent.
    mutating func section(_ key: String) throws -> ScenarioSection {
        readKeys.insert(key)
        guard let raw = table[key] else { return ScenarioSection(table: TOMLTable(), path: keyPath(key), file: file) }
        guard raw.type == .table, let sub = raw.table else { throw error(key, "expected a table, found \(raw.type)") }
        return ScenarioSection(table: sub, path: keyPath(key), file: file)
    }

    /// An array of tables (`[[key]]`), each a section named `key[i]`; empty when absent.
    mutating func tableList(_ key: String) throws -> [ScenarioSection] {
        readKeys.insert(key)
        guard let raw = table[key] else { return [] }
        guard raw.type == .array, let array = raw.array else {
            throw error(key, "expected an array of tables ([[\(keyPath(key))]]), found \(raw.type)")
        }
        return try array.enumerated().map { index, element in
            guard element.type == .table, let sub = element.table else { throw error(key, "entry \(index + 1) is not a table") }
            return ScenarioSection(table: sub, path: "\(keyPath(key))[\(index)]", file: file)
        }
    }

    /// A list of values: an array of numbers, or an inline table `{ min = …, max = …, step = … }`
    /// expanded from min to max (max included when a whole number of steps away) — at most
    /// `maxCount` values, each within `range`, strictly increasing. `nil` when absent.
    mutating func valueList(_ key: String, in range: ClosedRange<Double>, maxCount: Int = 1000) throws -> [Double]? {
        readKeys.insert(key)
        guard let raw = table[key] else { return nil }
        var values: [Double]
        switch raw.type {
        case .array:
            values = try raw.array!.map { element in
                switch element.type {
                case .double: return element.double!
                case .int: return Double(element.int!)
                default: throw error(key, "expected numbers in the array, found \(element.type)")
                }
            }
        case .table:
            var spec = ScenarioSection(table: raw.table!, path: keyPath(key), file: file)
            let low = try spec.double("min", in: range), high = try spec.double("max", in: range)
            let step = try spec.positive("step", max: range.upperBound - range.lowerBound + 1)
            try spec.finish()
            guard low <= high else { throw error(key, "min \(low) is above max \(high)") }
            let count = Int(((high - low) / step + 1e-9).rounded(.down)) + 1
            guard count <= maxCount else { throw error(key, "min…max by step gives \(count) values; at most \(maxCount)") }
            values = (0..<count).map { low + Double($0) * step }
        default:
            throw error(key, "expected an array of numbers or { min = …, max = …, step = … }, found \(raw.type)")
        }
        guard !values.isEmpty else { throw error(key, "needs at least one value") }
        guard values.count <= maxCount else { throw error(key, "\(values.count) values; at most \(maxCount)") }
        for value in values where !(value.isFinite && range.contains(value)) {
            throw error(key, "\(value) is out of range (allowed \(range.lowerBound) to \(range.upperBound))")
        }
        for (a, b) in zip(values, values.dropFirst()) where b <= a {
            throw error(key, "values must increase: \(b) follows \(a)")
        }
        return values
    }

    /// Every key of this table as a calendar year (`"2026" = 0.025`) mapped to a number in `range`.
    mutating func yearTable(in range: ClosedRange<Double>) throws -> [Int: Double] {
        var values: [Int: Double] = [:]
        for key in table.keys {
            guard key.count == 4, let year = Int(key) else { throw error(key, "expected a four-digit calendar year as the key") }
            values[year] = try double(key, in: range)
        }
        return values
    }

    /// Rejects keys that were never read.
    func finish() throws {
        for key in table.keys.sorted() where !readKeys.contains(key) {
            throw error(key, "unknown key")
        }
    }

    private func required<T>(_ key: String, _ fallback: T?) throws -> T {
        guard let fallback else { throw error(key, "required key is missing") }
        return fallback
    }
}

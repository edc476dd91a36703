/// One comma-separated line split lazily: the field boundaries are found in a single pass over its
/// UTF-8 bytes, and a field's text is made only when it is read. Weather files have some 70 columns
/// of which a reader needs a handful, so this spares most of the work of splitting.
///
/// Fields are separated by commas outside double quotes (RFC 4180 quoting, no embedded newlines);
/// spaces, tabs and quotes around a field are trimmed.
struct CSVLine {
    /// The whole line.
    let text: Substring
    /// Byte offsets of each field's start and end within `text`, in pairs.
    private let bounds: [Int]

    init(_ line: Substring, separator: UInt8 = UInt8(ascii: ",")) {
        var contiguous = line
        var bounds = contiguous.utf8.withContiguousStorageIfAvailable { Self.scan($0, separator: separator) }
        if bounds == nil {
            contiguous = Substring(String(line))
            bounds = contiguous.utf8.withContiguousStorageIfAvailable { Self.scan($0, separator: separator) }
        }
        text = contiguous
        self.bounds = bounds ?? []
    }

    /// Number of fields.
    var count: Int { bounds.count / 2 }

    /// Field `index` (0-based), trimmed.
    subscript(index: Int) -> Substring {
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: bounds[2 * index])..<utf8.index(utf8.startIndex, offsetBy: bounds[2 * index + 1])]
    }

    /// Every field, trimmed.
    var fields: [Substring] { (0..<count).map { self[$0] } }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8) -> [Int] {
        var bounds: [Int] = []
        bounds.reserveCapacity(16)
        var start = 0, inQuotes = false
        for offset in 0...bytes.count {
            if offset < bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
                guard byte == separator && !inQuotes else { continue }
            }
            var lower = start, upper = offset
            while lower < upper, isPadding(bytes[lower]) { lower += 1 }
            while upper > lower, isPadding(bytes[upper - 1]) { upper -= 1 }
            bounds.append(lower)
            bounds.append(upper)
            start = offset + 1
        }
        return bounds
    }

    @inline(__always)
    private static func isPadding(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\"")
    }
}

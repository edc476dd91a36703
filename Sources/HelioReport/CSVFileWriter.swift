import Foundation
import HelioGrid

/// A CSV file written in pieces as rows are rendered, so memory holds one piece, not the file.
/// The first write error is kept and thrown by ``close()``; rows after it are dropped.
public final class CSVFileWriter {
    /// The file.
    public let path: String
    private var descriptor: Int32
    private var failure: HelioError?
    /// Rows are gathered here and written when it passes ``flushBytes``.
    private var builder = CSVBuilder(capacity: CSVFileWriter.flushBytes + 4_096)
    /// Bytes gathered before a write.
    public static let flushBytes = 1 << 20

    /// Creates (or truncates) `path` and writes `header` and a newline.
    public init(path: String, header: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw HelioError(.io, "cannot create: \(String(cString: strerror(errno)))", file: path) }
        builder.append(header + "\n")
    }

    deinit {
        if descriptor >= 0 { Glibc.close(descriptor) }
    }

    /// Rows rendered between checks of the buffer.
    public static let rowsPerPiece = 4_096

    /// Renders rows `0..<count` piece by piece with `append` (rows of a range into the builder),
    /// writing whenever the buffer is full.
    public func appendRows(_ count: Int, _ append: (Range<Int>, inout CSVBuilder) -> Void) {
        for start in stride(from: 0, to: count, by: Self.rowsPerPiece) {
            append(start..<min(count, start + Self.rowsPerPiece), &builder)
            if builder.bytes.count >= Self.flushBytes { flush() }
        }
    }

    /// Writes the gathered rows.
    public func flush() {
        defer { builder.removeAll() }
        guard failure == nil else { return }
        var written = 0
        let bytes = builder.bytes
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            guard count > 0 else {
                if count < 0, errno == EINTR { continue }
                failure = HelioError(.io, "cannot write: \(String(cString: strerror(errno)))", file: path)
                return
            }
            written += count
        }
    }

    /// Writes what is left and closes the file; throws the first write error.
    public func close() throws {
        flush()
        if fsync(descriptor) != 0, failure == nil { failure = HelioError(.io, "cannot write: \(String(cString: strerror(errno)))", file: path) }
        Glibc.close(descriptor)
        descriptor = -1
        if let failure { throw failure }
    }
}

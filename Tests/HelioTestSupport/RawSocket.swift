import Foundation

/// Plain TCP client sockets on loopback, for tests that play misbehaving HTTP clients: connections
/// that stay silent, send half a header or half a body. Blocking POSIX calls; each socket is closed
/// by ``close()``.
public struct RawSocket: Sendable {
    /// The descriptor.
    public let fd: Int32

    /// Connects to 127.0.0.1:`port`; `nil` when the connection cannot be made.
    public static func connect(port: Int) -> RawSocket? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(fd)
            return nil
        }
        return RawSocket(fd: fd)
    }

    /// A loopback port nothing listens on now, as the kernel hands out for a bind to port 0 (a
    /// random fixed range collides with the ephemeral ports of the machine's own connections).
    public static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        precondition(fd >= 0, "no socket for a free port")
        defer { Glibc.close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        precondition(bound, "no free loopback port")
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Sends `text`; whether all of it went.
    @discardableResult
    public func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// Reads until the peer closes, `timeout` passes or (when given) `marker` has arrived; the bytes
    /// read and whether the peer closed.
    public func readToEnd(timeout: Duration, orUntil marker: String? = nil) -> (text: String, closed: Bool) {
        var received: [UInt8] = []
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while ContinuousClock.now < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let left = deadline - ContinuousClock.now
            guard poll(&poller, 1, Int32(max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))) > 0 else { continue }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { return (String(decoding: received, as: UTF8.self), true) }
            received += buffer[0..<count]
            if let marker, String(decoding: received, as: UTF8.self).contains(marker) { break }
        }
        return (String(decoding: received, as: UTF8.self), false)
    }

    /// Closes the socket.
    public func close() { Glibc.close(fd) }

    /// One request on a new connection (`Connection: close`): the status line, the whole answer and
    /// the time to it; `nil` status when no answer came within `timeout`.
    public static func request(port: Int, _ head: String, timeout: Duration = .seconds(30)) -> (status: String?, answer: String, latency: Duration) {
        let started = ContinuousClock.now
        guard let socket = connect(port: port) else { return (nil, "", ContinuousClock.now - started) }
        defer { socket.close() }
        socket.send(head)
        let answer = socket.readToEnd(timeout: timeout)
        let status = answer.text.split(separator: "\r\n", maxSplits: 1).first.map(String.init)
        return (answer.closed ? status : nil, answer.text, ContinuousClock.now - started)
    }
}

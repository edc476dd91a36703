import Synchronization

/// Live streams (`GET /v1/stream`) held at once, in all and per token (``ServerLimits/maxStreams``,
/// ``ServerLimits/maxStreamsPerToken``): a stream past either cap is refused (429), so streams can
/// never fill the connection cap and a control request always finds a connection.
final class StreamLimiter: Sendable {
    private let state = Mutex<(caps: (all: Int, perToken: Int), open: [String: Int], total: Int)>(((64, 8), [:], 0))

    /// Sets the caps.
    func setCaps(all: Int, perToken: Int) {
        state.withLock { $0.caps = (all, perToken) }
    }

    /// Takes a stream for `token`; nil when it may, else why not.
    func open(token: String) -> String? {
        state.withLock { state in
            if state.total >= state.caps.all { return "\(state.total) live streams are open, the most the service holds" }
            let held = state.open[token, default: 0]
            if held >= state.caps.perToken { return "this token holds \(held) live streams, the most one token may" }
            state.open[token] = held + 1
            state.total += 1
            return nil
        }
    }

    /// Gives back a stream of `token`.
    func close(token: String) {
        state.withLock { state in
            state.total -= 1
            state.open[token, default: 1] -= 1
            if state.open[token] == 0 { state.open[token] = nil }
        }
    }
}

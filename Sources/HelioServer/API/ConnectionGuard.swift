import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Per-connection limits after HTTP decoding: the first request head within the header timeout of
/// the connection opening, each request body within the body timeout of its head, and the
/// connection's place in the ``ConnectionRegistry``. The idle (keep-alive) timeout is Hummingbird's
/// own. A connection that overruns is closed; nothing it sent reaches a handler half-read.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    /// The user event a live stream fires on its connection, so the registry may close it for a new connection at the cap.
    struct StreamOpened: Sendable {}

    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limits: ServerLimits
    private let registry: ConnectionRegistry
    private var deadline: Scheduled<Void>?

    init(limits: ServerLimits, registry: ConnectionRegistry) {
        self.limits = limits
        self.registry = registry
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if let closing = registry.opened(context.channel) { closing.close(promise: nil) }
        arm(context, seconds: limits.headerTimeoutS)
    }

    /// Called when the connection closes (NIO removes every handler of a closed channel).
    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
        registry.closed(context.channel)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            registry.mark(context.channel, busy: true)
            arm(context, seconds: limits.bodyTimeoutS)
        case .body:
            break
        case .end:
            disarm()
        }
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is StreamOpened {
            registry.markStream(context.channel)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { registry.mark(context.channel, busy: false) }
        context.write(data, promise: promise)
    }

    /// Closes the connection in `seconds` unless disarmed first.
    private func arm(_ context: ChannelHandlerContext, seconds: Double) {
        disarm()
        let channel = context.channel
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(seconds * 1000))) {
            channel.close(promise: nil)
        }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }
}

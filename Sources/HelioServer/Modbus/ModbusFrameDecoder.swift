import NIOCore

/// Splits a Modbus TCP byte stream into whole ADUs: the MBAP header's length field (bytes 4–5)
/// counts the bytes after it (Modbus Messaging on TCP/IP Implementation Guide V1.0b, §3.1.3).
struct ModbusFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard buffer.readableBytes >= 6, let length = buffer.getInteger(at: buffer.readerIndex + 4, as: UInt16.self) else { return .needMoreData }
        guard length >= 2, length <= 254 else { throw ModbusError("invalid MBAP length \(length)") }
        guard let frame = buffer.readSlice(length: 6 + Int(length)) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(frame))
        return .continue
    }
}

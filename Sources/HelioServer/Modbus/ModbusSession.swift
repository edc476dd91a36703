import NIOCore
import NIOPosix

/// One Modbus TCP connection for a control interval's reads and writes (function codes 3, 6 and 16
/// of the Modbus Application Protocol V1.1b3), one request at a time. A session per interval keeps
/// the adapter free of stale connections: a gateway that restarts is simply reached again next time.
struct ModbusSession: ModbusRegisterAccess {
    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var transaction: UInt16 = 0

    /// Connects to `host`:`port`, runs `body` and closes, all within `timeoutMS`; the session's tasks
    /// (the exchange and its timer) run on `executor` — the control loop's thread — where given, so a
    /// busy cooperative pool cannot hold an answer that has arrived past the limit.
    static func run<T: Sendable>(host: String, port: Int, timeoutMS: Int, executor: (any TaskExecutor)? = nil,
                                 _ body: @Sendable @escaping (inout ModbusSession) async throws -> T) async throws -> T {
        try await withTaskExecutorPreference(executor) {
            try await exchange(host: host, port: port, timeoutMS: timeoutMS, body)
        }
    }

    /// ``run(host:port:timeoutMS:executor:_:)``'s session, raced against its time limit.
    private static func exchange<T: Sendable>(host: String, port: Int, timeoutMS: Int,
                                              _ body: @Sendable @escaping (inout ModbusSession) async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask {
                let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .connectTimeout(.milliseconds(Int64(timeoutMS)))
                    .connect(host: host, port: port) { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(ModbusFrameDecoder()))
                            return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                        }
                    }
                return try await channel.executeThenClose { inbound, outbound in
                    var session = ModbusSession(inbound: inbound.makeAsyncIterator(), outbound: outbound)
                    return try await body(&session)
                }
            }
            group.addTask {
                try await Task.sleep(for: .milliseconds(timeoutMS))
                throw ModbusError("no answer from \(host):\(port) within \(timeoutMS) ms")
            }
            defer { group.cancelAll() }
            guard let result = try await group.next() else { throw ModbusError("session ended without a result") }
            return result
        }
    }

    private init(inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) {
        self.inbound = inbound
        self.outbound = outbound
    }

    /// Reads `count` holding registers from `address` (function 3).
    mutating func readHoldingRegisters(unit: Int, address: Int, count: Int) async throws -> [UInt16] {
        try Self.checkRange(unit: unit, address: address, count: count, maxCount: 125)
        var pdu = ByteBuffer()
        pdu.writeInteger(UInt8(3))
        pdu.writeInteger(UInt16(truncatingIfNeeded: address))
        pdu.writeInteger(UInt16(truncatingIfNeeded: count))
        let reply = try await exchange(unit: unit, pdu: pdu, function: 3)
        return try Self.registers(in: reply, count: count, unit: unit, address: address)
    }

    /// The registers of a function-3 reply's data (byte count, then big-endian words); throws unless
    /// it holds exactly `count` of them.
    static func registers(in reply: ByteBuffer, count: Int, unit: Int, address: Int) throws -> [UInt16] {
        var reply = reply
        guard let bytes = reply.readInteger(as: UInt8.self), Int(bytes) == 2 * count, reply.readableBytes == 2 * count else {
            throw ModbusError("unit \(unit): malformed reply to reading \(count) registers at \(address)")
        }
        var words: [UInt16] = []
        words.reserveCapacity(count)
        while let word = reply.readInteger(as: UInt16.self) { words.append(word) }
        return words
    }

    /// Writes `values` from `address` (function 16; function 6 for one register).
    mutating func writeRegisters(unit: Int, address: Int, values: [UInt16]) async throws {
        try Self.checkRange(unit: unit, address: address, count: values.count, maxCount: 123)
        var pdu = ByteBuffer()
        if values.count == 1 {
            pdu.writeInteger(UInt8(6))
            pdu.writeInteger(UInt16(truncatingIfNeeded: address))
            pdu.writeInteger(values[0])
            _ = try await exchange(unit: unit, pdu: pdu, function: 6)
            return
        }
        pdu.writeInteger(UInt8(16))
        pdu.writeInteger(UInt16(truncatingIfNeeded: address))
        pdu.writeInteger(UInt16(truncatingIfNeeded: values.count))
        pdu.writeInteger(UInt8(truncatingIfNeeded: 2 * values.count))
        for value in values { pdu.writeInteger(value) }
        _ = try await exchange(unit: unit, pdu: pdu, function: 16)
    }

    /// Sends one request and returns the reply's data after the function code.
    private mutating func exchange(unit: Int, pdu: ByteBuffer, function: UInt8) async throws -> ByteBuffer {
        transaction &+= 1
        var frame = ByteBuffer()
        frame.writeInteger(transaction)
        frame.writeInteger(UInt16(0))
        frame.writeInteger(UInt16(truncatingIfNeeded: pdu.readableBytes + 1))
        frame.writeInteger(UInt8(truncatingIfNeeded: unit))
        frame.writeImmutableBuffer(pdu)
        try await outbound.write(frame)
        guard let reply = try await inbound.next() else { throw ModbusError("unit \(unit): connection closed") }
        return try Self.data(of: reply, transaction: transaction, unit: unit, function: function)
    }

    /// The data after the function code of a reply ADU (MBAP header: transaction, protocol 0,
    /// length, unit); throws on a reply to another request, an exception reply or another function.
    static func data(of frame: ByteBuffer, transaction: UInt16, unit: Int, function: UInt8) throws -> ByteBuffer {
        var reply = frame
        guard reply.readInteger(as: UInt16.self) == transaction, reply.readInteger(as: UInt16.self) == 0,
              let length = reply.readInteger(as: UInt16.self), Int(length) == reply.readableBytes,
              reply.readInteger(as: UInt8.self) == UInt8(truncatingIfNeeded: unit),
              let code = reply.readInteger(as: UInt8.self)
        else { throw ModbusError("unit \(unit): reply does not match the request") }
        if code == function | 0x80 {
            let exception = reply.readInteger(as: UInt8.self) ?? 0
            throw ModbusError("unit \(unit): exception \(exception) (\(Self.exceptionName(exception))) to function \(function)")
        }
        guard code == function else { throw ModbusError("unit \(unit): reply to function \(code), expected \(function)") }
        return reply
    }

    static func exceptionName(_ code: UInt8) -> String {
        switch code {
        case 1: "illegal function"
        case 2: "illegal data address"
        case 3: "illegal data value"
        case 4: "server device failure"
        case 6: "server device busy"
        case 11: "gateway target device failed to respond"
        default: "exception"
        }
    }
}

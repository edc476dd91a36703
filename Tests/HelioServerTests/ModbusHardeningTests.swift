import HelioTestSupport
import NIOCore
import NIOEmbedded
import Testing
@testable import HelioGrid
@testable import HelioServer

/// Whatever a Modbus device sends is untrusted: every malformed frame, model chain, scale factor or
/// count ends in a named ``ModbusError``, never a trap. Fuzzed with a seeded generator, bounded in time.
@Suite struct ModbusHardeningTests {
    static let base = 40_000

    /// A SunSpec list: marker at `base`, then each (id, length) with zeros, then the end marker.
    static func sunSpec(_ models: [(id: UInt16, length: Int)], values: [Int: UInt16] = [:]) -> [UInt16] {
        var registers = [UInt16](repeating: 0, count: 65_536)
        registers[base] = 0x5375
        registers[base + 1] = 0x6E53
        var address = base + 2
        for model in models {
            guard address + 1 < registers.count else { break }
            registers[address] = model.id
            registers[address + 1] = UInt16(truncatingIfNeeded: model.length)
            address += 2 + model.length
        }
        if address + 1 < registers.count { registers[address] = 0xFFFF }
        for (address, value) in values { registers[address] = value }
        return registers
    }

    static var config: ModbusConfig {
        get throws {
            try #require(TestData.scenario("""
                [site]
                weather = "phoenix-az-722780.tmy3.csv"
                [load]
                gpus = 96
                [modbus.registers]
                load_kw = { address = 100, type = "int32", scale = 1e6 }
                genset_kw = { address = 102, type = "int32" }
                genset_units = { address = 104, type = "uint32", scale = 1e6 }
                pv_available_kw = { address = 106, type = "int32" }
                genset_units_setpoint = { address = 110, type = "uint16" }
                genset_kw_setpoint = { address = 111, type = "int32", scale = 0.1 }
                """).modbus)
        }
    }

    /// The reported crash: model 1 at 40002 claims 65,000 registers, so the next header would be at
    /// 105,004. The scan names the model and the overrun (it used to trap in `UInt16(address)`).
    @Test func modelChainPastTheRegisterSpaceIsANamedError() async throws {
        var bank = RegisterBank(units: [1: Self.sunSpec([(1, 65_000)])])
        await #expect { _ = try await SunSpecMap.scan(&bank, unit: 1, base: Self.base) } throws: { error in
            (error as? ModbusError)?.message == "unit 1: SunSpec model 1 at 40002 has length 65000, past register 65535"
        }
        // A chain whose end marker sits in the last two registers is fine; one register more is not.
        var exact = RegisterBank(units: [1: Self.sunSpec([(1, 65_534 - 40_004)])])
        #expect(try await SunSpecMap.scan(&exact, unit: 1, base: Self.base).models[1]?.length == 25_530)
        var over = RegisterBank(units: [1: Self.sunSpec([(1, 65_535 - 40_004)])])
        await #expect { _ = try await SunSpecMap.scan(&over, unit: 1, base: Self.base) } throws: { error in
            (error as? ModbusError)?.message.contains("runs past register 65535") == true
        }
        var fits = RegisterBank(units: [1: Self.sunSpec([(1, 100), (103, 50)])])
        let map = try await SunSpecMap.scan(&fits, unit: 1, base: Self.base)
        #expect(try map.start(of: 103, unit: 1, points: 14) == 40_106)
        #expect(throws: ModbusError.self) { try map.start(of: 103, unit: 1, points: 51) }
    }

    /// Reads and writes outside 0…65535 or with forbidden counts are refused before anything is sent.
    @Test func addressesAndCountsAreChecked() {
        #expect(throws: ModbusError.self) { try RegisterBank.checkRange(unit: 1, address: 65_535, count: 2, maxCount: 125) }
        #expect(throws: ModbusError.self) { try RegisterBank.checkRange(unit: 1, address: -1, count: 1, maxCount: 125) }
        #expect(throws: ModbusError.self) { try RegisterBank.checkRange(unit: 1, address: 0, count: 126, maxCount: 125) }
        #expect(throws: ModbusError.self) { try RegisterBank.checkRange(unit: 256, address: 0, count: 1, maxCount: 125) }
        #expect(throws: Never.self) { try RegisterBank.checkRange(unit: 1, address: 65_535, count: 1, maxCount: 125) }
    }

    /// Scale factors beyond ±10, the not-implemented markers, values that do not fit a register.
    @Test func scaleFactorsAndValuesAreChecked() throws {
        #expect(try SunSpecMap.scaled(26_250, 3, what: "W") == 26_250_000)
        #expect(throws: ModbusError.self) { try SunSpecMap.scaled(1, 32_767, what: "W") }
        #expect(throws: ModbusError.self) { try SunSpecMap.scaled(1, UInt16(bitPattern: -11), what: "W") }
        #expect(throws: ModbusError.self) { try SunSpecMap.scaled(0x8000, 0, what: "W") }
        #expect(throws: ModbusError.self) { try SunSpecMap.scaledUnsigned(0xFFFF, 0, what: "WRtg") }
        #expect(try SunSpecMap.unscaled(50, UInt16(bitPattern: -1), what: "pct") == 500)
        #expect(throws: ModbusError.self) { try SunSpecMap.unscaled(100, UInt16(bitPattern: -10), what: "pct") }
        #expect(throws: ModbusError.self) { try SunSpecMap.unscaled(.infinity, 0, what: "pct") }
        #expect(throws: ModbusError.self) { try SunSpecMap.unscaled(.nan, 0, what: "pct") }
    }

    /// 3,000 random devices: random model chains (lengths up to 65535, the IDs the adapter reads
    /// among random ones), random registers, random scale factors. Scanning, reading telemetry and
    /// writing setpoints each either succeed or throw a ModbusError.
    @Test func randomDevicesNeverTrap() async throws {
        let config = try Self.config
        var random = SplitMix64(seed: 11)
        var outcomes = (ok: 0, failed: 0)
        for _ in 0..<3_000 {
            let ids: [UInt16] = [1, 103, 120, 123, 124, UInt16.random(in: 0...0xFFFE, using: &random)]
            let models = (0..<Int.random(in: 0...6, using: &random)).map { _ in
                (id: ids.randomElement(using: &random)!,
                 length: Bool.random(using: &random) ? Int.random(in: 0...60, using: &random) : Int.random(in: 0...65_535, using: &random))
            }
            var registers = Self.sunSpec(models)
            for _ in 0..<400 { registers[Int.random(in: Self.base...(Self.base + 300), using: &random)] = UInt16.random(in: 0...0xFFFF, using: &random) }
            var meter = [UInt16](repeating: 0, count: 256)
            for index in meter.indices { meter[index] = UInt16.random(in: 0...0xFFFF, using: &random) }
            var bank = RegisterBank(units: [config.inverterUnit: registers, config.storageUnit: registers, config.meterUnit: meter])
            do {
                let maps = try await ModbusPlant.maps(&bank, config: config, cached: nil)
                _ = try await ModbusPlant.read(&bank, config: config, maps: maps)
                try await ModbusPlant.write(&bank, PlantSetpoints(pvLimitKW: 1_000, batteryKW: -500, dieselUnits: 2, dieselKW: 3_000, gridKW: 0),
                                            config: config, maps: maps)
                outcomes.ok += 1
            } catch is ModbusError {
                outcomes.failed += 1
            }
        }
        #expect(outcomes.ok + outcomes.failed == 3_000 && outcomes.failed > 0)
    }

    /// 20,000 random and truncated reply frames through the reply parsers and the stream decoder:
    /// a frame is either accepted whole or a ModbusError.
    @Test func randomFramesNeverTrap() throws {
        var random = SplitMix64(seed: 7)
        var decoderErrors = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...300, using: &random)
            var frame = ByteBuffer(bytes: (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) })
            if length >= 8, Bool.random(using: &random) {
                // A plausible header: transaction 1, protocol 0, a length that may or may not match, unit 1, function 3.
                frame.setInteger(UInt16(1), at: 0)
                frame.setInteger(UInt16(0), at: 2)
                frame.setInteger(UInt16(Bool.random(using: &random) ? length - 6 : Int.random(in: 0...300, using: &random)), at: 4)
                frame.setInteger(UInt8(1), at: 6)
                frame.setInteger(UInt8(3), at: 7)
            }
            do {
                let data = try ModbusSession.data(of: frame, transaction: 1, unit: 1, function: 3)
                let registers = try ModbusSession.registers(in: data, count: Int.random(in: 1...125, using: &random), unit: 1, address: 0)
                #expect(!registers.isEmpty)
            } catch is ModbusError {}
            // The same bytes as a stream in random pieces.
            let channel = EmbeddedChannel(handler: ByteToMessageHandler(ModbusFrameDecoder()))
            do {
                while frame.readableBytes > 0, let piece = frame.readSlice(length: Int.random(in: 1...frame.readableBytes, using: &random)) {
                    try channel.writeInbound(piece)
                }
                while let decoded = try channel.readInbound(as: ByteBuffer.self) { #expect(decoded.readableBytes >= 8) }
            } catch is ModbusError {
                decoderErrors += 1
            }
            _ = try? channel.finish()
        }
        #expect(decoderErrors > 0)
    }
}

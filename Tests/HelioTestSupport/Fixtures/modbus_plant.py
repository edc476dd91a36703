#!/usr/bin/env python3
"""A Modbus TCP plant for HelioGrid's adapter test (pymodbus 3.6): SunSpec PV inverter (unit 1:
models 1, 103, 120, 123), SunSpec storage (unit 2: models 1, 103, 124) and a genset controller /
plant meter (unit 3: the register map of the test scenario). Usage: modbus_plant.py [PORT] [--hostile]

--hostile: the inverter's first SunSpec model claims 65,000 registers, so its list runs past register
65535 (a device that once crashed the EMS).

Listens on loopback (PORT, or one the system picks when omitted or 0) and then prints
"listening PORT" on stdout: the readiness signal the test waits for."""
import asyncio
import sys

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server import ModbusTcpServer

BASE = 40000


def u16(value):
    return value & 0xFFFF


def i32(value):
    value &= 0xFFFFFFFF
    return [value >> 16, value & 0xFFFF]


def model(model_id, length, values):
    block = [0] * length
    for offset, value in values.items():
        block[offset] = u16(value)
    return [model_id, length] + block


def sunspec(*models):
    registers = [0x5375, 0x6E53] + model(1, 66, {})
    for m in models:
        registers += m
    return registers + [0xFFFF, 0]


# PV inverter: W = 26,250 × 10^3 W; WRtg 48,000 × 10^3 W; WMaxLimPct SF −1.
INVERTER = sunspec(model(103, 50, {12: 26250, 13: 3}), model(120, 26, {1: 48000, 2: 3}), model(123, 24, {3: 1000, 21: -1}))
# Storage: W = −12,000 × 10^3 W (charging); WChaMax 50,000 × 10^3 W; ChaState 6,520 × 10^−2 %; ChaSt 4 (charging).
STORAGE = sunspec(model(103, 50, {12: -12000, 13: 3}), model(124, 24, {0: 50000, 6: 6520, 9: 4, 16: 3, 20: -2, 23: -1}))


def context(sunspec_registers=None, meter=None):
    data = [0] * 50000
    if sunspec_registers:
        data[BASE:BASE + len(sunspec_registers)] = sunspec_registers
    for address, values in (meter or {}).items():
        data[address:address + len(values)] = values
    # pymodbus' sequential block at 0 is read with address + 1 unless zero_mode is set.
    return ModbusSlaveContext(hr=ModbusSequentialDataBlock(0, data), zero_mode=True)


METER = {100: i32(14250), 102: i32(0), 104: [0], 106: i32(40000)}


HOSTILE_INVERTER = [0x5375, 0x6E53] + model(1, 65000, {})[:70] + [0xFFFF, 0]


async def main(port, hostile):
    server_context = ModbusServerContext(
        slaves={1: context(HOSTILE_INVERTER if hostile else INVERTER), 2: context(STORAGE), 3: context(meter=METER)}, single=False)
    server = ModbusTcpServer(context=server_context, address=("127.0.0.1", port))
    if not await server.listen():
        sys.exit(f"cannot listen on 127.0.0.1:{port}")
    bound = server.transport.sockets[0].getsockname()[1]
    print(f"listening {bound}", flush=True)
    await server.serving


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--hostile"]
    asyncio.run(main(int(arguments[0]) if arguments else 0, "--hostile" in sys.argv[1:]))

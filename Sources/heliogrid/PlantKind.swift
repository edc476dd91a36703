import ArgumentParser

/// `serve --plant`: the simulated plant or Modbus equipment.
enum PlantKind: String, CaseIterable, ExpressibleByArgument {
    /// The simulator, in real time or faster.
    case simulated
    /// The scenario's `[modbus]` equipment.
    case modbus
}

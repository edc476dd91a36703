import ArgumentParser
import HelioGrid
import HelioServer

// The command line's choices are the domain's own enums: ArgumentParser parses them, lists them in
// `--help` and names them in the error for a bad one (exit code 2, HelioGridCommand.main).

extension DispatchConfig.Strategy: ExpressibleByArgument {}
extension DispatchConfig.Forecast: ExpressibleByArgument {}
extension DispatchConfig.Compute: ExpressibleByArgument {}
extension ScenarioTemplate: ExpressibleByArgument {}
extension TokenScope: ExpressibleByArgument {}

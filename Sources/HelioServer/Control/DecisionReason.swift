import Foundation
import HelioGrid

/// A plain-words reason for a rule-based decision, for the audit trail.
enum DecisionReason {
    /// Explains `decision` against what the strategy saw.
    static func explain(_ decision: DispatchDecision, _ context: DispatchContext) -> String {
        let soc = context.battery.map { " (SOC \(percent($0.soc)))" } ?? " (battery offline)"
        if decision.unservedKW > 0 { return "supply short of demand by \(power(decision.unservedKW))\(soc)" }
        if decision.dieselUnits > 0 {
            return "\(decision.dieselUnits) genset(s) at \(power(decision.dieselKW)): PV \(power(decision.pvKW)) short of load \(power(context.loadKW))\(soc)"
        }
        if decision.gridKW > 0 { return "grid import \(power(decision.gridKW))\(soc)" }
        if decision.batteryKW > 0 { return "battery discharges \(power(decision.batteryKW)) to cover the PV deficit\(soc)" }
        if decision.curtailedKW > 0 { return "PV surplus: battery charging \(power(-decision.batteryKW)), \(power(decision.curtailedKW)) curtailed\(soc)" }
        if decision.batteryKW < 0 { return "PV surplus charges the battery at \(power(-decision.batteryKW))\(soc)" }
        return "PV covers the load\(soc)"
    }

    /// A power of `kW` as the dashboard's tiles show it: MW to two decimals from 1 MW, kW below.
    static func power(_ kW: Double) -> String {
        abs(kW) >= 1000 ? String(format: "%.2f MW", kW / 1000) : "\(Int(kW.rounded())) kW"
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded())) %" }
}

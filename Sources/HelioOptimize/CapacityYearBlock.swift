import Foundation
import HelioGrid
import HelioLP

/// One year of hourly dispatch in a capacity-expansion LP (``CapacityExpansion``,
/// ``StagedCapacityExpansion``) on given capacity variables: PV used ≤ kWdc × PV per kWdc; battery
/// charge and discharge ≤ its power, stored energy between `soc_min` and `soc_max` of its energy,
/// cyclic over the year but for a share of the initial charge; gensets n_t ≤ N units (relaxed),
/// minimum load and derated rating; unserved demand; the year's unserved and intensity limits.
/// Each hourly quantity is priced by the year's present-worth factors (``Prices``).
struct CapacityYearBlock {
    /// The capacity variables the year runs on (`nil`: the component is not sized).
    struct Capacities {
        var pv: LinearProgram.Variable
        var energy, power, units: LinearProgram.Variable?
    }

    /// Present-worth prices of the year's hourly quantities.
    struct Prices {
        /// Present worth of a plain yearly amount (O&M, unserved) and of a litre of fuel with its carbon.
        var plainWorth, perLitre: Double
        /// Wear of a kWh discharged and of a genset unit-hour.
        var dischargeWear, unitHourWear: Double
        /// Share of the battery's energy the year may end below its start (the initial charge drawn once).
        var drawnShare: Double
    }

    private(set) var unserved: [LinearProgram.Variable] = [], commitment: [LinearProgram.Variable] = [], output: [LinearProgram.Variable] = []
    let loadKW: [Double]
    let diesel: DieselConfig
    let unitKW: Double

    /// Adds the year's hours to `program`.
    init(program: inout LinearProgram, capacities c: Capacities, loadKW: [Double], pvPerKW: [Double], ratingFactor: [Double],
         battery: BatteryConfig, diesel: DieselConfig, unitKW: Double, prices: Prices, assumptions a: EconomicAssumptions) {
        self.loadKW = loadKW
        self.diesel = diesel
        self.unitKW = unitKW
        let retention = pow(1 - battery.selfDischargePerDay, 1.0 / 24)
        var previousEnergy: LinearProgram.Variable?, firstEnergyRow: (LinearProgram.Variable, LinearProgram.Variable, LinearProgram.Variable)?
        for t in loadKW.indices {
            let used = program.addVariable()
            program.addConstraint([used: 1, c.pv: -pvPerKW[t]], upper: 0)
            let short = program.addVariable(upper: loadKW[t], objective: a.unservedPenaltyPerKWh * prices.plainWorth)
            unserved.append(short)
            var terms: [LinearProgram.Variable] = [used, short], coefficients = [1.0, 1.0]
            if let energy = c.energy, let power = c.power {
                let charge = program.addVariable(), discharge = program.addVariable(objective: prices.dischargeWear), stored = program.addVariable()
                program.addConstraint([charge: 1, power: -1], upper: 0)
                program.addConstraint([discharge: 1, power: -1], upper: 0)
                program.addConstraint([stored: 1, energy: -battery.socMax], upper: 0)
                program.addConstraint([stored: 1, energy: -battery.socMin], lower: 0)
                if let previousEnergy {
                    program.addConstraint([stored: 1, previousEnergy: -retention, charge: -battery.chargeEfficiency,
                                           discharge: 1 / battery.dischargeEfficiency], lower: 0, upper: 0)
                } else {
                    firstEnergyRow = (stored, charge, discharge)
                }
                previousEnergy = stored
                terms += [discharge, charge]
                coefficients += [1, -1]
            }
            if let units = c.units {
                let n = program.addVariable(objective: a.dieselOMPerHour * prices.plainWorth + noLoadLPerUnitHour * prices.perLitre + prices.unitHourWear)
                let g = program.addVariable(objective: diesel.fuelSlopeLPerKWh * prices.perLitre)
                program.addConstraint([n: 1, units: -1], upper: 0)
                program.addConstraint([g: 1, n: -unitKW * ratingFactor[t]], upper: 0)
                program.addConstraint([g: 1, n: -diesel.minLoadRatio * unitKW], lower: 0)
                commitment.append(n)
                output.append(g)
                terms.append(g)
                coefficients.append(1)
            }
            program.addConstraint(variables: terms, coefficients: coefficients, lower: loadKW[t], upper: loadKW[t])
        }
        // The year is cyclic: the first hour starts from the last hour's stored energy, plus at most
        // this year's share of the initial charge a simulated run may end below.
        if let (stored, charge, discharge) = firstEnergyRow, let last = previousEnergy, let energy = c.energy {
            let drawn = program.addVariable()
            program.addConstraint([drawn: 1, energy: -prices.drawnShare], upper: 0)
            program.addConstraint([stored: 1, last: -retention, charge: -battery.chargeEfficiency,
                                   discharge: 1 / battery.dischargeEfficiency, drawn: -1], lower: 0, upper: 0)
        }
    }

    /// Unserved energy and emissions over the year within `config`'s limits.
    func addLimits(to program: inout LinearProgram, config: SizeConfig, kgPerL: Double) {
        let demand = loadKW.reduce(0, +)
        program.addConstraint(variables: unserved, coefficients: Array(repeating: 1, count: unserved.count),
                              upper: config.maxUnservedFraction * demand)
        guard let limit = config.maxIntensityGPerKWh, !commitment.isEmpty else { return }
        // kg·1000 from fuel ≤ limit × (demand − unserved): fuel terms + limit·unserved ≤ limit·demand.
        let variables = commitment + output + unserved
        let coefficients = Array(repeating: noLoadLPerUnitHour * kgPerL * 1000, count: commitment.count)
            + Array(repeating: diesel.fuelSlopeLPerKWh * kgPerL * 1000, count: output.count)
            + Array(repeating: limit, count: unserved.count)
        program.addConstraint(variables: variables, coefficients: coefficients, upper: limit * demand)
    }

    /// No-load fuel of one committed unit for an hour, L (F₀ · rating).
    var noLoadLPerUnitHour: Double { diesel.fuelInterceptLPerKWhRated * unitKW }

    /// Fuel burnt in the year of the solution, L.
    func fuelLitres(_ solution: Solution) -> Double {
        zip(commitment, output).reduce(0) { total, pair in
            total + noLoadLPerUnitHour * solution[pair.0] + diesel.fuelSlopeLPerKWh * solution[pair.1]
        }
    }

    /// Energy served in the year of the solution, kWh.
    func servedKWh(_ solution: Solution) -> Double {
        loadKW.reduce(0, +) - unserved.reduce(0) { $0 + solution[$1] }
    }
}

/// The genset fleet on an islanded bus below one minute (docs/transients.md): a speed governor with
/// droop and a first-order engine and actuator lag, and the rotor's inertia setting the bus
/// frequency through the swing equation (P. Kundur, *Power System Stability and Control*,
/// McGraw-Hill 1994: §3.9 the swing equation, 2H/ω₀ · dω/dt = P_m − P_e in per unit of the rating;
/// §9.1 the governor with speed droop R, whose steady state moves frequency by R × ΔP / P_rated).
/// State: bus frequency and mechanical power. Sources other than the gensets (battery, PV) enter as
/// their electrical power on the bus.
public struct GensetDynamics: Sendable, Equatable {
    /// Nominal frequency, Hz.
    public let nominalHz: Double
    /// Rating of the running units, kW (kVA at unity power factor).
    public private(set) var ratedKW: Double
    /// Inertia constant of the running units, s (stored kinetic energy at nominal speed over the rating).
    public let inertiaS: Double
    /// Speed droop, per unit frequency per unit power (0.04: 4 %).
    public let droop: Double
    /// Time constant of governor, actuator and engine, s.
    public let timeConstantS: Double
    /// The mechanical power the governor holds at nominal frequency, kW (the operating point).
    public let setpointKW: Double
    /// Bus frequency now, Hz.
    public private(set) var frequencyHz: Double
    /// Mechanical power now, kW.
    public private(set) var mechanicalKW: Double

    /// Units of `ratedKW` in all at `setpointKW`, in equilibrium at nominal frequency.
    public init(nominalHz: Double, ratedKW: Double, inertiaS: Double, droop: Double, timeConstantS: Double, setpointKW: Double) {
        self.nominalHz = nominalHz
        self.ratedKW = ratedKW
        self.inertiaS = inertiaS
        self.droop = droop
        self.timeConstantS = timeConstantS
        self.setpointKW = setpointKW
        frequencyHz = nominalHz
        mechanicalKW = setpointKW
    }

    /// Advances `seconds` with `loadKW` on the bus and `otherSourcesKW` supplied by the rest of the
    /// plant: the governor's target is the setpoint less the droop's share of the frequency error
    /// (within 0 and the rating), mechanical power follows it with the lag, and the imbalance of
    /// mechanical and electrical power accelerates the rotors (explicit Euler; keep `seconds` well
    /// below the time constant). The gensets' electrical output is what the bus asks of them.
    /// Returns the gensets' electrical output, kW.
    @discardableResult
    public mutating func step(seconds: Double, loadKW: Double, otherSourcesKW: Double) -> Double {
        let electricalKW = loadKW - otherSourcesKW
        let deviation = (frequencyHz - nominalHz) / nominalHz
        let targetKW = min(ratedKW, max(0, setpointKW - deviation / droop * ratedKW))
        mechanicalKW += (targetKW - mechanicalKW) * min(1, seconds / timeConstantS)
        frequencyHz += nominalHz / (2 * inertiaS) * (mechanicalKW - electricalKW) / ratedKW * seconds
        return electricalKW
    }

    /// The frequency the droop settles at with the gensets carrying `electricalKW`, Hz:
    /// f₀ (1 − R (P − P_set) / P_rated).
    public func steadyStateHz(electricalKW: Double) -> Double {
        nominalHz * (1 - droop * (electricalKW - setpointKW) / ratedKW)
    }

    /// A unit of `unitKW` joins the bus at its frequency: the rating, and with it the rotors' kinetic
    /// energy (the same inertia constant per unit) and the droop's gain in kW, grow; the setpoint
    /// stays, so the new unit takes its share of load through the droop.
    public mutating func addUnit(unitKW: Double) {
        ratedKW += unitKW
    }
}

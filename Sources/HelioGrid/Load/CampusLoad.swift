/// The campus demand on the simulation step: IT power and facility power (IT plus cooling).
public struct CampusLoad: Sendable {
    /// IT power per step, kW.
    public var itKW: [Double]
    /// Facility power per step (what the microgrid must serve), kW.
    public var facilityKW: [Double]
    /// Creates a load from per-step IT and facility power in kW.
    public init(itKW: [Double], facilityKW: [Double]) {
        self.itKW = itKW
        self.facilityKW = facilityKW
    }

    /// IT power computed from facility power by dividing by PUE(ambient), for CSV facility loads.
    public static func fromFacility(_ facilityKW: [Double], ambientC: [Double], cooling: CoolingModel) -> CampusLoad {
        let it = zip(facilityKW, ambientC).map { $0 / cooling.pue(ambientC: $1) }
        return CampusLoad(itKW: it, facilityKW: facilityKW)
    }

    /// Facility power computed from IT power times PUE(ambient).
    public static func fromIT(_ itKW: [Double], ambientC: [Double], cooling: CoolingModel) -> CampusLoad {
        let facility = zip(itKW, ambientC).map { $0 * cooling.pue(ambientC: $1) }
        return CampusLoad(itKW: itKW, facilityKW: facility)
    }
}

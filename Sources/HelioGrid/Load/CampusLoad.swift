/// The campus demand on the simulation step: IT power and facility power (IT plus cooling, plus
/// the battery's auxiliaries when it has any).
public struct CampusLoad: Sendable {
    /// IT power per step, kW.
    public var itKW: [Double]
    /// Facility power per step (what the microgrid must serve), kW.
    public var facilityKW: [Double]
    /// Battery auxiliary power (HVAC, BMS) included in every step of ``facilityKW``, kW.
    public private(set) var batteryAuxiliaryKW = 0.0
    /// Creates a load from per-step IT and facility power in kW.
    public init(itKW: [Double], facilityKW: [Double]) {
        self.itKW = itKW
        self.facilityKW = facilityKW
    }

    /// The same load with a battery's auxiliaries drawing `kW` at every step: the battery is online
    /// throughout a simulated year, and its HVAC and controls hang on the campus bus like the cooling,
    /// inside the facility energy of ISO/IEC 30134-2 as UPS losses are.
    public func addingBatteryAuxiliary(kW: Double) -> CampusLoad {
        guard kW > 0 else { return self }
        var load = CampusLoad(itKW: itKW, facilityKW: facilityKW.map { $0 + kW })
        load.batteryAuxiliaryKW = batteryAuxiliaryKW + kW
        return load
    }

    /// IT power computed from facility power by dividing by PUE(ambient), for CSV facility loads (the
    /// measured facility power already holds whatever fixed overhead the site has).
    public static func fromFacility(_ facilityKW: [Double], ambientC: [Double], cooling: CoolingModel) -> CampusLoad {
        let it = zip(facilityKW, ambientC).map { $0 / cooling.pue(ambientC: $1) }
        return CampusLoad(itKW: it, facilityKW: facilityKW)
    }

    /// Facility power computed from IT power (``CoolingModel/facilityKW(itKW:ambientC:designITKW:)``)
    /// in a hall designed for `designITKW`.
    public static func fromIT(_ itKW: [Double], ambientC: [Double], cooling: CoolingModel, designITKW: Double) -> CampusLoad {
        let facility = zip(itKW, ambientC).map { cooling.facilityKW(itKW: $0, ambientC: $1, designITKW: designITKW) }
        return CampusLoad(itKW: itKW, facilityKW: facility)
    }
}

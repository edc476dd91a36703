import HelioGrid

/// One design of a sizing study: the sizes of the campus's PV, battery and gensets, and the battery's
/// augmentation policy.
public struct SizingDesign: Sendable, Equatable, Hashable {
    /// PV, kWdc (0: none).
    public var pvKW: Double
    /// Battery energy, kWh (0: none).
    public var batteryKWh: Double
    /// Battery power, kW.
    public var batteryKW: Double
    /// Gensets (0: none).
    public var dieselUnits: Int
    /// Genset unit rating, kW.
    public var dieselUnitKW: Double
    /// How the battery's cells are kept over the project.
    public var augmentation: BatteryAugmentation

    /// Creates a design; sizes in kWdc, kWh, kW, units.
    public init(pvKW: Double, batteryKWh: Double, batteryKW: Double, dieselUnits: Int, dieselUnitKW: Double,
                augmentation: BatteryAugmentation = .replace) {
        self.augmentation = augmentation
        self.pvKW = pvKW
        self.batteryKWh = batteryKWh
        self.batteryKW = batteryKW
        self.dieselUnits = dieselUnits
        self.dieselUnitKW = dieselUnitKW
    }

    /// `base` with this design's sizes: a component sized 0 is removed, a component the base lacks
    /// takes the defaults of its section.
    public func applied(to base: Scenario) -> Scenario {
        var scenario = base
        if pvKW > 0 {
            var pv = base.pv ?? PVConfig(dcKW: pvKW)
            pv.dcKW = pvKW
            scenario.pv = pv
        } else {
            scenario.pv = nil
        }
        if batteryKWh > 0, batteryKW > 0 {
            var battery = base.battery ?? BatteryConfig(energyKWh: batteryKWh, powerKW: batteryKW)
            battery.energyKWh = batteryKWh
            battery.powerKW = batteryKW
            battery.augmentation = augmentation
            scenario.battery = battery
        } else {
            scenario.battery = nil
        }
        if dieselUnits > 0 {
            var diesel = base.diesel ?? DieselConfig(units: dieselUnits, unitKW: dieselUnitKW)
            diesel.units = dieselUnits
            diesel.unitKW = dieselUnitKW
            scenario.diesel = diesel
        } else {
            scenario.diesel = nil
        }
        return scenario
    }
}

import HelioGrid

/// One design of a staged sizing study (`[size] stages`): the plant installed by each stage —
/// cumulative, never falling — and the battery's augmentation policy. Stage 1 is bought on day one;
/// each later stage's growth is an expansion bought for its year.
public struct StagedDesign: Sendable, Hashable {
    /// The stages' project years, from 1.
    public var stageYears: [Int]
    /// Installed by each stage: PV kWdc, battery kWh and kW, gensets.
    public var pvKW, batteryKWh, batteryKW: [Double]
    public var dieselUnits: [Int]
    /// Genset unit rating, kW.
    public var dieselUnitKW: Double
    /// How the battery's cells are kept over the project.
    public var augmentation: BatteryAugmentation

    /// Creates a design; see the properties.
    public init(stageYears: [Int], pvKW: [Double], batteryKWh: [Double], batteryKW: [Double], dieselUnits: [Int], dieselUnitKW: Double,
                augmentation: BatteryAugmentation) {
        self.stageYears = stageYears
        self.pvKW = pvKW
        self.batteryKWh = batteryKWh
        self.batteryKW = batteryKW
        self.dieselUnits = dieselUnits
        self.dieselUnitKW = dieselUnitKW
        self.augmentation = augmentation
    }

    /// The plant installed by stage `index` as a single-stage design.
    public func stage(_ index: Int) -> SizingDesign {
        SizingDesign(pvKW: pvKW[index], batteryKWh: batteryKWh[index], batteryKW: batteryKW[index], dieselUnits: dieselUnits[index],
                     dieselUnitKW: dieselUnitKW, augmentation: augmentation)
    }

    /// The plant of the last stage.
    public var final: SizingDesign { stage(stageYears.count - 1) }

    /// Whether it can be built: nothing falls from one stage to the next, and a component absent on
    /// day one is never added (an expansion extends a section the day-one plant has).
    public var isBuildable: Bool {
        func rising(_ values: [Double]) -> Bool { zip(values, values.dropFirst()).allSatisfy { $0 <= $1 } }
        func presentFromStart(_ values: [Double]) -> Bool { values[0] > 0 || values.allSatisfy { $0 == 0 } }
        let units = dieselUnits.map(Double.init)
        return [pvKW, batteryKWh, batteryKW, units].allSatisfy { rising($0) && presentFromStart($0) }
    }

    /// The growth at each later stage, as `[[expansions]]` (stages that add nothing left out).
    public var expansions: [PlantExpansion] {
        stageYears.indices.dropFirst().compactMap { index in
            let expansion = PlantExpansion(year: stageYears[index], pvKW: pvKW[index] - pvKW[index - 1],
                                           batteryKWh: batteryKWh[index] - batteryKWh[index - 1], batteryKW: batteryKW[index] - batteryKW[index - 1],
                                           dieselUnits: dieselUnits[index] - dieselUnits[index - 1])
            return expansion.isEmpty ? nil : expansion
        }
    }

    /// `base` with this design: stage 1's plant (``SizingDesign/applied(to:)``) and the later stages' growth.
    public func applied(to base: Scenario) -> Scenario {
        var scenario = stage(0).applied(to: base)
        scenario.expansions = expansions
        return scenario
    }

    /// The design that builds stage `index`'s plant on day one and adds nothing after.
    public func builtOnDayOne(stage index: Int) -> StagedDesign {
        let count = stageYears.count
        return StagedDesign(stageYears: stageYears, pvKW: Array(repeating: pvKW[index], count: count),
                            batteryKWh: Array(repeating: batteryKWh[index], count: count), batteryKW: Array(repeating: batteryKW[index], count: count),
                            dieselUnits: Array(repeating: dieselUnits[index], count: count), dieselUnitKW: dieselUnitKW, augmentation: augmentation)
    }
}

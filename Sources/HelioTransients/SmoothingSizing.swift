import Foundation
import HelioGrid

/// The sizing rule of docs/transients.md: the smallest battery power and energy that keep the
/// gensets within the target ISO 8528-5 class with at most the allowed share of the campus's
/// variation energy reaching them in the band, and, as the alternative, the lowest GPU power floor
/// that does the same, compared by cost (battery capital cost against the energy the floor burns
/// while the training runs undisturbed, over a year of training).
///
/// Each answer is a bisection over one setting, assuming the limits hold from some setting on: the
/// largest genset ramp limit (or the shortest low-pass time constant) with the battery unlimited,
/// and the lowest floor with the battery holding its hourly power.
public struct SmoothingSizing: Sendable {
    /// The storage answer.
    public var battery: BatterySmoothingOption
    /// The GPU-side answer.
    public var gpuFloor: GPUFloorOption

    /// Bisection steps of each search.
    static let iterations = 30

    /// Runs of the window the two searches make at most: each tries both ends, then bisects.
    static let maximumRuns = 2 * (2 + iterations)

    /// Both answers for `model` in `scenario`.
    public init(model: TransientModel, scenario: Scenario) {
        battery = Self.sizeBattery(model, scenario: scenario)
        gpuFloor = Self.sizeFloor(model, scenario: scenario)
    }

    private static func meets(_ model: TransientModel, _ mitigation: Mitigation) -> TransientOutcome? {
        let outcome = TransientOutcome(model.run(mitigation), model: model)
        return outcome.meets(model.config.targetClass, maxInBand: model.config.maxInBandFraction) ? outcome : nil
    }

    private static func sizeBattery(_ model: TransientModel, scenario: Scenario) -> BatterySmoothingOption {
        let lowPass = model.config.policy == .lowPass
        let trial: (Double) -> Mitigation = { value in
            Mitigation(smoothing: lowPass ? LowPassSmoothing(timeConstantS: value) as any StorageSmoothing : RampRateLimit(rampKWPerS: value),
                       unlimitedBattery: true)
        }
        let held = TransientOutcome(model.run(Mitigation(smoothing: HeldBattery(), unlimitedBattery: true)), model: model)
        // Gentlest end first: a ramp as fast as the load's own, or a filter of one step.
        let gentle = lowPass ? model.stepSeconds : max(1, held.maxGensetRampKWPerS)
        let strict = lowPass ? 600.0 : 1.0
        let installed = scenario.battery?.powerKW ?? 0
        var found: (value: Double, outcome: TransientOutcome)?
        if let outcome = held.meets(model.config.targetClass, maxInBand: model.config.maxInBandFraction) ? held : nil {
            found = (gentle, outcome)
        } else if let outcome = meets(model, trial(strict)) {
            var pass = (strict, outcome), failing = gentle
            for _ in 0..<iterations {
                let middle = (pass.0 * failing).squareRoot()
                if let outcome = meets(model, trial(middle)) { pass = (middle, outcome) } else { failing = middle }
            }
            found = pass
        }
        guard let found else {
            return BatterySmoothingOption(policy: lowPass ? "low-pass" : "ramp", parameter: nil, outcome: nil, requiredPowerKW: 0,
                                          smoothingPowerKW: 0, smoothingEnergyKWh: 0, capex: 0, installedKW: installed)
        }
        let window = (scenario.battery?.socMax ?? 0.95) - (scenario.battery?.socMin ?? 0.10)
        let energy = found.outcome.smoothingEnergyKWh / window, power = found.outcome.smoothingPeakKW
        let economics = scenario.economics
        return BatterySmoothingOption(policy: lowPass ? "low-pass" : "ramp", parameter: found.value, outcome: found.outcome,
                                      requiredPowerKW: found.outcome.batteryPeakKW, smoothingPowerKW: power, smoothingEnergyKWh: energy,
                                      capex: power * economics.batteryCapexPerKW + energy * economics.batteryCapexPerKWh, installedKW: installed)
    }

    private static func sizeFloor(_ model: TransientModel, scenario: Scenario) -> GPUFloorOption {
        let trial: (Double) -> Mitigation = { Mitigation(smoothing: HeldBattery(), gpu: model.configuredGPUSmoothing(floorShare: $0)) }
        var found: (share: Double, outcome: TransientOutcome)?
        if let outcome = meets(model, trial(1)) {
            var pass = (1.0, outcome), failing = 0.0
            if let outcome = meets(model, trial(0)) { pass = (0, outcome) }
            for _ in 0..<iterations where pass.0 > 0 {
                let middle = (pass.0 + failing) / 2
                if let outcome = meets(model, trial(middle)) { pass = (middle, outcome) } else { failing = middle }
            }
            found = pass
        }
        guard let found, let diesel = scenario.diesel else {
            return GPUFloorOption(floorShare: nil, outcome: nil, burnedKWhPerYear: 0, costPerYear: 0, lifetimeCost: 0)
        }
        let perYear = found.outcome.gpuBurnedSteadyKW * model.config.trainingHoursPerYear
        let costPerKWh = diesel.fuelSlopeLPerKWh * (scenario.economics.fuelPricePerL + diesel.co2KgPerL / 1000 * scenario.carbon.pricePerT)
        let costPerYear = perYear * costPerKWh
        return GPUFloorOption(floorShare: found.share, outcome: found.outcome, burnedKWhPerYear: perYear, costPerYear: costPerYear,
                              lifetimeCost: costPerYear * annuityFactor(rate: scenario.economics.discountRate, years: scenario.economics.projectYears))
    }

    /// Present value of 1 a year for `years` at `rate`.
    static func annuityFactor(rate: Double, years: Int) -> Double {
        rate > 0 ? (1 - pow(1 + rate, -Double(years))) / rate : Double(years)
    }
}

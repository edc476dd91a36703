import Dispatch
import HelioForecast
import HelioGrid

/// Runs forward plans (``ForwardPlan``) for the API one at a time on a thread of their own, never
/// on Swift's cooperative pool: a plan steps the strategy at every control interval of its hours
/// (and re-plans the MPC as it goes), up to a second of CPU, and on a two-core machine a few at
/// once on the pool would hold up the control loop's intervals. Requests queue behind the plan
/// under way; the loop never waits for one (it hands over a copy of its state, ``ForwardPlanStart``).
final class ForwardPlanner: Sendable {
    private let scenario: Scenario
    private let inputs: SimulationInputs
    private let weather: WeatherForecastOverlay?
    private let ensemble: AnalogEnsemble?
    private let queue = DispatchQueue(label: "heliogrid.forward-plan")

    /// A planner for `scenario` on `inputs`' modelled year and `weather`'s received forecasts, the
    /// hours' bands from `ensemble`.
    init(scenario: Scenario, inputs: SimulationInputs, weather: WeatherForecastOverlay?, ensemble: AnalogEnsemble? = nil) {
        self.scenario = scenario
        self.inputs = inputs
        self.weather = weather
        self.ensemble = ensemble
    }

    /// `hours` hourly rows from `time`, stepped from `start` (``ForwardPlan/hours(scenario:inputs:weather:start:at:hours:)``).
    func hours(from start: ForwardPlanStart, at time: PlantTime, hours: Int) async -> [ForecastHour] {
        await withCheckedContinuation { continuation in
            queue.async { [scenario, inputs, weather, ensemble] in
                continuation.resume(returning: ForwardPlan.hours(scenario: scenario, inputs: inputs, weather: weather, ensemble: ensemble,
                                                                 start: start, at: time, hours: hours))
            }
        }
    }
}

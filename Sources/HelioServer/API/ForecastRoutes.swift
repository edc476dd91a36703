import HelioForecast
import HelioGrid
import Hummingbird

/// The hours ahead, under `/v1`: the forward plan (`forecasts`, `power-budget` with the flexible
/// headroom), the tariff (`prices`) and the received weather forecast (`weather-forecast`).
struct ForecastRoutes {
    let services: EMSServices

    func add(to v1: RouterGroup<EMSRequestContext>) {
        let scenario = services.scenario, inputs = services.inputs, weather = services.weather
        v1.getAndHead("forecasts") { request, _ in try JSONResponse.make(try await services.forecast(request, defaultHours: 48)) }
        v1.getAndHead("power-budget") { request, _ in
            let hours = try await services.forecast(request, defaultHours: 24)
            return try JSONResponse.make(PowerBudget(hours: hours, headroom: try await JobRoutes(services: services).headroom(hours)))
        }
        v1.getAndHead("prices") { request, _ in
            guard let grid = scenario.connectedGrid else { throw HTTPError(.notFound, message: "the campus has no grid connection ([grid] enabled = false)") }
            let hours = try request.uri.queryParameters.get("hours").map { try TimeRangeQuery.integer($0, name: "hours", in: 1...168) } ?? 48
            return try JSONResponse.make(PriceForecast(grid: grid, currency: scenario.economics.currency, inputs: inputs,
                                                       nowMS: await services.now().unixMS, count: hours))
        }
        v1.getAndHead("weather-forecast") { _, _ in try JSONResponse.make(weather.hours(fromMS: await services.now().unixMS)) }
        v1.put("weather-forecast") { request, context in try await receiveWeather(request, context: context) }
    }

    /// `PUT /v1/weather-forecast`: an Open-Meteo-shaped JSON answer or HelioGrid's forecast CSV, run
    /// through the PV model onto clock hours, stored, and used by the MPC and the forward plan from
    /// the next re-plan. A bad forecast is refused whole (422, naming the key or line).
    private func receiveWeather(_ request: Request, context: EMSRequestContext) async throws -> Response {
        let buffer = try await JSONResponse.body(of: request, context: context)
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self), !text.contains("\0") else {
            throw HTTPError(.badRequest, message: "the body is not UTF-8 text")
        }
        let hours: [LiveWeatherHour], now = await services.now().unixMS
        do {
            hours = try services.weather.apply(WeatherForecastLoader.read(text, source: "weather forecast"), source: "weather forecast", nowMS: now)
        } catch let error as HelioError {
            throw HTTPError(.unprocessableContent, message: error.description)
        }
        try await services.store.save(weatherForecast: hours, receivedMS: now)
        return try JSONResponse.make(hours)
    }
}

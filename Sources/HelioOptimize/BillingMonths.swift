import HelioGrid

/// Which calendar month a plan step falls in, for monthly demand charges over a receding horizon
/// (docs/grid.md): in simulation plan steps are the run's steps (each year the base year's months,
/// ``TimeAxis/monthStartSteps``); live they are clock steps from the Unix epoch, read in the site's
/// standard time. Months are numbered on from any origin: consecutive months differ by one.
public struct BillingMonths: Sendable {
    private enum Clock: Sendable {
        case simulation(stepsPerYear: Int, monthStarts: [Int])
        case live(stepHours: Double, utcOffsetMinutes: Int)
    }

    private let clock: Clock

    /// The months of a simulation on `axis`, plan steps being the run's steps.
    public init(simulation axis: TimeAxis) {
        clock = .simulation(stepsPerYear: axis.stepsPerYear, monthStarts: axis.monthStartSteps)
    }

    /// The months of the live clock: plan steps of `stepHours` from the Unix epoch, at `utcOffsetMinutes`.
    public init(liveStepHours stepHours: Double, utcOffsetMinutes: Int) {
        clock = .live(stepHours: stepHours, utcOffsetMinutes: utcOffsetMinutes)
    }

    /// Plan steps from `step` to the first step of the next month.
    public func stepsToNextMonth(from step: Int) -> Int {
        if case let .simulation(stepsPerYear, monthStarts) = clock {
            let inYear = step % stepsPerYear
            return (monthStarts.first { $0 > inYear } ?? stepsPerYear) - inYear
        }
        let month = month(ofStep: step)
        var next = step + 1
        while self.month(ofStep: next) == month { next += 1 }
        return next - step
    }

    /// The month plan step `step` lies in.
    public func month(ofStep step: Int) -> Int {
        switch clock {
        case let .simulation(stepsPerYear, monthStarts):
            let year = step / stepsPerYear, inYear = step % stepsPerYear
            return year * 12 + (monthStarts.lastIndex { $0 <= inYear } ?? 0)
        case let .live(stepHours, offset):
            let localMinutes = Int((Double(step) * stepHours * 60).rounded(.down)) + offset
            let (year, month, _) = CivilCalendar.civilDate(daysFromEpoch: Int((Double(localMinutes) / 1440).rounded(.down)))
            return year * 12 + month - 1
        }
    }
}

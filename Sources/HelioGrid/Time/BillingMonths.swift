/// Which calendar month — the billing period of a monthly demand charge and the month of the
/// report's tables — a step falls in; the one place HelioGrid works it out (docs/grid.md). In
/// simulation steps are the run's steps (each year the base year's months in the site's standard
/// time, ``TimeAxis``); live they are clock steps from the Unix epoch, read in the site's standard
/// time. Months are numbered on from any origin: consecutive months differ by one, and a
/// simulation's month `m` of year `y` is `12 y + m`.
public struct BillingMonths: Sendable {
    private enum Clock: Sendable {
        case simulation(stepsPerYear: Int, monthOfStep: [UInt8], ranges: [Range<Int>])
        case live(stepHours: Double, utcOffsetMinutes: Int)
    }

    private let clock: Clock

    /// The months of a simulation on `axis`, steps being the run's steps.
    public init(simulation axis: TimeAxis) {
        let starts = (1...12).map { CivilCalendar.minuteOfYear(month: $0, day: 1, hour: 0, minute: 0) / axis.stepMinutes } + [axis.stepsPerYear]
        let ranges = (0..<12).map { starts[$0]..<starts[$0 + 1] }
        var monthOfStep = [UInt8](repeating: 0, count: axis.stepsPerYear)
        for (month, range) in ranges.enumerated() { for step in range { monthOfStep[step] = UInt8(month) } }
        clock = .simulation(stepsPerYear: axis.stepsPerYear, monthOfStep: monthOfStep, ranges: ranges)
    }

    /// The months of the live clock: steps of `stepHours` from the Unix epoch, at `utcOffsetMinutes`.
    public init(liveStepHours stepHours: Double, utcOffsetMinutes: Int) {
        clock = .live(stepHours: stepHours, utcOffsetMinutes: utcOffsetMinutes)
    }

    /// The steps of each calendar month of the base year, January first (a simulation's; empty live).
    public var stepRangesOfYear: [Range<Int>] {
        guard case let .simulation(_, _, ranges) = clock else { return [] }
        return ranges
    }

    /// Steps from `step` to the first step of the next month.
    public func stepsToNextMonth(from step: Int) -> Int {
        if case let .simulation(stepsPerYear, _, ranges) = clock {
            let inYear = step % stepsPerYear
            return ranges[month(ofStep: step) % 12].upperBound - inYear
        }
        let month = month(ofStep: step)
        var next = step + 1
        while self.month(ofStep: next) == month { next += 1 }
        return next - step
    }

    /// The month step `step` lies in.
    @inline(__always)
    public func month(ofStep step: Int) -> Int {
        switch clock {
        case let .simulation(stepsPerYear, monthOfStep, _):
            return step / stepsPerYear * 12 + Int(monthOfStep[step % stepsPerYear])
        case let .live(stepHours, offset):
            let localMinutes = Int((Double(step) * stepHours * 60).rounded(.down)) + offset
            let (year, month, _) = CivilCalendar.civilDate(daysFromEpoch: Int((Double(localMinutes) / 1440).rounded(.down)))
            return year * 12 + month - 1
        }
    }
}

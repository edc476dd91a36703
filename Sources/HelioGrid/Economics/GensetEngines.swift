/// The genset engines as the life projection (``LifeProjection``) ages them past the simulated
/// years: each unit's hours and age since installation and hours since its last overhaul.
struct GensetEngines {
    private var hours: [Double], overhaulHours: [Double], years: [Int]

    /// The engines as `record`, a simulated year, left them.
    init(_ record: LifeYear) {
        hours = record.gensetHoursSinceInstall
        overhaulHours = record.gensetHoursSinceOverhaul.count == hours.count ? record.gensetHoursSinceOverhaul : hours
        years = record.gensetYearsSinceInstall.count == hours.count ? record.gensetYearsSinceInstall : Array(repeating: record.year, count: hours.count)
    }

    /// Units the simulation replaced at the end of the project's last year count as worn out (no
    /// salvage): they were not bought.
    mutating func markReplacedAsWorn(_ record: LifeYear, lives: ComponentLives) {
        guard record.gensetUnitsReplaced > 0 else { return }
        for index in hours.indices where hours[index] == 0 && record.gensetUnitHours[index] > 0 {
            hours[index] = lives.gensetHours
        }
    }

    /// One more year of `runHours` per unit: returns the units whose engines wear out (replaced when
    /// `buying`) and the overhauls due.
    mutating func age(runHours: [Double], lives: ComponentLives, buying: Bool) -> (replaced: Int, overhauled: Int) {
        var replaced = 0, overhauled = 0
        for index in hours.indices {
            hours[index] += runHours[index]
            overhaulHours[index] += runHours[index]
            years[index] += 1
            guard buying else { continue }
            if hours[index] >= lives.gensetHours || Double(years[index]) >= lives.gensetYears {
                (hours[index], overhaulHours[index], years[index]) = (0, 0, 0)
                replaced += 1
            } else if overhaulHours[index] >= lives.gensetOverhaulHours {
                overhaulHours[index] = 0
                overhauled += 1
            }
        }
        return (replaced, overhauled)
    }

    /// The engines' life left, in units: each the lesser of its hours and its years left.
    func lifeLeft(lives: ComponentLives) -> Double {
        hours.indices.reduce(0) { total, index in
            let byHours = max(0, lives.gensetHours - hours[index]) / lives.gensetHours
            let byYears = max(0, lives.gensetYears - Double(years[index])) / lives.gensetYears
            return total + min(byHours, byYears)
        }
    }
}

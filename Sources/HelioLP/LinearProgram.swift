/// A linear or mixed-integer program: minimise cᵀx subject to rowLower ≤ A x ≤ rowUpper and
/// lower ≤ x ≤ upper, some x integer. Built variable by variable and row by row; the solver sees
/// it only through ``Solver``, which hides the COIN-OR C API.
public struct LinearProgram: Sendable {
    /// A handle to one decision variable.
    public struct Variable: Hashable, Sendable {
        /// Column index in the program.
        public let index: Int
    }

    /// Lower bound of each variable.
    public private(set) var columnLower: [Double] = []
    /// Upper bound of each variable (`.infinity` for none).
    public private(set) var columnUpper: [Double] = []
    /// Objective coefficient of each variable.
    public private(set) var objective: [Double] = []
    /// Whether each variable must take an integer value.
    public private(set) var isInteger: [Bool] = []
    /// For an indicator column (``addIndicator(of:integer:)``), the column it indicates.
    public private(set) var indicated: [Int?] = []
    /// Lower bound of each constraint row (`-.infinity` for none).
    public private(set) var rowLower: [Double] = []
    /// Upper bound of each constraint row (`.infinity` for none).
    public private(set) var rowUpper: [Double] = []
    /// Non-zero coefficients as (row, column, value) triplets.
    private(set) var entryRow: [Int32] = []
    private(set) var entryColumn: [Int32] = []
    private(set) var entryValue: [Double] = []

    /// Creates an empty program.
    public init() {}

    /// Number of variables.
    public var variableCount: Int { objective.count }
    /// Number of constraint rows.
    public var constraintCount: Int { rowLower.count }
    /// Whether any variable is integer (then the program is a MILP).
    public var hasIntegers: Bool { isInteger.contains(true) }

    /// Adds a variable with bounds, objective coefficient and integrality.
    @discardableResult
    public mutating func addVariable(lower: Double = 0, upper: Double = .infinity, objective cost: Double = 0,
                                     integer: Bool = false) -> Variable {
        columnLower.append(lower)
        columnUpper.append(upper)
        objective.append(cost)
        isInteger.append(integer)
        indicated.append(nil)
        return Variable(index: objective.count - 1)
    }

    /// Adds y ∈ [0, 1], integer when `integer`, with y · upper(x) ≥ x: with y whole, y = 1 whenever
    /// x > 0 ("a unit runs" for a unit count x). The caller's other rows must only tighten as y
    /// grows, so that y = 0 is optimal when x = 0; ``Solver`` then fixes y with x (x ≥ 0 with a
    /// finite positive upper bound).
    public mutating func addIndicator(of variable: Variable, integer: Bool) -> Variable {
        let indicator = addVariable(upper: 1, integer: integer)
        indicated[indicator.index] = variable.index
        addConstraint([indicator: columnUpper[variable.index], variable: -1], lower: 0)
        return indicator
    }

    /// Adds `lower ≤ Σ coefficient · variable ≤ upper`; returns the row index.
    @discardableResult
    public mutating func addConstraint(_ terms: KeyValuePairs<Variable, Double>, lower: Double = -.infinity,
                                       upper: Double = .infinity) -> Int {
        appendRow(terms.lazy.map { ($0.key, $0.value) }, lower: lower, upper: upper)
    }

    /// Adds `Σ coefficient · variable = value`.
    @discardableResult
    public mutating func addEquality(_ terms: KeyValuePairs<Variable, Double>, _ value: Double) -> Int {
        addConstraint(terms, lower: value, upper: value)
    }

    /// Adds a row from parallel arrays of variables and coefficients (for rows of varying length).
    @discardableResult
    public mutating func addConstraint(variables: [Variable], coefficients: [Double], lower: Double = -.infinity,
                                       upper: Double = .infinity) -> Int {
        appendRow(zip(variables, coefficients), lower: lower, upper: upper)
    }

    /// Appends one row's non-zero terms and bounds; returns its index.
    private mutating func appendRow(_ terms: some Sequence<(Variable, Double)>, lower: Double, upper: Double) -> Int {
        for (variable, coefficient) in terms { addTerm(variable, coefficient) }
        return endRow(lower: lower, upper: upper)
    }

    /// Adds `coefficient · variable` to the row being built (``endRow(lower:upper:)`` closes it): rows
    /// built term by term allocate nothing beyond the program's own storage.
    public mutating func addTerm(_ variable: Variable, _ coefficient: Double) {
        guard coefficient != 0 else { return }
        entryRow.append(Int32(rowLower.count))
        entryColumn.append(Int32(variable.index))
        entryValue.append(coefficient)
    }

    /// Closes the row of the terms added since the last row, `lower ≤ Σ ≤ upper`; returns its index.
    @discardableResult
    public mutating func endRow(lower: Double = -.infinity, upper: Double = .infinity) -> Int {
        rowLower.append(lower)
        rowUpper.append(upper)
        return rowLower.count - 1
    }

    /// Multiplies the objective coefficients of the columns from `column` on by `factor` (the
    /// probability of a scenario whose columns were just added).
    public mutating func scaleObjective(from column: Int, by factor: Double) {
        for index in column..<objective.count { objective[index] *= factor }
    }


    /// Reserves storage for about `columns` more columns, `rows` more rows and `nonzeros` more
    /// coefficients, so a program of known shape is built without regrowing its arrays.
    public mutating func reserve(columns: Int, rows: Int, nonzeros: Int) {
        columnLower.reserveCapacity(columnLower.count + columns)
        columnUpper.reserveCapacity(columnUpper.count + columns)
        objective.reserveCapacity(objective.count + columns)
        isInteger.reserveCapacity(isInteger.count + columns)
        indicated.reserveCapacity(indicated.count + columns)
        rowLower.reserveCapacity(rowLower.count + rows)
        rowUpper.reserveCapacity(rowUpper.count + rows)
        entryRow.reserveCapacity(entryRow.count + nonzeros)
        entryColumn.reserveCapacity(entryColumn.count + nonzeros)
        entryValue.reserveCapacity(entryValue.count + nonzeros)
    }

    /// Checks that bounds are ordered and every number is finite (bounds may be infinite).
    func validate() throws {
        for index in 0..<variableCount {
            guard columnLower[index] <= columnUpper[index], !columnLower[index].isNaN, !columnUpper[index].isNaN,
                  objective[index].isFinite, columnLower[index] != .infinity, columnUpper[index] != -.infinity
            else {
                throw OptimizationError(.invalidModel, "variable \(index): bounds \(columnLower[index])…\(columnUpper[index]), cost \(objective[index])")
            }
        }
        for row in 0..<constraintCount where !(rowLower[row] <= rowUpper[row]) {
            throw OptimizationError(.invalidModel, "constraint \(row): bounds \(rowLower[row])…\(rowUpper[row])")
        }
        if let bad = entryValue.firstIndex(where: { !$0.isFinite }) {
            throw OptimizationError(.invalidModel, "constraint \(entryRow[bad]): coefficient \(entryValue[bad]) is not finite")
        }
    }

    /// The constraint matrix in compressed sparse column form (start, index, value), as Clp and Cbc load it.
    func compressedColumns() -> (start: [Int], index: [Int32], value: [Double]) {
        var start = [Int](repeating: 0, count: variableCount + 1)
        for column in entryColumn { start[Int(column) + 1] += 1 }
        for column in 0..<variableCount { start[column + 1] += start[column] }
        var next = start
        var index = [Int32](repeating: 0, count: entryValue.count)
        var value = [Double](repeating: 0, count: entryValue.count)
        for entry in entryValue.indices {
            let column = Int(entryColumn[entry])
            index[next[column]] = entryRow[entry]
            value[next[column]] = entryValue[entry]
            next[column] += 1
        }
        return (start, index, value)
    }
}

import GRDB
import HelioGrid

/// A job's class is stored in `jobs.class` as its raw value (`batch`, `training`).
extension JobClass: DatabaseValueConvertible {}

import ArgumentParser
import CairnCore
import CairnStore

/// The domain's closed word lists, read straight from the command line (`--sector health`).
extension Phase: ExpressibleByArgument {}
extension Sector: ExpressibleByArgument {}
extension Level: ExpressibleByArgument {}
extension ClusterKind: ExpressibleByArgument {}
extension Priority: ExpressibleByArgument {}
extension Direction: ExpressibleByArgument {}
extension ActionClass: ExpressibleByArgument {}
extension ActionStatus: ExpressibleByArgument {}
extension MemberType: ExpressibleByArgument {}
extension CSVExport.What: ExpressibleByArgument {}
extension RollUp.Period: ExpressibleByArgument {}

import ArgumentParser
import CairnCore

extension Phase: ExpressibleByArgument {}
extension Sector: ExpressibleByArgument {}
extension Level: ExpressibleByArgument {}
extension ClusterKind: ExpressibleByArgument {}

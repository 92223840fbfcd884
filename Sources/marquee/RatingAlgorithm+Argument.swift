import ArgumentParser
import RecPipeline

extension RatingAlgorithm: ExpressibleByArgument {}

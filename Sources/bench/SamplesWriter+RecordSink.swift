import BenchFormats
import Scenarios

extension SamplesWriter: RecordSink {}

import BenchFormats

/// A run's records go straight into the samples file.
extension SamplesWriter: RecordSink {}

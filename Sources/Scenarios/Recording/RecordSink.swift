import BenchFormats

/// Where finished records go: the samples writer in `bench`, an array in tests.
public protocol RecordSink: AnyObject {
    func write(_ record: SampleRecord) throws
}

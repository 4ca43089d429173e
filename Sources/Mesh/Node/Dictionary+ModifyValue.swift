extension Dictionary {
    /// Runs `body` on the value stored for `key`, in place; nil, and nothing inserted, when there
    /// is none. The node's per-packet bookkeeping (`ledgers[peer]?.recordSent(…)`,
    /// `connections[id]?.pending.removeValue(…)`) used optional chaining through the subscript,
    /// whose modify accessor heap-allocates its coroutine frame: three mallocs per update in a
    /// release build (Swift 6.3, counted with `perf probe` on `malloc`), several updates per
    /// Prepare. Going through `values[index]` mutates the same storage without them.
    @discardableResult
    mutating func modifyValue<Result, Failure: Error>(
        forKey key: Key, _ body: (inout Value) throws(Failure) -> Result
    ) throws(Failure) -> Result? {
        guard let index = index(forKey: key) else { return nil }
        return try body(&values[index])
    }
}

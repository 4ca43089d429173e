/// Reduces a time series to at most `maxPoints` points for charts with Largest-Triangle-Three-Buckets
/// (Steinarsson 2013): it keeps the first and last point and, per bucket, the point that spans the
/// largest triangle with its neighbours, so spikes and steps survive where plain averaging would
/// flatten them. Analysis (leak slopes, saturation) always runs on the full series, never on this.
public enum SeriesDownsampling {
    public static func lttb(t: [Double], values: [Double], maxPoints: Int) -> (t: [Double], values: [Double]) {
        let n = min(t.count, values.count)
        guard maxPoints >= 3, n > maxPoints else { return (Array(t.prefix(n)), Array(values.prefix(n))) }
        var outT = [t[0]]
        var outV = [values[0]]
        outT.reserveCapacity(maxPoints)
        outV.reserveCapacity(maxPoints)
        // Every bucket bound below is at most (maxPoints − 2)·bucketSize + 1 = n − 1: an index.
        let bucketSize = Double(n - 2) / Double(maxPoints - 2)
        var a = 0
        for bucket in 0..<(maxPoints - 2) {
            let start = Int(Double(bucket) * bucketSize) + 1
            let end = min(Int(Double(bucket + 1) * bucketSize) + 1, n - 1)
            // Average of the next bucket: the third corner of the triangle.
            let nextStart = end
            let nextEnd = min(Int(Double(bucket + 2) * bucketSize) + 1, n)
            var avgT = 0.0, avgV = 0.0
            let nextCount = max(nextEnd - nextStart, 1)
            for i in nextStart..<max(nextEnd, nextStart + 1) where i < n {
                avgT += t[i]
                avgV += values[i]
            }
            avgT /= Double(nextCount)
            avgV /= Double(nextCount)
            var best = start
            var bestArea = -1.0
            for i in start..<max(end, start + 1) {
                let area = abs((t[a] - avgT) * (values[i] - values[a]) - (t[a] - t[i]) * (avgV - values[a]))
                if area > bestArea {
                    bestArea = area
                    best = i
                }
            }
            outT.append(t[best])
            outV.append(values[best])
            a = best
        }
        outT.append(t[n - 1])
        outV.append(values[n - 1])
        return (outT, outV)
    }
}

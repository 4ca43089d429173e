// Google Benchmark fixture source: a few small benchmarks exercising what the MeshBench
// adapter reads (ranges, repetitions, threads, counters, aggregates).
#include <benchmark/benchmark.h>
#include <cstring>
#include <string>
#include <vector>

static void BM_StringCopy(benchmark::State& state) {
  std::string x = "hello world, this is a string";
  for (auto _ : state) {
    std::string copy(x);
    benchmark::DoNotOptimize(copy);
  }
}
BENCHMARK(BM_StringCopy);

static void BM_memcpy(benchmark::State& state) {
  std::vector<char> src(state.range(0), 'x'), dst(state.range(0));
  for (auto _ : state) {
    std::memcpy(dst.data(), src.data(), state.range(0));
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * state.range(0));
  state.counters["buffer_bytes"] = double(state.range(0));
}
BENCHMARK(BM_memcpy)->Arg(64)->Arg(4096);

static void BM_VectorPush(benchmark::State& state) {
  for (auto _ : state) {
    std::vector<int> v;
    for (int i = 0; i < 100; ++i) v.push_back(i);
    benchmark::DoNotOptimize(v.data());
  }
  state.SetItemsProcessed(state.iterations() * 100);
}
BENCHMARK(BM_VectorPush)->Threads(1)->Threads(2)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();

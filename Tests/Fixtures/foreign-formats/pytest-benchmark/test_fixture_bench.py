"""pytest-benchmark fixture source for MeshBench's adapter tests: two small benchmarks, one
parametrized, so the JSON holds groups, params and per-round data."""
import pytest


def build_list(n):
    return [i * i for i in range(n)]


@pytest.mark.parametrize("n", [100, 1000])
def test_build_list(benchmark, n):
    result = benchmark(build_list, n)
    assert len(result) == n


def test_sort(benchmark):
    data = list(range(500, 0, -1))
    benchmark.extra_info["items"] = len(data)
    benchmark(sorted, data)

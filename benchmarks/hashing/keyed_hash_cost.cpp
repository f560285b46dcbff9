// SPDX-License-Identifier: MIT
// What the keyed hash (SipHash-1-3, detail/keyed_hash.hpp; issue 20 item 5)
// costs a normal load, against libstdc++'s unkeyed std::hash (MurmurHash2)
// and the identity hash it replaced for integer pairs.
//
// A load hashes every actor id once (insert), both ends of every tie once
// (look-up) and every tie's actor pair once (repeat check). The tables are
// the same with either hash, so the difference of a load is the difference
// of those hash calls:
//   overhead = (t_keyed - t_unkeyed) / t_load
// with t_* the hashing time of exactly those calls on the file's own ids,
// and t_load the median time of read_csv on the same files.
//
// Usage: keyed_hash_cost ACTORS.csv TIES.csv [repetitions=5]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <healthnet/detail/keyed_hash.hpp>
#include <healthnet/io.hpp>

namespace hn = healthnet;
using clock_type = std::chrono::steady_clock;

namespace {

template <class F>
double median_seconds(int reps, F&& f) {
  std::vector<double> t;
  for (int r = 0; r < reps; ++r) {
    const auto t0 = clock_type::now();
    f();
    t.push_back(std::chrono::duration<double>(clock_type::now() - t0).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

volatile std::uint64_t sink = 0;  // keeps the hashes from being optimised away

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s ACTORS.csv TIES.csv [repetitions]\n", argv[0]);
    return 2;
  }
  const int reps = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
  hn::network net;
  const double load = median_seconds(reps, [&] { net = hn::read_csv(argv[1], argv[2]); });

  // The strings a load hashes: ids (insert) and tie ends (look-up), in file order.
  std::vector<std::string> strings;
  std::vector<std::uint64_t> pairs;
  strings.reserve(net.n_actors() + 2 * net.n_ties());
  for (const auto& a : net.actors()) strings.push_back(a.id);
  const auto actors = net.actors();
  for (const auto& [u, v] : net.tie_ends()) {
    strings.push_back(actors[u].id);
    strings.push_back(actors[v].id);
  }
  for (const auto& [u, v] : net.tie_ends()) pairs.push_back((std::uint64_t{u} << 32) | v);

  const double unkeyed_strings = median_seconds(reps, [&] {
    std::uint64_t h = 0;
    for (const auto& s : strings) h ^= std::hash<std::string_view>{}(s);
    sink = sink + h;
  });
  const double keyed_strings = median_seconds(reps, [&] {
    std::uint64_t h = 0;
    for (const auto& s : strings) h ^= hn::detail::keyed_hash(std::string_view(s));
    sink = sink + h;
  });
  const double identity_pairs = median_seconds(reps, [&] {
    std::uint64_t h = 0;
    for (const auto p : pairs) h ^= std::hash<std::uint64_t>{}(p);
    sink = sink + h;
  });
  const double keyed_pairs = median_seconds(reps, [&] {
    std::uint64_t h = 0;
    for (const auto p : pairs) h ^= hn::detail::keyed_hash(p);
    sink = sink + h;
  });

  const double extra = (keyed_strings - unkeyed_strings) + (keyed_pairs - identity_pairs);
  std::printf("actors %zu, ties %zu, repetitions %d (medians)\n", net.n_actors(), net.n_ties(), reps);
  std::printf("read_csv                          %10.1f ms\n", load * 1e3);
  std::printf("string hashes (%zu)     std::hash %8.2f ms (%.1f ns each), keyed %8.2f ms (%.1f ns each)\n",
              strings.size(), unkeyed_strings * 1e3, unkeyed_strings * 1e9 / strings.size(), keyed_strings * 1e3,
              keyed_strings * 1e9 / strings.size());
  std::printf("pair hashes (%zu)       identity  %8.2f ms, keyed %8.2f ms\n", pairs.size(), identity_pairs * 1e3,
              keyed_pairs * 1e3);
  std::printf("keyed hashing adds %.2f ms to a %.1f ms load: %.2f %% (target: at most 5 %%)\n", extra * 1e3, load * 1e3,
              100.0 * extra / load);
  return 0;
}

// SPDX-License-Identifier: MIT
// Metric functions on a const network are safe to call from several threads
// at once, including the first call, which builds the cached analysis view.
// Oracle: the same metrics computed single-threaded on an identical network
// (same generator and seed); results must be equal value for value.
#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <mutex>
#include <shared_mutex>
#include <cmath>
#include <cstddef>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include <healthnet/healthnet.hpp>
#include <healthnet/synthetic.hpp>

namespace hn = healthnet;

namespace {

constexpr std::size_t n_threads = 8;

/// Everything one thread computes.
struct results {
  std::vector<double> betweenness, weighted_betweenness, closeness;
  double transitivity{};
  std::vector<std::vector<std::string>> components;
  std::vector<std::uint32_t> strong_labels;
  hn::ei_result ei;
  std::vector<std::array<double, 6>> brokerage;
  std::vector<double> constraint;
  std::vector<hn::profile_entry> profile;
  double score_total{};
  std::vector<double> row_scores;
};

results compute(const hn::network& net, const hn::scorecard& card) {
  results r;
  r.betweenness = hn::betweenness(net);
  r.weighted_betweenness = hn::betweenness(net, {.weighted = true});
  r.closeness = hn::closeness(net);
  r.transitivity = hn::transitivity(net);
  r.components = hn::connected_components(net);
  r.strong_labels = hn::component_labels(net, true);
  const hn::grouping sectors = hn::group_actors(net, "sector");
  r.ei = hn::ei_index(net, sectors, 50, 7);  // seeded permutation test: no shared random state
  r.brokerage = hn::brokerage(net, sectors).counts;
  r.constraint = hn::constraint(net);
  r.profile = hn::profile(net);
  const auto scored = hn::evaluate(card, net, "de");
  r.score_total = scored.total;
  for (const auto& row : scored.rows) r.row_scores.push_back(row.score);
  return r;
}

// Equal, with NaN equal to NaN (undefined metrics are NaN in both).
bool same(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

void expect_same(const std::vector<double>& a, const std::vector<double>& b, const char* what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_TRUE(same(a[i], b[i])) << what << "[" << i << "]: " << a[i] << " vs " << b[i];
  }
}

void expect_same(const results& got, const results& want) {
  expect_same(got.betweenness, want.betweenness, "betweenness");
  expect_same(got.weighted_betweenness, want.weighted_betweenness, "weighted betweenness");
  expect_same(got.closeness, want.closeness, "closeness");
  EXPECT_TRUE(same(got.transitivity, want.transitivity));
  EXPECT_EQ(got.components, want.components);
  EXPECT_EQ(got.strong_labels, want.strong_labels);
  EXPECT_EQ(got.ei.internal, want.ei.internal);
  EXPECT_EQ(got.ei.external, want.ei.external);
  EXPECT_TRUE(same(got.ei.ei, want.ei.ei));
  EXPECT_TRUE(same(got.ei.p_greater_equal, want.ei.p_greater_equal));
  EXPECT_TRUE(same(got.ei.permutation_mean, want.ei.permutation_mean));
  ASSERT_EQ(got.brokerage.size(), want.brokerage.size());
  for (std::size_t i = 0; i < got.brokerage.size(); ++i) {
    for (std::size_t k = 0; k < 6; ++k) {
      EXPECT_TRUE(same(got.brokerage[i][k], want.brokerage[i][k])) << "brokerage " << i;
    }
  }
  expect_same(got.constraint, want.constraint, "constraint");
  ASSERT_EQ(got.profile.size(), want.profile.size());
  for (std::size_t i = 0; i < got.profile.size(); ++i) {
    EXPECT_EQ(got.profile[i].name, want.profile[i].name);
    EXPECT_TRUE(same(got.profile[i].value, want.profile[i].value)) << got.profile[i].name;
  }
  EXPECT_TRUE(same(got.score_total, want.score_total));
  expect_same(got.row_scores, want.row_scores, "scorecard rows");
}

hn::network region(bool directed, std::uint64_t seed) {
  hn::synthetic_options o;
  o.n_actors = 300;
  o.n_ties = 1500;
  o.directed = directed;
  o.weighted = true;
  o.seed = seed;
  return hn::synthetic_region(o);
}

// 8 threads wait at a latch, then all call every metric on one fresh network
// whose analysis view is not built yet, so they race on building it.
void run_concurrently(bool directed) {
  const hn::scorecard card = hn::builtin_scorecard("niedersachsen");
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const results want = compute(region(directed, seed), card);
    const hn::network shared = region(directed, seed);  // fresh: no view yet
    std::vector<results> got(n_threads);
    std::latch start(n_threads);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < n_threads; ++t) {
      threads.emplace_back([&, t] {
        start.arrive_and_wait();
        got[t] = compute(shared, card);
      });
    }
    for (auto& th : threads) th.join();
    for (const auto& r : got) expect_same(r, want);
  }
}

}  // namespace

// Undirected synthetic regions: 8 threads equal the single-threaded results.
TEST(Concurrency, UndirectedMetricsFromEightThreads) { run_concurrently(false); }

// Directed synthetic regions: 8 threads equal the single-threaded results.
TEST(Concurrency, DirectedMetricsFromEightThreads) { run_concurrently(true); }

// Threads that each copy a shared network (the copy shares the cached view)
// and then compute on their copy: same results as the original. Oracle: the
// single-threaded results on the original.
TEST(Concurrency, CopiesShareTheCachedView) {
  const hn::scorecard card = hn::builtin_scorecard("network");
  const hn::network original = region(false, 11);
  const results want = compute(original, card);
  std::vector<results> got(n_threads);
  std::latch start(n_threads);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < n_threads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      const hn::network copy = original;  // copying reads the cached view under its lock
      got[t] = compute(copy, card);
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& r : got) expect_same(r, want);
}

// The access lock (network::access_mutex) as the Python bindings use it:
// readers compute under a shared lock while a writer adds and removes
// actors and ties under an exclusive one. Oracle: every reader sees either
// the original network or the original plus one actor "x" tied to actor 0,
// so its density is one of those two values; ThreadSanitizer
// (make sanitize-thread) checks that no access races.
TEST(Concurrency, ReadersAndAWriterUnderTheAccessLock) {
  hn::network net = region(false, 21);
  const double before = hn::density(net);
  hn::network plus = net;
  plus.add_actor(hn::actor{"x"});
  plus.add_tie(hn::tie{"x", plus.actors()[0].id});
  const double during = hn::density(plus);
  std::atomic<bool> stop{false};
  std::atomic<int> rounds{0};
  std::thread writer([&] {
    for (int i = 0; i < 200; ++i) {
      {
        std::unique_lock lock(net.access_mutex());
        net.add_actor(hn::actor{"x"});
        net.add_tie(hn::tie{"x", net.actors()[0].id});
      }
      {
        std::unique_lock lock(net.access_mutex());
        net.remove_actor("x");
      }
    }
    stop = true;
  });
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      while (!stop) {
        std::shared_lock lock(net.access_mutex());
        const double d = hn::density(net);
        EXPECT_TRUE(d == before || d == during) << d;
        const auto labels = hn::component_labels(net, false);
        EXPECT_TRUE(labels.size() == net.n_actors());
        ++rounds;
      }
    });
  }
  writer.join();
  for (auto& r : readers) r.join();
  EXPECT_EQ(hn::density(net), before);
  EXPECT_GT(rounds.load(), 0);
}

// SPDX-License-Identifier: MIT
// The network revision and the memo of derived structures (groupings, sector
// census, forward adjacency of triangle counting): every mutation changes the
// revision and drops the memo; a report or scorecard computes each structure
// once (counted by detail::memo_counters); concurrent readers share one object.
#include <healthnet/cohesion.hpp>
#include <healthnet/coverage.hpp>
#include <healthnet/example.hpp>
#include <healthnet/groups.hpp>
#include <healthnet/network.hpp>
#include <healthnet/report.hpp>
#include <healthnet/scorecard.hpp>
#include <healthnet/synthetic.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace hn = healthnet;

namespace {

// a (x, kind=p) -- b (x, kind=p) -- c (y, kind=q), triangle a-b-c closed by a-c.
hn::network small() {
  hn::network net;
  net.add_actor({.id = "a", .sectors = {"outpatient_care"}, .attributes = {{"kind", std::string("p")}}});
  net.add_actor({.id = "b", .sectors = {"outpatient_care"}, .attributes = {{"kind", std::string("p")}}});
  net.add_actor({.id = "c", .sectors = {"nursing_care"}, .attributes = {{"kind", std::string("q")}}});
  net.add_tie({.source = "a", .target = "b"});
  net.add_tie({.source = "b", .target = "c"});
  net.add_tie({.source = "a", .target = "c"});
  return net;
}

std::uint64_t computed(const hn::network& net, const char* key) {
  return hn::detail::memo_counters::instance().count(net.revision(), key);
}

struct counting {
  counting() { hn::detail::memo_counters::instance().enable(true); }
  ~counting() { hn::detail::memo_counters::instance().enable(false); }
};

}  // namespace

// Every kind of mutation gives a new revision; reads (view, groupings,
// coverage, triangles) and copies keep it. Oracle: the documented contract of
// network::revision().
TEST(Revision, ChangesOnEveryMutationOnly) {
  hn::network net = small();
  std::vector<std::pair<const char*, std::function<void(hn::network&)>>> changes{
      {"add_actor", [](hn::network& n) { n.add_actor({.id = "d"}); }},
      {"update_actor", [](hn::network& n) { n.update_actor({.id = "d", .name = "D"}); }},
      {"add_tie", [](hn::network& n) { n.add_tie({.source = "c", .target = "d"}); }},
      {"merge_tie", [](hn::network& n) { n.add_tie({.source = "c", .target = "d"}); }},
      {"add_ties", [](hn::network& n) {
         const std::vector<hn::vertex_index> s{0}, t{3};
         n.add_ties(s, t);
       }},
      {"remove_tie", [](hn::network& n) { n.remove_tie("c", "d"); }},
      {"add_body", [](hn::network& n) { n.add_body({.id = "sg", .members = {"a"}}); }},
      {"remove_body", [](hn::network& n) { n.remove_body("sg"); }},
      {"set_region", [](hn::network& n) { n.set_region({.id = "r"}); }},
      {"set_taxonomy", [](hn::network& n) { n.set_taxonomy(hn::taxonomy::builtin()); }},
      {"set_allow_self_loops", [](hn::network& n) { n.set_allow_self_loops(true); }},
      {"remove_actor", [](hn::network& n) { n.remove_actor("d"); }},
  };
  for (const auto& [what, change] : changes) {
    const auto before = net.revision();
    (void)net.view();
    (void)hn::group_actors(net, "sector");
    (void)hn::sector_coverage(net);
    (void)hn::transitivity(net);
    EXPECT_EQ(net.revision(), before) << what << ": a read changed the revision";
    const hn::network copy = net;
    EXPECT_EQ(copy.revision(), before) << what;
    change(net);
    EXPECT_NE(net.revision(), before) << what;
    EXPECT_EQ(copy.revision(), before) << what << ": the copy changed with the original";
  }
}

// The grouping by an attribute is one shared object until the attribute
// changes: update_actor must drop it. Hand-computed: kind p = {a, b}, q = {c};
// after c becomes p, one group of three.
TEST(Memo, UpdateActorDropsTheGrouping) {
  hn::network net = small();
  const auto first = hn::shared_grouping(net, "kind");
  EXPECT_EQ(hn::shared_grouping(net, "kind").get(), first.get());  // memoized: the same object
  EXPECT_EQ(first->labels, (std::vector<std::string>{"p", "q"}));
  EXPECT_EQ(first->group_of, (std::vector<std::int32_t>{0, 0, 1}));

  hn::actor c = net.get_actor("c");
  c.attributes["kind"] = std::string("p");
  net.update_actor(c);
  const auto second = hn::shared_grouping(net, "kind");
  EXPECT_NE(second.get(), first.get());
  EXPECT_EQ(second->labels, (std::vector<std::string>{"p"}));
  EXPECT_EQ(second->group_of, (std::vector<std::int32_t>{0, 0, 0}));
  // The old object is unchanged for whoever still holds it.
  EXPECT_EQ(first->labels, (std::vector<std::string>{"p", "q"}));
}

// Changing a sector via update_actor changes the coverage (hand-computed:
// c moves from nursing_care to pharmacy, so nursing_care becomes missing and
// pharmacy present), and set_taxonomy drops the sector grouping.
TEST(Memo, CoverageFollowsUpdatesAndRequiredLists) {
  hn::network net = small();
  const std::vector<std::string> req{"nursing_care", "pharmacy"};
  auto r = hn::sector_coverage(net, req);
  EXPECT_EQ(r.missing, (std::vector<std::string>{"pharmacy"}));
  EXPECT_TRUE(r.isolated.empty());
  // Another required list on the same revision reuses the census but answers for its list.
  r = hn::sector_coverage(net, std::vector<std::string>{"outpatient_care", "public_health"});
  EXPECT_EQ(r.missing, (std::vector<std::string>{"public_health"}));
  EXPECT_DOUBLE_EQ(r.coverage_ratio, 0.5);

  hn::actor c = net.get_actor("c");
  c.sectors = {"pharmacy"};
  net.update_actor(c);
  r = hn::sector_coverage(net, req);
  EXPECT_EQ(r.missing, (std::vector<std::string>{"nursing_care"}));
  EXPECT_EQ(r.present, (std::vector<std::string>{"outpatient_care", "pharmacy"}));
  ASSERT_EQ(r.actors_per_sector.size(), 2u);
  EXPECT_EQ(r.actors_per_sector[1], (std::pair<std::string, std::size_t>{"pharmacy", 1}));
}

// A copy shares the memo of its revision (the same grouping object); a change
// of the copy gives the copy a new memo and leaves the original's alone.
TEST(Memo, CopiesShareUntilOneChanges) {
  hn::network net = small();
  const auto g = hn::shared_grouping(net, "sector");
  hn::network copy = net;
  EXPECT_EQ(hn::shared_grouping(copy, "sector").get(), g.get());
  copy.add_actor({.id = "d", .sectors = {"pharmacy"}});
  const auto gc = hn::shared_grouping(copy, "sector");
  EXPECT_NE(gc.get(), g.get());
  EXPECT_EQ(gc->size(), 3u);
  EXPECT_EQ(hn::shared_grouping(net, "sector").get(), g.get());
  EXPECT_EQ(hn::shared_grouping(net, "sector")->size(), 2u);
}

// A key asked for with another type is a programming error, not a wrong cast.
TEST(Memo, KeyWithAnotherTypeThrows) {
  const hn::network net = small();
  (void)net.memoized<int>("x", [] { return 1; });
  EXPECT_THROW((void)net.memoized<double>("x", [] { return 1.0; }), std::logic_error);
}

// A computation that throws leaves no entry: the next call computes again.
TEST(Memo, ThrowingComputationIsRetried) {
  const hn::network net = small();
  int calls = 0;
  EXPECT_THROW((void)net.memoized<int>("y", [&]() -> int {
    ++calls;
    throw std::runtime_error("interrupted");
  }), std::runtime_error);
  EXPECT_EQ(*net.memoized<int>("y", [&] { return ++calls; }), 2);
  EXPECT_EQ(*net.memoized<int>("y", [&] { return ++calls; }), 2);
}

// A report (with its scorecard) computes the sector grouping, the sector
// census and the forward adjacency exactly once each for the network it
// reports on; a second report and a scorecard evaluation on the same
// revision compute none again. Triangle results equal those of a fresh copy
// of the network (hand-built, so with an empty memo).
TEST(Memo, ReportAndScorecardComputeEachStructureOnce) {
  const counting on;
  const hn::network net = hn::example_region();
  const hn::report_options options;
  (void)hn::build_report(net, options);
  for (const char* key : {"group:sector", "sector_census", "sector_tie_counts", "forward_rows"}) {
    EXPECT_EQ(computed(net, key), 1u) << key;
  }
  (void)hn::build_report(net, options);
  for (const auto& id : hn::builtin_scorecard_ids()) (void)hn::evaluate(hn::builtin_scorecard(id), net);
  for (const char* key : {"group:sector", "sector_census", "sector_tie_counts", "forward_rows"}) {
    EXPECT_EQ(computed(net, key), 1u) << key;
  }
  hn::network fresh = net;
  fresh.set_region(net.region());  // a new revision: nothing memoized
  EXPECT_EQ(computed(fresh, "forward_rows"), 0u);
  EXPECT_EQ(hn::local_clustering(fresh), hn::local_clustering(net));
  EXPECT_EQ(hn::triangles(fresh), hn::triangles(net));
  EXPECT_EQ(computed(fresh, "forward_rows"), 1u);
}

// Eight threads ask for the same structures of one network at once: each is
// computed once and all threads get the same results (oracle: a single-threaded
// evaluation on a copy with its own memo).
TEST(Memo, ConcurrentReadersComputeOnce) {
  const counting on;
  const hn::network net = hn::synthetic_region({.n_actors = 2000, .n_ties = 10000, .seed = 3});
  hn::network reference = net;
  reference.set_region(net.region());
  const double transitivity = hn::transitivity(reference);
  const auto coverage = hn::sector_coverage(reference);
  std::vector<std::thread> threads;
  std::vector<int> ok(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      const auto r = hn::sector_coverage(net);
      ok[static_cast<std::size_t>(t)] = hn::transitivity(net) == transitivity && r.blau == coverage.blau &&
                                        r.connected == coverage.connected &&
                                        r.ties_per_pair.values == coverage.ties_per_pair.values;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok, std::vector<int>(8, 1));
  for (const char* key : {"group:sector", "sector_census", "sector_tie_counts", "forward_rows"}) {
    EXPECT_EQ(computed(net, key), 1u) << key;
  }
}

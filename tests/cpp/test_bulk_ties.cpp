// SPDX-License-Identifier: MIT
// Bulk tie loading (network::add_ties), index-based add_tie, the columnar tie
// storage seen through tie_view, and the flat pair index.
#include <gtest/gtest.h>

#include <random>

#include <healthnet/healthnet.hpp>
#include <healthnet/detail/pair_index.hpp>

namespace hn = healthnet;

namespace {

hn::network with_actors(std::size_t n, hn::directedness d = hn::directedness::undirected) {
  hn::network net{d};
  for (std::size_t i = 0; i < n; ++i) net.add_actor({.id = "v" + std::to_string(i)});
  return net;
}

// Oracle: the same ties added one by one through add_tie(tie).
hn::network one_by_one(std::size_t n, hn::directedness d, const std::vector<hn::vertex_index>& s,
                       const std::vector<hn::vertex_index>& t, const std::vector<double>& w) {
  hn::network net = with_actors(n, d);
  for (std::size_t i = 0; i < s.size(); ++i) {
    net.add_tie({.source = "v" + std::to_string(s[i]), .target = "v" + std::to_string(t[i]), .weight = w[i]});
  }
  return net;
}

}  // namespace

// Repeated pairs merge as in add_tie: weights add, the first orientation and
// first-seen order are kept. Hand-worked: pairs (0,1),(1,2),(1,0),(2,1),(0,1)
// undirected -> ties 0-1 (w 1+2+5=8) and 1-2 (w 3+4=7).
TEST(BulkTies, MergesRepeatedPairsLikeAddTie) {
  hn::network net = with_actors(3);
  const std::vector<hn::vertex_index> s{0, 1, 1, 2, 0}, t{1, 2, 0, 1, 1};
  const std::vector<double> w{1, 3, 2, 4, 5};
  net.add_ties(s, t, w);
  ASSERT_EQ(net.n_ties(), 2u);
  EXPECT_EQ(net.ties()[0].source, "v0");
  EXPECT_EQ(net.ties()[0].target, "v1");
  EXPECT_EQ(net.ties()[0].weight, 8.0);
  EXPECT_EQ(net.ties()[1].source, "v1");
  EXPECT_EQ(net.ties()[1].weight, 7.0);
  EXPECT_TRUE(net.has_tie("v1", "v0"));
  EXPECT_FALSE(net.has_tie("v0", "v2"));
}

// Random multigraphs: bulk loading equals adding one by one (operator== over
// actors, tie order, weights), directed and undirected; the oracle is add_tie.
TEST(BulkTies, EqualsSequentialAddOnRandomInput) {
  std::mt19937_64 rng(7);
  for (const auto d : {hn::directedness::undirected, hn::directedness::directed}) {
    for (int round = 0; round < 20; ++round) {
      const std::size_t n = 2 + rng() % 30, m = rng() % 200;
      std::vector<hn::vertex_index> s, t;
      std::vector<double> w;
      while (s.size() < m) {
        const auto a = static_cast<hn::vertex_index>(rng() % n), b = static_cast<hn::vertex_index>(rng() % n);
        if (a == b) continue;
        s.push_back(a);
        t.push_back(b);
        w.push_back(static_cast<double>(rng() % 5));
      }
      hn::network bulk = with_actors(n, d);
      bulk.add_ties(s, t, w);
      const hn::network oracle = one_by_one(n, d, s, t, w);
      EXPECT_TRUE(bulk == oracle) << "round " << round;
      EXPECT_EQ(bulk.view()->n_arcs(), oracle.view()->n_arcs());
      // A second bulk call merges into existing ties through the pair index.
      bulk.add_ties(s, t, w);
      hn::network twice = oracle;
      for (std::size_t i = 0; i < s.size(); ++i) twice.add_tie(s[i], t[i], w[i]);
      EXPECT_TRUE(bulk == twice) << "round " << round;
    }
  }
}

// Details (relations, attributes, since) merge by the add_tie rule in bulk too.
TEST(BulkTies, MergesDetails) {
  hn::network net = with_actors(2);
  std::vector<hn::tie_details> details(2);
  details[0].relations = {"referral"};
  details[0].since = "2022";
  details[0].attributes["trust"] = 3.0;
  details[1].relations = {"information"};
  details[1].since = "2020-05";
  details[1].attributes["trust"] = 4.0;
  const std::vector<hn::vertex_index> s{0, 1}, t{1, 0};
  net.add_ties(s, t, {}, std::move(details));
  ASSERT_EQ(net.n_ties(), 1u);
  const auto tie = net.get_tie("v0", "v1");
  EXPECT_EQ(tie.relations, (hn::relation_set{"information", "referral"}));
  EXPECT_EQ(tie.since, "2020-05");
  EXPECT_EQ(std::get<double>(tie.attributes.at("trust")), 4.0);
  EXPECT_EQ(tie.weight, 2.0);
}

// Bad input throws naming the entry and leaves the network unchanged.
TEST(BulkTies, RejectsBadInputWithoutChanges) {
  hn::network net = with_actors(3);
  net.add_tie({.source = "v0", .target = "v1"});
  const hn::network before = net;
  const std::vector<hn::vertex_index> s{0, 1, 2}, t{2, 9, 1};
  try {
    net.add_ties(s, t);
    FAIL() << "out-of-range index accepted";
  } catch (const hn::invalid_input& e) {
    EXPECT_STREQ(e.what(), "target[1]: actor index 9 out of range");
  }
  const std::vector<hn::vertex_index> loop_s{0, 2}, loop_t{1, 2};
  EXPECT_THROW(net.add_ties(loop_s, loop_t), hn::invalid_input);
  const std::vector<double> bad_w{1.0, -1.0};
  const std::vector<hn::vertex_index> ok_s{0, 1}, ok_t{2, 2};
  EXPECT_THROW(net.add_ties(ok_s, ok_t, bad_w), hn::invalid_input);
  EXPECT_TRUE(net == before);
}

// Removing ties and actors keeps details attached to the right ties and the
// pair index consistent (hand-checked on a 4-actor path).
TEST(BulkTies, RemovalKeepsColumnsAligned) {
  hn::network net = with_actors(4);
  net.add_tie({.source = "v0", .target = "v1", .relations = {"a"}});
  net.add_tie({.source = "v1", .target = "v2"});
  net.add_tie({.source = "v2", .target = "v3", .relations = {"c"}, .weight = 2});
  net.remove_tie("v1", "v2");
  ASSERT_EQ(net.n_ties(), 2u);
  EXPECT_EQ(net.get_tie("v3", "v2").relations, (hn::relation_set{"c"}));
  EXPECT_EQ(net.get_tie("v2", "v3").weight, 2.0);
  net.remove_actor("v0");
  ASSERT_EQ(net.n_ties(), 1u);
  EXPECT_EQ(net.ties()[0].source, "v2");
  EXPECT_EQ(net.ties()[0].relations, (hn::relation_set{"c"}));
  net.add_tie({.source = "v2", .target = "v3", .weight = 1});
  EXPECT_EQ(net.get_tie("v2", "v3").weight, 3.0);
}

// The pair index against std::set as oracle, across rehashes.
TEST(PairIndex, FindsWhatWasInserted) {
  hn::detail::pair_index index;
  std::mt19937_64 rng(3);
  std::vector<std::uint64_t> keys;
  for (std::uint32_t i = 0; i < 5000; ++i) {
    const std::uint64_t k = ((rng() % 1000) << 32) | (rng() % 1000);
    if (index.find(k) != hn::detail::pair_index::npos) continue;
    index.insert(k, i);
    keys.push_back(k);
  }
  EXPECT_EQ(index.size(), keys.size());
  for (std::size_t j = 0; j < keys.size(); ++j) EXPECT_NE(index.find(keys[j]), hn::detail::pair_index::npos);
  EXPECT_EQ(index.find((std::uint64_t{5000} << 32) | 1), hn::detail::pair_index::npos);
}

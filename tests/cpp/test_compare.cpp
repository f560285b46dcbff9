// SPDX-License-Identifier: MIT
// Wave comparison on two drawn waves (hand-computed differences).
#include <gtest/gtest.h>

#include <healthnet/compare.hpp>
#include <healthnet/healthnet.hpp>

namespace hn = healthnet;

namespace {

//  2022:  a(out) --- b(in) --- c(nurs)          d(pharm)
//  2024:  a(out) --- b(in)     c(nurs) --- e(pharm, new)
//          \________________/  (a-b gains "agreement", weight 1 -> 3)
//         b-c dissolved, c-e formed, d left, e joined, a-c formed
hn::network wave(bool later) {
  hn::network net;
  net.add_actor({.id = "a", .sectors = {"outpatient_care"}});
  net.add_actor({.id = "b", .sectors = {"inpatient_care"}});
  net.add_actor({.id = "c", .sectors = {"nursing_care"}});
  net.add_actor({.id = later ? "e" : "d", .sectors = {"pharmacy"}});
  if (!later) {
    net.add_tie({.source = "a", .target = "b", .relations = {"referral"}});
    net.add_tie({.source = "b", .target = "c"});
  } else {
    net.add_tie({.source = "b", .target = "a", .relations = {"referral", "agreement"}, .weight = 3});
    net.add_tie({.source = "c", .target = "e"});
    net.add_tie({.source = "a", .target = "c"});
  }
  return net;
}

}  // namespace

// Actors and ties: joined/left, formed/dissolved/kept/changed (b-a matches a-b undirected).
TEST(Compare, ActorsAndTies) {
  const auto c = hn::compare(wave(false), wave(true));
  EXPECT_EQ(c.joined, (std::vector<std::string>{"e"}));
  EXPECT_EQ(c.left, (std::vector<std::string>{"d"}));
  EXPECT_EQ(c.actors_kept, 3u);
  EXPECT_EQ(c.ties_kept, 1u);
  ASSERT_EQ(c.ties_formed.size(), 2u);
  EXPECT_EQ(c.ties_formed[0], (std::pair<std::string, std::string>{"c", "e"}));
  EXPECT_EQ(c.ties_formed[1], (std::pair<std::string, std::string>{"a", "c"}));
  EXPECT_EQ(c.ties_dissolved, (std::vector<std::pair<std::string, std::string>>{{"b", "c"}}));
  ASSERT_EQ(c.ties_changed.size(), 1u);
  EXPECT_EQ(c.ties_changed[0].relations_added, (std::vector<std::string>{"agreement"}));
  EXPECT_TRUE(c.ties_changed[0].relations_removed.empty());
  EXPECT_EQ(c.ties_changed[0].weight_before, 1.0);
  EXPECT_EQ(c.ties_changed[0].weight_after, 3.0);
}

// Sector pairs: nursing-pharmacy and outpatient-nursing are new; inpatient-nursing is gone.
TEST(Compare, SectorsAndMetrics) {
  const auto c = hn::compare(wave(false), wave(true));
  using pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(c.sectors_newly_connected, (pairs{{"nursing_care", "outpatient_care"}, {"nursing_care", "pharmacy"}}));
  EXPECT_EQ(c.sectors_disconnected, (pairs{{"inpatient_care", "nursing_care"}}));
  ASSERT_EQ(c.metrics.size(), hn::comparison_metrics().size());
  EXPECT_EQ(c.metrics[1].name, "n_ties");
  EXPECT_EQ(c.metrics[1].before, 2.0);
  EXPECT_EQ(c.metrics[1].after, 3.0);
  EXPECT_EQ(c.metrics[1].delta, 1.0);
}

// A wave compared with itself changes nothing.
TEST(Compare, Identity) {
  const auto net = hn::example_region();
  const auto c = hn::compare(net, net);
  EXPECT_TRUE(c.joined.empty() && c.left.empty() && c.ties_formed.empty() && c.ties_dissolved.empty());
  EXPECT_TRUE(c.ties_changed.empty());
  for (const auto& m : c.metrics) EXPECT_TRUE(m.delta == 0.0 || std::isnan(m.delta)) << m.name;
}

// The example's earlier wave is a proper earlier state: nobody left, some joined.
TEST(Compare, ExampleWaves) {
  const auto c = hn::compare(hn::example_region_earlier(), hn::example_region());
  EXPECT_EQ(c.joined.size(), 12u);
  EXPECT_TRUE(c.left.empty());
  EXPECT_TRUE(c.ties_dissolved.empty());
  EXPECT_FALSE(c.ties_changed.empty());
  EXPECT_EQ(hn::example_region_earlier(), hn::example_region_earlier());
  EXPECT_EQ(hn::example_region_earlier().region().wave, "2022");
}

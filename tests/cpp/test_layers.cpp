// SPDX-License-Identifier: MIT
// Ratings and layers (include/healthnet/layers.hpp) on a small drawn network;
// oracles are hand counts and hand-computed shortest paths (the Python tests
// add networkx with weight="trust" as the oracle).
#include <gtest/gtest.h>

#include <healthnet/centrality.hpp>
#include <healthnet/degree.hpp>
#include <healthnet/layers.hpp>
#include <healthnet/network.hpp>

namespace hn = healthnet;

namespace {

//   a -1- b -1- c     weight / trust / frequency:
//    \         /      a-b: 1 / 4 / 2   (information, referral)
//     ---d----        b-c: 1 / 2 / 1   (information)
//                     a-d: 3 / 1 / 4   (referral)
//                     d-c: 3 / 1 / 4   (referral)
hn::network rated() {
  hn::network net;
  for (const char* id : {"a", "b", "c", "d", "e"}) net.add_actor({.id = id});  // e: isolate
  net.add_tie({.source = "a", .target = "b", .relations = {"information", "referral"}, .weight = 1,
               .attributes = {{"trust", 4.0}, {"frequency", std::int64_t{2}}}});
  net.add_tie({.source = "b", .target = "c", .relations = {"information"}, .weight = 1,
               .attributes = {{"trust", 2.0}, {"frequency", std::int64_t{1}}}});
  net.add_tie({.source = "a", .target = "d", .relations = {"referral"}, .weight = 3,
               .attributes = {{"trust", 1.0}, {"frequency", std::int64_t{4}}}});
  net.add_tie({.source = "d", .target = "c", .relations = {"referral"}, .weight = 3,
               .attributes = {{"trust", 1.0}, {"frequency", std::int64_t{4}}}});
  return net;
}

}  // namespace

// Hand count: information on a-b, b-c; referral on a-b, a-d, d-c.
TEST(Layers, CountsTiesPerRelation) {
  const auto counts = hn::layers(rated());
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts.at("information"), 2u);
  EXPECT_EQ(counts.at("referral"), 3u);
  EXPECT_TRUE(hn::layers(hn::network{}).empty());
  EXPECT_EQ(hn::numeric_tie_attributes(rated()), (std::vector<std::string>{"frequency", "trust"}));
}

// The copy has the attribute as weight and keeps actors, ties, relations, attributes.
TEST(Layers, WeightedByTakesTheAttribute) {
  const auto net = rated();
  const auto w = hn::weighted_by(net, "trust");
  ASSERT_EQ(w.n_actors(), 5u);
  ASSERT_EQ(w.n_ties(), 4u);
  const std::vector<double> expected{4, 2, 1, 1};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(w.tie_weights()[i], expected[i]);
    EXPECT_EQ(w.tie_at(i).source, net.tie_at(i).source);
    EXPECT_EQ(w.tie_at(i).relations, net.tie_at(i).relations);
    EXPECT_EQ(w.tie_at(i).attributes, net.tie_at(i).attributes);
  }
  // Strength by trust, by hand: a = 4 + 1, b = 4 + 2, c = 2 + 1, d = 1 + 1, e = 0.
  EXPECT_EQ(hn::strength(w, hn::degree_mode::all), (std::vector<double>{5, 6, 3, 2, 0}));
  // Integer attributes are numeric too.
  EXPECT_EQ(hn::weighted_by(net, "frequency").tie_weights()[2], 4.0);
}

// Inverse frequency as length: a-b-c costs 1/2 + 1 = 1.5, a-d-c 1/4 + 1/4 = 0.5,
// so betweenness moves from b (raw frequency as length: a-b-c = 3 < 8) to d.
// By hand, inverse: d lies on the one shortest a-c path (1) and on one of the
// two b-c paths (b-c = 1 = b-a-d-c = 1/2 + 1/4 + 1/4): 1 + 1/2 = 1.5.
TEST(Layers, InverseWeightsMakeStrongTiesShort) {
  const auto freq = hn::weighted_by(rated(), "frequency");
  const auto inv = hn::inverse_weights(freq);
  EXPECT_DOUBLE_EQ(inv.tie_weights()[0], 0.5);
  EXPECT_DOUBLE_EQ(inv.tie_weights()[2], 0.25);
  const auto as_length = hn::betweenness(freq, {.weighted = true});
  const auto inverse = hn::betweenness(inv, {.weighted = true});
  EXPECT_EQ(as_length[1], 1.0);  // b between a and c
  EXPECT_EQ(as_length[3], 0.0);
  EXPECT_EQ(inverse[1], 0.0);
  EXPECT_EQ(inverse[3], 1.5);  // d between a and c, and on half of b-c
}

TEST(Layers, BadInputIsNamed) {
  auto net = rated();
  try {
    (void)hn::weighted_by(net, "trsut");
    FAIL() << "expected not_found";
  } catch (const hn::not_found& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("did you mean 'trust'"), std::string::npos) << what;
    EXPECT_NE(what.find("'frequency', 'trust'"), std::string::npos) << what;
  }
  // A missing rating: how many ties lack it, and the first.
  net.add_tie({.source = "c", .target = "e", .attributes = {{"comment", std::string("new")}}});
  try {
    (void)hn::weighted_by(net, "trust");
    FAIL() << "expected invalid_input";
  } catch (const hn::invalid_input& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("1 of 5 ties have no 'trust' value, the first 'c' -- 'e'"), std::string::npos) << what;
  }
  EXPECT_THROW((void)hn::weighted_by(net, "comment"), hn::invalid_input);  // not a number
  hn::network negative;
  negative.add_actor({.id = "x"});
  negative.add_actor({.id = "y"});
  negative.add_tie({.source = "x", .target = "y", .attributes = {{"score", -1.0}}});
  EXPECT_THROW((void)hn::weighted_by(negative, "score"), hn::invalid_input);
  hn::network zero;
  zero.add_actor({.id = "x"});
  zero.add_actor({.id = "y"});
  zero.add_tie({.source = "x", .target = "y", .weight = 0});
  EXPECT_THROW((void)hn::inverse_weights(zero), hn::invalid_input);
}

// SPDX-License-Identifier: MIT
// The mutable domain model: actors, ties, merges, bodies, subnetworks, copies.
#include <gtest/gtest.h>

#include <healthnet/healthnet.hpp>

namespace hn = healthnet;

namespace {

//   a --- b --- c      d (isolate)
//          \   /
//            e
hn::network small(hn::directedness d = hn::directedness::undirected) {
  hn::network net{d};
  net.add_actor({.id = "a", .name = "Praxis A", .sectors = {"outpatient_care"}});
  net.add_actor({.id = "b", .name = "Klinikum B", .sectors = {"inpatient_care"}});
  net.add_actor({.id = "c", .name = "Pflegedienst C", .sectors = {"nursing_care"}});
  net.add_actor({.id = "d", .name = "Apotheke D", .sectors = {"pharmacy"}});
  net.add_actor({.id = "e", .name = "AOK E", .sectors = {"health_insurance"}});
  net.add_tie({.source = "a", .target = "b", .relations = {"referral"}});
  net.add_tie({.source = "b", .target = "c", .relations = {"information"}});
  net.add_tie({.source = "b", .target = "e"});
  net.add_tie({.source = "c", .target = "e", .weight = 2.0});
  net.add_body({.id = "sg", .kind = hn::body_kind::steering_group, .name = "Steuerungsgruppe", .members = {"a", "b", "e"}});
  return net;
}

}  // namespace

// The README's C++ example compiles and gives density 1 for one tied pair.
TEST(Network, ReadmeExample) {
  hn::network net{hn::directedness::undirected};
  net.add_actor({.id = "a", .name = "Praxis A", .sectors = {"outpatient_care"}});
  net.add_actor({.id = "b", .name = "Klinikum B", .sectors = {"inpatient_care"}});
  net.add_tie({.source = "a", .target = "b"});
  EXPECT_DOUBLE_EQ(hn::density(net), 1.0);
}

// Counts, look-ups and neighbours of the drawn graph.
TEST(Network, LookupsAndNeighbors) {
  const auto net = small();
  EXPECT_EQ(net.n_actors(), 5u);
  EXPECT_EQ(net.n_ties(), 4u);
  EXPECT_TRUE(net.has_tie("b", "a"));  // undirected: either orientation
  EXPECT_FALSE(net.has_tie("a", "c"));
  EXPECT_EQ(net.get_actor("c").primary_sector(), "nursing_care");
  EXPECT_EQ(net.neighbors("b"), (std::vector<std::string>{"a", "c", "e"}));
  EXPECT_TRUE(net.neighbors("d").empty());
  EXPECT_THROW((void)net.get_actor("zz"), hn::not_found);
  EXPECT_THROW((void)net.get_tie("a", "d"), hn::not_found);
  EXPECT_EQ(net.find_actor("zz"), nullptr);
}

// Directed networks distinguish a->b from b->a; neighbours by mode.
TEST(Network, DirectedOrientation) {
  auto net = small(hn::directedness::directed);
  EXPECT_TRUE(net.has_tie("a", "b"));
  EXPECT_FALSE(net.has_tie("b", "a"));
  net.add_tie({.source = "b", .target = "a"});
  EXPECT_EQ(net.n_ties(), 5u);
  EXPECT_EQ(net.neighbors("b", hn::degree_mode::out), (std::vector<std::string>{"a", "c", "e"}));
  EXPECT_EQ(net.neighbors("b", hn::degree_mode::in), (std::vector<std::string>{"a"}));
}

// The documented merge rule: relations united, weights added, attributes
// overwritten, earliest `since` kept; b-a merges into a-b when undirected.
TEST(Network, RepeatedTieMerges) {
  auto net = small();
  net.add_tie({.source = "b", .target = "a", .relations = {"joint_project"}, .weight = 2.5,
               .attributes = {{"trust", 4.0}}, .since = "2019"});
  net.add_tie({.source = "a", .target = "b", .relations = {"referral"}, .since = "2021-03-01"});
  EXPECT_EQ(net.n_ties(), 4u);
  const auto& t = net.get_tie("a", "b");
  EXPECT_EQ(t.source, "a");
  EXPECT_EQ(t.relations, (std::set<std::string, std::less<>>{"joint_project", "referral"}));
  EXPECT_DOUBLE_EQ(t.weight, 1.0 + 2.5 + 1.0);
  EXPECT_EQ(std::get<double>(t.attributes.at("trust")), 4.0);
  EXPECT_EQ(t.since, "2019");
}

// Bad additions throw and leave the network unchanged.
TEST(Network, RejectsBadInput) {
  auto net = small();
  const hn::network before = net;
  EXPECT_THROW(net.add_actor({.id = "a"}), hn::invalid_input);
  EXPECT_THROW(net.add_actor({.id = ""}), hn::invalid_input);
  EXPECT_THROW(net.add_tie({.source = "a", .target = "zz"}), hn::not_found);
  EXPECT_THROW(net.add_tie({.source = "a", .target = "a"}), hn::invalid_input);
  EXPECT_THROW(net.add_tie({.source = "a", .target = "d", .weight = -1}), hn::invalid_input);
  EXPECT_THROW(net.add_tie({.source = "a", .target = "d", .weight = std::nan("")}), hn::invalid_input);
  EXPECT_THROW(net.add_body({.id = "sg"}), hn::invalid_input);
  EXPECT_THROW(net.add_body({.id = "x", .members = {"zz"}}), hn::not_found);
  EXPECT_EQ(net, before);
  net.set_allow_self_loops(true);
  net.add_tie({.source = "a", .target = "a"});
  EXPECT_EQ(net.n_ties(), 5u);
}

// Removing an actor removes its ties and memberships and keeps indices dense.
TEST(Network, RemoveActor) {
  auto net = small();
  net.remove_actor("b");
  EXPECT_EQ(net.n_actors(), 4u);
  EXPECT_EQ(net.n_ties(), 1u);  // only c-e is left
  EXPECT_TRUE(net.has_tie("e", "c"));
  EXPECT_EQ(net.index_of("e"), 3u);
  EXPECT_EQ(net.get_body("sg").members, (std::vector<std::string>{"a", "e"}));
  EXPECT_EQ(net.view()->n_ties(), 1u);
  net.remove_tie("c", "e");
  EXPECT_EQ(net.n_ties(), 0u);
  EXPECT_THROW(net.remove_tie("c", "e"), hn::not_found);
  net.remove_body("sg");
  EXPECT_EQ(net.n_bodies(), 0u);
}

// Subnetworks: induced by a predicate, by a body, by a relation layer.
TEST(Network, Subnetworks) {
  const auto net = small();
  const auto sg = net.body_subnetwork("sg");
  EXPECT_EQ(sg.n_actors(), 3u);  // a, b, e
  EXPECT_EQ(sg.n_ties(), 2u);    // a-b, b-e
  const auto care = net.subnetwork([](const hn::actor& a) { return a.primary_sector() != "pharmacy"; });
  EXPECT_EQ(care.n_actors(), 4u);
  EXPECT_EQ(care.n_ties(), 4u);
  const auto referral = net.relation_layer("referral");
  EXPECT_EQ(referral.n_actors(), 5u);
  EXPECT_EQ(referral.n_ties(), 1u);
  EXPECT_EQ(referral.n_bodies(), 1u);
}

// Copies are deep and independent; the cached view follows each copy's state.
TEST(Network, CopyIsIndependent) {
  auto net = small();
  const auto v1 = net.view();
  hn::network copy = net;
  copy.add_tie({.source = "a", .target = "d"});
  EXPECT_EQ(net.n_ties(), 4u);
  EXPECT_EQ(copy.n_ties(), 5u);
  EXPECT_EQ(net.view(), v1);  // unchanged network keeps its cached view
  EXPECT_EQ(copy.view()->n_ties(), 5u);
  EXPECT_NE(net, copy);
}

// The built-in taxonomy holds the 16 sectors with German and English labels.
TEST(Taxonomy, Builtin) {
  const auto& t = hn::taxonomy::builtin();
  for (const char* id : {"outpatient_care", "inpatient_care", "nursing_care", "rehabilitation", "prevention",
                         "public_health", "municipality", "health_insurance", "pharmacy", "emergency_care",
                         "self_help", "social_services", "education", "mobility", "professional_body", "other"}) {
    EXPECT_TRUE(t.contains(id)) << id;
  }
  EXPECT_EQ(t.size(), 16u);
  EXPECT_EQ(t.label("nursing_care", "de"), "Pflege");
  EXPECT_EQ(t.label("nursing_care", "en"), "Nursing care");
  EXPECT_EQ(t.label("not_a_sector"), "not_a_sector");
  EXPECT_FALSE(t.core_sectors().empty());
}

// A custom taxonomy loads from JSON; bad ones name line and field.
TEST(Taxonomy, ParseCustom) {
  const auto t = hn::taxonomy::parse(R"({"sectors": [
    {"id": "care", "de": "Versorgung", "en": "Care", "core": true},
    {"id": "other"}]})");
  EXPECT_EQ(t.size(), 2u);
  EXPECT_EQ(t.core_sectors(), (std::vector<std::string>{"care"}));
  try {
    (void)hn::taxonomy::parse("{\"sectors\": [\n {\"id\": \"a\"},\n {\"id\": \"a\"}]}", "tax.json");
    FAIL() << "duplicate sector accepted";
  } catch (const hn::invalid_input& e) {
    EXPECT_STREQ(e.what(), "tax.json:3: sectors[1].id: duplicate sector id 'a'");
  }
}

// actor_revision changes exactly when the actor list changes (add, remove),
// is kept by copies, and is never shared by two different lists.
TEST(Network, ActorRevision) {
  auto net = small();
  const auto before = net.actor_revision();
  net.add_tie({.source = "a", .target = "d"});
  net.update_actor({.id = "d", .name = "Apotheke D2", .sectors = {"pharmacy"}});
  EXPECT_EQ(net.actor_revision(), before);  // ties and actor data leave the list alone
  const hn::network copy = net;
  EXPECT_EQ(copy.actor_revision(), before);
  net.remove_actor("d");
  const auto removed = net.actor_revision();
  EXPECT_NE(removed, before);
  net.add_actor({.id = "d"});
  EXPECT_NE(net.actor_revision(), removed);
  EXPECT_NE(net.actor_revision(), before);  // same ids as `copy`, but in another order
  EXPECT_NE(hn::network{}.actor_revision(), hn::network{}.actor_revision());
}

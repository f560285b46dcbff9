// SPDX-License-Identifier: MIT
// Tests of the example region "Landkreis Musterstadt" (the shipped
// examples/musterstadt*.json, which example_region() and
// example_region_earlier() embed) and of the synthetic region generator
// (stochastic block model by sector).
#include <healthnet/example.hpp>
#include <healthnet/io.hpp>
#include <healthnet/network.hpp>
#include <healthnet/synthetic.hpp>
#include <healthnet/taxonomy.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {

using healthnet::body_kind;
using healthnet::network;
using healthnet::synthetic_options;

std::vector<std::size_t> degrees(const network& net) {
  std::vector<std::size_t> deg(net.n_actors(), 0);
  for (const auto& [u, v] : net.tie_ends()) {
    ++deg[u];
    ++deg[v];
  }
  return deg;
}

std::vector<const healthnet::body*> bodies_of_kind(const network& net, body_kind kind) {
  std::vector<const healthnet::body*> out;
  for (const auto& b : net.bodies()) {
    if (b.kind == kind) out.push_back(&b);
  }
  return out;
}

/// Share of ties whose two ends have the same primary sector.
double within_sector_share(const network& net) {
  std::size_t within = 0;
  for (const auto& [u, v] : net.tie_ends()) {
    if (net.actor_at(u).primary_sector() == net.actor_at(v).primary_sector()) ++within;
  }
  return net.n_ties() == 0 ? 0.0 : static_cast<double>(within) / static_cast<double>(net.n_ties());
}

bool is_care_provider(const std::string& s) {
  return s == "outpatient_care" || s == "inpatient_care" || s == "nursing_care" || s == "rehabilitation" ||
         s == "pharmacy" || s == "emergency_care";
}

/// The shipped files: the properties below were those of the retired seeded
/// generator that wrote them; they now guard the files themselves.
const network& shipped_2024() {
  static const network net = healthnet::read_json(HEALTHNET_EXAMPLES "/musterstadt.json");
  return net;
}
const network& shipped_2022() {
  static const network net = healthnet::read_json(HEALTHNET_EXAMPLES "/musterstadt_2022.json");
  return net;
}

// ---- example_region ----------------------------------------------------------

// The built-in example is exactly the shipped file (actors, ties, bodies,
// metadata, order), both waves. Oracle: examples/musterstadt.json and
// examples/musterstadt_2022.json read by the JSON reader (they were written
// by the former C++ generator; its output was checked equal before it was
// retired).
TEST(ExampleRegion, EqualsTheShippedFiles) {
  EXPECT_TRUE(healthnet::example_region() == shipped_2024());
  EXPECT_TRUE(healthnet::example_region_earlier() == shipped_2022());
  EXPECT_FALSE(healthnet::example_region() == healthnet::example_region_earlier());
}

// Two calls give exactly the same network, and independent objects.
TEST(ExampleRegion, IsDeterministic) {
  network a = healthnet::example_region();
  const network b = healthnet::example_region();
  EXPECT_TRUE(a == b);
  const std::string first = a.actor_at(0).id;
  a.remove_actor(first);
  EXPECT_TRUE(healthnet::example_region() == b);
}

// The 2022 wave relates to the 2024 wave as documented in example.hpp: the
// same region with wave 2022 (dated 2022-10-01); 12 actors fewer, none of
// them in the steering group or the coordination office; every 2022 tie
// joins a pair tied in 2024, with a subset of the relations and at most the
// weight; about 15 % of the ties among the kept actors are missing; the
// health conference is the 2022 one.
TEST(ExampleRegion, EarlierWaveRelatesToTheLaterOne) {
  const network& later = shipped_2024();
  const network& earlier = shipped_2022();
  EXPECT_EQ(earlier.region().name, later.region().name);
  EXPECT_EQ(earlier.region().wave, "2022");
  EXPECT_EQ(earlier.region().date, "2022-10-01");
  ASSERT_EQ(earlier.n_actors() + 12, later.n_actors());
  std::set<std::string> core;
  for (const auto& b : later.bodies()) {
    if (b.kind == body_kind::steering_group || b.kind == body_kind::coordination_office) {
      core.insert(b.members.begin(), b.members.end());
    }
  }
  for (const auto& a : later.actors()) {
    if (!earlier.has_actor(a.id)) EXPECT_FALSE(core.contains(a.id)) << a.id;
  }
  for (const auto& a : earlier.actors()) {
    ASSERT_TRUE(later.has_actor(a.id)) << a.id;
    EXPECT_TRUE(a == later.get_actor(a.id)) << a.id;
  }
  std::size_t kept_pairs = 0;
  for (const auto& t : later.ties()) kept_pairs += earlier.has_actor(t.source) && earlier.has_actor(t.target);
  std::size_t thinned = 0;
  for (const auto& t : earlier.ties()) {
    const auto l = later.find_tie(t.source, t.target);
    ASSERT_TRUE(l.has_value()) << t.source << " - " << t.target;
    for (const auto& r : t.relations) EXPECT_TRUE(l->relations.contains(r)) << r;
    EXPECT_LE(t.weight, l->weight);
    thinned += t.weight < l->weight || t.relations.size() < l->relations.size();
  }
  const double kept_share = static_cast<double>(earlier.n_ties()) / static_cast<double>(kept_pairs);
  EXPECT_GT(kept_share, 0.78);
  EXPECT_LT(kept_share, 0.92);
  EXPECT_GT(thinned, 0u);
  EXPECT_LT(static_cast<double>(thinned), 0.2 * static_cast<double>(earlier.n_ties()));
  const auto conferences = bodies_of_kind(earlier, body_kind::health_conference);
  ASSERT_EQ(conferences.size(), 1u);
  EXPECT_EQ(conferences[0]->year, 2022);
  EXPECT_EQ(conferences[0]->name, "Gesundheitskonferenz 2022");
}

// Region metadata describe the fictional Landkreis Musterstadt in Lower Saxony.
TEST(ExampleRegion, RegionMetadata) {
  const network& net = shipped_2024();
  EXPECT_FALSE(net.directed());
  EXPECT_EQ(net.region().name, "Landkreis Musterstadt");
  EXPECT_EQ(net.region().state, "Niedersachsen");
  EXPECT_FALSE(net.region().id.empty());
  ASSERT_TRUE(net.region().population.has_value());
  EXPECT_GT(*net.region().population, 100000);
  EXPECT_LT(*net.region().population, 160000);
  EXPECT_EQ(net.region().wave, "2024");
  EXPECT_EQ(net.region().date, "2024-10-01");
}

// About 120 actors, every one of the 16 built-in sectors is some actor's
// primary sector, and outpatient care is the largest sector.
TEST(ExampleRegion, ActorsCoverAllBuiltinSectors) {
  const network& net = shipped_2024();
  EXPECT_GE(net.n_actors(), 118u);
  EXPECT_LE(net.n_actors(), 124u);
  std::map<std::string, std::size_t> per_sector;
  for (const auto& a : net.actors()) {
    ASSERT_FALSE(a.sectors.empty()) << a.id;
    ++per_sector[a.primary_sector()];
  }
  const auto& tax = healthnet::taxonomy::builtin();
  ASSERT_EQ(tax.size(), 16u);
  for (const auto& s : tax.sectors()) EXPECT_GT(per_sector[s.id], 0u) << s.id;
  for (const auto& [s, count] : per_sector) {
    EXPECT_TRUE(tax.contains(s)) << s;
    if (s != "outpatient_care") {
      EXPECT_LT(count, per_sector["outpatient_care"]) << s;
    }
  }
  EXPECT_GE(per_sector["inpatient_care"], 2u);
  EXPECT_LE(per_sector["inpatient_care"], 3u);
  EXPECT_GE(per_sector["health_insurance"], 3u);
}

// Actors have snake_case types, a few have a second sector, and the free
// attributes have the documented kinds, with some values left absent.
TEST(ExampleRegion, ActorTypesAndAttributes) {
  const network& net = shipped_2024();
  const std::regex snake("[a-z][a-z0-9_]*");
  std::set<std::string> municipalities;
  std::size_t two_sectors = 0, no_staff = 0, no_founded = 0, no_municipality = 0;
  std::set<std::string> ids;
  for (const auto& a : net.actors()) {
    EXPECT_TRUE(ids.insert(a.id).second) << a.id;
    EXPECT_FALSE(a.name.empty()) << a.id;
    EXPECT_TRUE(std::regex_match(a.type, snake)) << a.id << ": " << a.type;
    if (a.sectors.size() >= 2) ++two_sectors;
    if (auto it = a.attributes.find("municipality"); it != a.attributes.end()) {
      ASSERT_TRUE(std::holds_alternative<std::string>(it->second)) << a.id;
      municipalities.insert(std::get<std::string>(it->second));
      ASSERT_TRUE(a.attributes.contains("rural")) << a.id;
      EXPECT_TRUE(std::holds_alternative<bool>(a.attributes.at("rural"))) << a.id;
    } else {
      ++no_municipality;
    }
    if (auto it = a.attributes.find("staff"); it != a.attributes.end()) {
      ASSERT_TRUE(std::holds_alternative<double>(it->second)) << a.id;
      EXPECT_GE(std::get<double>(it->second), 1.0) << a.id;
    } else {
      ++no_staff;
    }
    if (auto it = a.attributes.find("founded"); it != a.attributes.end()) {
      ASSERT_TRUE(std::holds_alternative<double>(it->second)) << a.id;
      const double year = std::get<double>(it->second);
      EXPECT_GE(year, 1800.0) << a.id;
      EXPECT_LE(year, 2024.0) << a.id;
      EXPECT_EQ(year, std::floor(year)) << a.id;
    } else {
      ++no_founded;
    }
  }
  EXPECT_GE(two_sectors, 3u);
  EXPECT_LE(two_sectors, 20u);
  EXPECT_GE(municipalities.size(), 4u);
  EXPECT_LE(municipalities.size(), 8u);
  EXPECT_GT(no_staff, 0u);
  EXPECT_GT(no_founded, 0u);
  EXPECT_GT(no_municipality, 0u);
  const auto* weber = [&]() -> const healthnet::actor* {
    for (const auto& a : net.actors()) {
      if (a.name == "Hausarztpraxis Dr. Weber") return &a;
    }
    return nullptr;
  }();
  ASSERT_NE(weber, nullptr);
  EXPECT_EQ(weber->type, "gp_practice");
}

// One coordination office (1-2 members from the district administration or
// the public health office), one steering group of about 12, 3-4 working
// groups with topics and 8-15 members, and the health conference 2024 with
// about 50 members.
TEST(ExampleRegion, HasTheProgrammeBodies) {
  const network& net = shipped_2024();
  const auto offices = bodies_of_kind(net, body_kind::coordination_office);
  ASSERT_EQ(offices.size(), 1u);
  ASSERT_GE(offices[0]->members.size(), 1u);
  ASSERT_LE(offices[0]->members.size(), 2u);
  for (const auto& m : offices[0]->members) {
    const auto& sec = net.get_actor(m).primary_sector();
    EXPECT_TRUE(sec == "municipality" || sec == "public_health") << m;
  }

  const auto steering = bodies_of_kind(net, body_kind::steering_group);
  ASSERT_EQ(steering.size(), 1u);
  EXPECT_GE(steering[0]->members.size(), 10u);
  EXPECT_LE(steering[0]->members.size(), 14u);

  const auto groups = bodies_of_kind(net, body_kind::working_group);
  EXPECT_GE(groups.size(), 3u);
  EXPECT_LE(groups.size(), 4u);
  for (const auto* g : groups) {
    ASSERT_TRUE(g->topic.has_value()) << g->id;
    EXPECT_FALSE(g->topic->empty()) << g->id;
    EXPECT_GE(g->members.size(), 8u) << g->id;
    EXPECT_LE(g->members.size(), 15u) << g->id;
  }

  const auto conferences = bodies_of_kind(net, body_kind::health_conference);
  ASSERT_EQ(conferences.size(), 1u);
  EXPECT_EQ(conferences[0]->year, 2024);
  EXPECT_GE(conferences[0]->members.size(), 40u);
  EXPECT_LE(conferences[0]->members.size(), 60u);
}

// The steering group includes municipalities, physicians, an insurer, a
// hospital and a nursing provider.
TEST(ExampleRegion, SteeringGroupComposition) {
  const network& net = shipped_2024();
  const auto steering = bodies_of_kind(net, body_kind::steering_group);
  ASSERT_EQ(steering.size(), 1u);
  std::set<std::string> sectors;
  for (const auto& m : steering[0]->members) sectors.insert(net.get_actor(m).primary_sector());
  for (const char* needed : {"municipality", "outpatient_care", "health_insurance", "inpatient_care", "nursing_care"}) {
    EXPECT_TRUE(sectors.contains(needed)) << needed;
  }
}

// A few hundred ties; 2-4 isolates; a member of the coordination office is the
// best-connected actor (a hub).
TEST(ExampleRegion, TieCountIsolatesAndHub) {
  const network& net = shipped_2024();
  EXPECT_GE(net.n_ties(), 350u);
  EXPECT_LE(net.n_ties(), 500u);
  const auto deg = degrees(net);
  const auto isolates = std::count(deg.begin(), deg.end(), std::size_t{0});
  EXPECT_GE(isolates, 2);
  EXPECT_LE(isolates, 4);

  const auto offices = bodies_of_kind(net, body_kind::coordination_office);
  ASSERT_EQ(offices.size(), 1u);
  std::size_t office_degree = 0;
  for (const auto& m : offices[0]->members) office_degree = std::max(office_degree, deg[net.index_of(m)]);
  EXPECT_EQ(office_degree, *std::max_element(deg.begin(), deg.end()));
  EXPECT_GE(office_degree, net.n_actors() / 3);
}

// Mobility and rehabilitation are never tied (a gap for gap analysis), and
// ties within a sector are over-represented compared to random mixing.
TEST(ExampleRegion, SectorGapAndHomophily) {
  const network& net = shipped_2024();
  auto has = [](const healthnet::actor& a, const char* s) {
    return std::find(a.sectors.begin(), a.sectors.end(), s) != a.sectors.end();
  };
  for (const auto& [u, v] : net.tie_ends()) {
    const auto& a = net.actor_at(u);
    const auto& b = net.actor_at(v);
    EXPECT_FALSE((has(a, "mobility") && has(b, "rehabilitation")) || (has(a, "rehabilitation") && has(b, "mobility")))
        << a.id << " - " << b.id;
  }
  // Expected within share under random mixing: sum over sectors of n_s(n_s-1) / n(n-1).
  std::map<std::string, double> size;
  for (const auto& a : net.actors()) size[a.primary_sector()] += 1;
  const double n = static_cast<double>(net.n_actors());
  double random_share = 0;
  for (const auto& [s, c] : size) random_share += c * (c - 1) / (n * (n - 1));
  EXPECT_GT(within_sector_share(net), 1.3 * random_share);
}

// Ties are multiplex with 1-3 relations from the fixed list, integer weights
// 1-5, `since` as YYYY or YYYY-MM-DD on some ties, `trust` 1-5 on some ties,
// and referral mostly between care providers.
TEST(ExampleRegion, TiesAreMultiplexAndWellFormed) {
  const network& net = shipped_2024();
  const std::set<std::string> allowed{"information", "referral", "joint_project", "resources", "agreement"};
  const std::regex date("[0-9]{4}(-[0-9]{2}-[0-9]{2})?");
  std::size_t multiplex = 0, with_since = 0, with_trust = 0, referral = 0, referral_care = 0;
  std::set<double> weights;
  for (std::size_t i = 0; i < net.n_ties(); ++i) {
    const auto& t = net.ties()[i];
    ASSERT_GE(t.relations.size(), 1u);
    ASSERT_LE(t.relations.size(), 3u);
    if (t.relations.size() >= 2) ++multiplex;
    for (const auto& r : t.relations) EXPECT_TRUE(allowed.contains(r)) << r;
    EXPECT_GE(t.weight, 1.0);
    EXPECT_LE(t.weight, 5.0);
    EXPECT_EQ(t.weight, std::floor(t.weight));
    weights.insert(t.weight);
    if (t.since) {
      ++with_since;
      EXPECT_TRUE(std::regex_match(*t.since, date)) << *t.since;
      EXPECT_LE(*t.since, std::string("2024-10-01"));
    }
    if (auto it = t.attributes.find("trust"); it != t.attributes.end()) {
      ++with_trust;
      ASSERT_TRUE(std::holds_alternative<double>(it->second));
      EXPECT_GE(std::get<double>(it->second), 1.0);
      EXPECT_LE(std::get<double>(it->second), 5.0);
    }
    if (t.relations.contains("referral")) {
      ++referral;
      const auto [u, v] = net.tie_ends()[i];
      if (is_care_provider(net.actor_at(u).primary_sector()) && is_care_provider(net.actor_at(v).primary_sector())) {
        ++referral_care;
      }
    }
  }
  EXPECT_GT(multiplex, 0u);
  EXPECT_GT(with_since, 0u);
  EXPECT_LT(with_since, net.n_ties());
  EXPECT_GT(with_trust, 0u);
  EXPECT_LT(with_trust, net.n_ties());
  EXPECT_GE(weights.size(), 4u);
  ASSERT_GT(referral, 0u);
  EXPECT_GT(static_cast<double>(referral_care), 0.7 * static_cast<double>(referral));
}

// ---- synthetic_region --------------------------------------------------------

// Exactly n_actors actors and n_ties distinct ties, ids a0..a{n-1}, names
// "Akteur i", region id and name from the options, no self-loops, no
// repeated pair.
TEST(SyntheticRegion, ExactCountsIdsAndNoSelfLoops) {
  synthetic_options o;
  o.n_actors = 500;
  o.n_ties = 3000;
  o.region_id = "r7";
  const network net = healthnet::synthetic_region(o);
  ASSERT_EQ(net.n_actors(), 500u);
  EXPECT_EQ(net.n_ties(), 3000u);
  EXPECT_FALSE(net.directed());
  EXPECT_EQ(net.region().id, "r7");
  EXPECT_EQ(net.region().name, "Synthetische Region r7");
  for (std::size_t i = 0; i < net.n_actors(); ++i) {
    EXPECT_EQ(net.actor_at(static_cast<healthnet::vertex_index>(i)).id, "a" + std::to_string(i));
    EXPECT_EQ(net.actor_at(static_cast<healthnet::vertex_index>(i)).name, "Akteur " + std::to_string(i));
  }
  std::set<std::pair<healthnet::vertex_index, healthnet::vertex_index>> seen;
  for (auto [u, v] : net.tie_ends()) {
    EXPECT_NE(u, v);
    if (v < u) std::swap(u, v);
    EXPECT_TRUE(seen.insert({u, v}).second) << u << "-" << v;
  }
  for (const auto& t : net.ties()) {
    EXPECT_EQ(t.relations.size(), 1u);
    EXPECT_EQ(t.weight, 1.0);  // unweighted by default
  }
}

// The same options give the same network; another seed gives another one.
TEST(SyntheticRegion, DeterministicPerSeedAndDifferentAcrossSeeds) {
  synthetic_options o;
  o.n_actors = 300;
  o.n_ties = 1500;
  o.weighted = true;
  const network a = healthnet::synthetic_region(o);
  const network b = healthnet::synthetic_region(o);
  EXPECT_TRUE(a == b);
  o.seed = 2;
  const network c = healthnet::synthetic_region(o);
  EXPECT_FALSE(a == c);
  EXPECT_EQ(c.n_ties(), 1500u);
}

// Actors are spread over the 8 core sectors with near-equal sizes, and
// homophily 8 gives a much larger within-sector share than homophily 1
// (2,000 actors, 10,000 ties).
TEST(SyntheticRegion, HomophilyRaisesWithinSectorShare) {
  synthetic_options o;
  o.n_actors = 2000;
  o.n_ties = 10000;
  o.homophily = 1.0;
  const network flat = healthnet::synthetic_region(o);
  o.homophily = 8.0;
  const network clustered = healthnet::synthetic_region(o);

  std::map<std::string, std::size_t> size;
  for (const auto& a : flat.actors()) ++size[a.primary_sector()];
  const auto core = healthnet::taxonomy::builtin().core_sectors();
  ASSERT_EQ(size.size(), core.size());
  for (const auto& s : core) {
    EXPECT_GE(size[s], 2000u / core.size() / 2) << s;
    EXPECT_LE(size[s], 2000u / core.size() * 2) << s;
  }

  const double share_flat = within_sector_share(flat);
  const double share_clustered = within_sector_share(clustered);
  // Without homophily about 1/8 of the ties stay within a sector, with
  // homophily 8 about half.
  EXPECT_GT(share_flat, 0.08);
  EXPECT_LT(share_flat, 0.20);
  EXPECT_GT(share_clustered, 0.40);
  EXPECT_GT(share_clustered, share_flat + 0.25);
}

// A directed variant: arcs, exact count, distinct ordered pairs, reciprocated
// pairs possible, integer weights 1-5 when weighted.
TEST(SyntheticRegion, DirectedAndWeighted) {
  synthetic_options o;
  o.n_actors = 30;
  o.n_ties = 600;  // of 870 possible arcs: reciprocated pairs must occur
  o.directed = true;
  o.weighted = true;
  const network net = healthnet::synthetic_region(o);
  EXPECT_TRUE(net.directed());
  EXPECT_EQ(net.n_ties(), 600u);
  std::set<std::pair<healthnet::vertex_index, healthnet::vertex_index>> arcs;
  std::set<double> weights;
  for (const auto& [u, v] : net.tie_ends()) {
    EXPECT_NE(u, v);
    EXPECT_TRUE(arcs.insert({u, v}).second);
  }
  for (const auto& t : net.ties()) {
    EXPECT_GE(t.weight, 1.0);
    EXPECT_LE(t.weight, 5.0);
    EXPECT_EQ(t.weight, std::floor(t.weight));
    weights.insert(t.weight);
  }
  EXPECT_EQ(weights.size(), 5u);
  std::size_t reciprocated = 0;
  for (const auto& [u, v] : arcs) reciprocated += arcs.contains({v, u});
  EXPECT_GT(reciprocated, 0u);
}

// n_ties beyond the number of possible pairs is clamped: the result is the
// complete graph (undirected n(n-1)/2, directed n(n-1)), even under extreme
// homophily.
TEST(SyntheticRegion, ClampsToPossiblePairs) {
  synthetic_options o;
  o.n_actors = 10;
  o.n_ties = 1000;
  EXPECT_EQ(healthnet::synthetic_region(o).n_ties(), 45u);
  o.directed = true;
  EXPECT_EQ(healthnet::synthetic_region(o).n_ties(), 90u);
  o.directed = false;
  o.n_actors = 40;
  o.n_ties = 700;  // of 780
  o.homophily = 1e9;
  EXPECT_EQ(healthnet::synthetic_region(o).n_ties(), 700u);
}

// n_actors = 0 gives an empty network; n_actors = 1 one actor and no ties;
// tiny networks get no bodies.
TEST(SyntheticRegion, TinyNetworks) {
  synthetic_options o;
  o.n_actors = 0;
  o.region_id = "leer";
  const network empty = healthnet::synthetic_region(o);
  EXPECT_EQ(empty.n_actors(), 0u);
  EXPECT_EQ(empty.n_ties(), 0u);
  EXPECT_EQ(empty.n_bodies(), 0u);
  EXPECT_EQ(empty.region().id, "leer");

  o.n_actors = 1;
  const network one = healthnet::synthetic_region(o);
  EXPECT_EQ(one.n_actors(), 1u);
  EXPECT_EQ(one.n_ties(), 0u);
  EXPECT_EQ(one.n_bodies(), 0u);

  o.n_actors = 2;
  o.directed = true;
  EXPECT_EQ(healthnet::synthetic_region(o).n_ties(), 2u);
}

// With bodies: a steering group with one member per sector, a one-member
// coordination office inside it, two working groups with topics and a health
// conference that contains everybody of the other bodies. Without: none.
TEST(SyntheticRegion, Bodies) {
  synthetic_options o;
  o.n_actors = 200;
  o.n_ties = 800;
  const network net = healthnet::synthetic_region(o);
  const auto steering = bodies_of_kind(net, body_kind::steering_group);
  ASSERT_EQ(steering.size(), 1u);
  std::set<std::string> sectors;
  for (const auto& m : steering[0]->members) sectors.insert(net.get_actor(m).primary_sector());
  EXPECT_EQ(sectors.size(), healthnet::taxonomy::builtin().core_sectors().size());
  EXPECT_EQ(steering[0]->members.size(), sectors.size());

  const auto offices = bodies_of_kind(net, body_kind::coordination_office);
  ASSERT_EQ(offices.size(), 1u);
  ASSERT_EQ(offices[0]->members.size(), 1u);
  EXPECT_EQ(net.get_actor(offices[0]->members[0]).primary_sector(), "municipality");

  const auto groups = bodies_of_kind(net, body_kind::working_group);
  ASSERT_EQ(groups.size(), 2u);
  for (const auto* g : groups) {
    EXPECT_TRUE(g->topic.has_value());
    EXPECT_GE(g->members.size(), 8u);
    EXPECT_LE(g->members.size(), 15u);
  }

  const auto conferences = bodies_of_kind(net, body_kind::health_conference);
  ASSERT_EQ(conferences.size(), 1u);
  EXPECT_GE(conferences[0]->members.size(), 50u);
  const std::set<std::string> conference(conferences[0]->members.begin(), conferences[0]->members.end());
  for (const auto& b : net.bodies()) {
    for (const auto& m : b.members) EXPECT_TRUE(conference.contains(m)) << b.id << ": " << m;
  }

  o.with_bodies = false;
  EXPECT_EQ(healthnet::synthetic_region(o).n_bodies(), 0u);
}

// Custom sectors replace the core sectors; every actor gets one of them.
TEST(SyntheticRegion, CustomSectors) {
  synthetic_options o;
  o.n_actors = 90;
  o.n_ties = 200;
  o.sectors = {"alpha", "beta", "gamma"};
  const network net = healthnet::synthetic_region(o);
  std::set<std::string> used;
  for (const auto& a : net.actors()) {
    ASSERT_EQ(a.sectors.size(), 1u);
    used.insert(a.sectors[0]);
    EXPECT_FALSE(a.type.empty());
  }
  EXPECT_EQ(used, (std::set<std::string>{"alpha", "beta", "gamma"}));
}

// Bad options throw invalid_input: homophily zero, negative, NaN or infinite;
// an empty or duplicate sector id.
TEST(SyntheticRegion, RejectsBadOptions) {
  synthetic_options o;
  for (double h : {0.0, -1.0, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
    o.homophily = h;
    EXPECT_THROW((void)healthnet::synthetic_region(o), healthnet::invalid_input) << h;
  }
  o.homophily = 2.0;
  o.sectors = {"a", "b", "a"};
  EXPECT_THROW((void)healthnet::synthetic_region(o), healthnet::invalid_input);
  o.sectors = {"a", ""};
  EXPECT_THROW((void)healthnet::synthetic_region(o), healthnet::invalid_input);
}

}  // namespace

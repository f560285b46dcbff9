// SPDX-License-Identifier: MIT
// The generator of synthetic, sector-structured regions (target
// healthnet::synthetic, include/healthnet/synthetic.hpp).
//
// Seeded; uses only std::mt19937_64 for raw 64-bit numbers. Everything built
// on top of that (uniform doubles, bounded integers, shuffles, weighted
// choices) is written out below, because the std::uniform_*_distribution
// classes and std::shuffle are free to differ between standard libraries. The
// same call therefore gives the same network on every machine and compiler.
//
// synthetic_region(options) -- a stochastic block model by sector
//   1. Validate: homophily finite and > 0; sector ids non-empty and distinct;
//      n_actors fits a vertex index. n_ties is clamped to the number of
//      possible pairs; n_actors = 0 gives an empty network.
//   2. Sector sizes: near-equal, mildly varied (weights 0.75-1.25 drawn from
//      the seed) and apportioned by largest remainder. Sectors occupy
//      contiguous blocks of "slots"; a seeded permutation maps slots to actor
//      indices so that the sectors interleave in the actor list.
//   3. Ties: exactly n_ties distinct pairs, each drawn with probability
//      proportional to `homophily` (within a sector) or 1 (across sectors),
//      sampled without replacement: a candidate comes from the within pool
//      with probability h*W / (h*W + C) (W, C = numbers of within and cross
//      pairs; a pool that is used up drops out), then is a uniform pair of
//      that pool, found in O(log k) (k = number of sectors); pairs already
//      drawn are rejected with the flat pair index (detail/pair_index.hpp).
//      Candidates are made in batches of 256 so that their memory accesses
//      overlap. Ties keep the order in which they were drawn; undirected
//      pairs are stored lower index first. O(n + m) time and memory for sparse networks.
//   4. Content: one relation per tie (weighted towards information), integer
//      weights 1-5 when `weighted`, a type per actor from a small list per
//      sector; ids a0..a{n-1}, names "Akteur i".
//   5. Bodies (with_bodies and n_actors >= 10): a steering group with one
//      random member per non-empty sector (at most 40), a coordination
//      office (the steering member from municipality, else public health,
//      else the first one), two working groups of 8-14 random members plus
//      the office, and a health conference 2024 with everybody of the other
//      bodies, filled up at random to 50 (or all actors when fewer).

#include <healthnet/synthetic.hpp>

#include <healthnet/body.hpp>
#include <healthnet/error.hpp>
#include <healthnet/taxonomy.hpp>
#include <healthnet/detail/pair_index.hpp>
#include <healthnet/detail/text.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace healthnet {

namespace {

/// A cache hint; no effect on results.
inline void prefetch(const void* p) {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p);
#else
  (void)p;
#endif
}

// ---- portable random helpers ----------------------------------------------

/// Deterministic random numbers on top of mt19937_64 (whose raw output the
/// standard fixes exactly).
class random_source {
 public:
  explicit random_source(std::uint64_t seed) : m_engine(seed) {}

  std::uint64_t next() { return m_engine(); }

  /// Uniform in [0, 1) from the top 53 bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  /// Uniform integer in [0, n), n > 0, without bias: Lemire's multiply-shift
  /// with rejection (the division runs only in the rare rejection branch).
  std::uint64_t below(std::uint64_t n) {
    auto [hi, lo] = mul_128(next(), n);
    if (lo < n) {
      const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
      while (lo < threshold) std::tie(hi, lo) = mul_128(next(), n);
    }
    return hi;
  }

  /// Index i with probability weights[i] / sum; weights >= 0, sum > 0.
  std::size_t weighted(std::span<const double> weights) {
    double total = 0;
    for (double w : weights) total += w;
    const double r = uniform() * total;
    double acc = 0;
    std::size_t last = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (weights[i] <= 0) continue;
      acc += weights[i];
      last = i;
      if (r < acc) return i;
    }
    return last;  // rounding at the top end
  }

  /// Fisher-Yates shuffle.
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) {
      const auto j = static_cast<std::size_t>(below(i));
      using std::swap;
      swap(v[i - 1], v[j]);
    }
  }

 private:
  /// The full 128-bit product as (high, low) words; the same on every platform.
  static std::pair<std::uint64_t, std::uint64_t> mul_128(std::uint64_t a, std::uint64_t b) {
#if defined(__SIZEOF_INT128__)
    __extension__ typedef unsigned __int128 u128;
    const u128 p = static_cast<u128>(a) * b;
    return {static_cast<std::uint64_t>(p >> 64), static_cast<std::uint64_t>(p)};
#else
    const std::uint64_t a_lo = a & 0xFFFFFFFFu, a_hi = a >> 32;
    const std::uint64_t b_lo = b & 0xFFFFFFFFu, b_hi = b >> 32;
    const std::uint64_t ll = a_lo * b_lo, lh = a_lo * b_hi, hl = a_hi * b_lo, hh = a_hi * b_hi;
    const std::uint64_t mid = (ll >> 32) + (lh & 0xFFFFFFFFu) + (hl & 0xFFFFFFFFu);
    return {hh + (lh >> 32) + (hl >> 32) + (mid >> 32), (mid << 32) | (ll & 0xFFFFFFFFu)};
#endif
  }

  std::mt19937_64 m_engine;
};

body make_body(std::string id, body_kind kind, std::string name, std::vector<std::string> members,
               std::optional<std::string> topic = std::nullopt, std::optional<int> year = std::nullopt) {
  body b;
  b.id = std::move(id);
  b.kind = kind;
  b.name = std::move(name);
  b.members = std::move(members);
  b.topic = std::move(topic);
  b.year = year;
  return b;
}

std::span<const std::string_view> synthetic_types(std::string_view sector) {
  static constexpr std::array<std::string_view, 4> outpatient{
      {"gp_practice", "gp_practice", "specialist_practice", "mvz"}};
  static constexpr std::array<std::string_view, 2> inpatient{{"hospital", "rehabilitation_clinic"}};
  static constexpr std::array<std::string_view, 3> nursing{{"nursing_service", "nursing_service", "nursing_home"}};
  static constexpr std::array<std::string_view, 2> rehabilitation{
      {"rehabilitation_clinic", "physiotherapy_practice"}};
  static constexpr std::array<std::string_view, 2> prevention{{"sports_club", "prevention_service"}};
  static constexpr std::array<std::string_view, 1> public_health{{"public_health_office"}};
  static constexpr std::array<std::string_view, 2> municipality{{"municipality", "district_administration"}};
  static constexpr std::array<std::string_view, 1> insurance{{"health_insurer"}};
  static constexpr std::array<std::string_view, 1> pharmacy{{"pharmacy"}};
  static constexpr std::array<std::string_view, 1> emergency{{"ambulance_service"}};
  static constexpr std::array<std::string_view, 1> self_help{{"self_help_group"}};
  static constexpr std::array<std::string_view, 2> social{{"welfare_association", "counselling_service"}};
  static constexpr std::array<std::string_view, 2> education{{"school", "adult_education"}};
  static constexpr std::array<std::string_view, 1> mobility{{"bus_company"}};
  static constexpr std::array<std::string_view, 1> professional{{"professional_association"}};
  static constexpr std::array<std::string_view, 1> other{{"organisation"}};
  if (sector == "outpatient_care") return outpatient;
  if (sector == "inpatient_care") return inpatient;
  if (sector == "nursing_care") return nursing;
  if (sector == "rehabilitation") return rehabilitation;
  if (sector == "prevention") return prevention;
  if (sector == "public_health") return public_health;
  if (sector == "municipality") return municipality;
  if (sector == "health_insurance") return insurance;
  if (sector == "pharmacy") return pharmacy;
  if (sector == "emergency_care") return emergency;
  if (sector == "self_help") return self_help;
  if (sector == "social_services") return social;
  if (sector == "education") return education;
  if (sector == "mobility") return mobility;
  if (sector == "professional_body") return professional;
  return other;
}

/// Sector sizes: near-equal with a mild seeded variation, largest remainder.
std::vector<std::uint64_t> sector_sizes(std::size_t n, std::size_t k, random_source& rng) {
  std::vector<double> w(k);
  double total = 0;
  for (auto& x : w) {
    x = 0.75 + 0.5 * rng.uniform();
    total += x;
  }
  std::vector<std::uint64_t> size(k);
  std::vector<std::pair<double, std::size_t>> rest(k);
  std::uint64_t assigned = 0;
  for (std::size_t s = 0; s < k; ++s) {
    const double quota = static_cast<double>(n) * w[s] / total;
    size[s] = std::min<std::uint64_t>(static_cast<std::uint64_t>(std::floor(quota)), n);
    assigned += size[s];
    rest[s] = {quota - std::floor(quota), s};
  }
  // Largest fractional parts first; ties by sector order. Guard against
  // rounding having handed out one too many.
  std::sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (std::size_t i = 0; assigned < n; i = (i + 1) % k, ++assigned) ++size[rest[i].second];
  for (std::size_t s = k; assigned > n && s-- > 0;) {
    while (assigned > n && size[s] > 0) {
      --size[s];
      --assigned;
    }
  }
  return size;
}

}  // namespace

network synthetic_region(const synthetic_options& options) {
  // ---- validation -------------------------------------------------------------
  if (!std::isfinite(options.homophily) || !(options.homophily > 0)) {
    throw invalid_input(source_location{"", 0, "homophily"},
                        "must be a positive finite number, got " + detail::format_number(options.homophily));
  }
  if (options.n_actors >= std::numeric_limits<vertex_index>::max()) {
    throw invalid_input(source_location{"", 0, "n_actors"},
                        "too many actors: " + std::to_string(options.n_actors) + " (at most " +
                            std::to_string(std::numeric_limits<vertex_index>::max() - 1) + ")");
  }
  std::vector<std::string> sectors = options.sectors;
  if (sectors.empty()) sectors = taxonomy::builtin().core_sectors();
  for (std::size_t i = 0; i < sectors.size(); ++i) {
    if (sectors[i].empty()) {
      throw invalid_input(source_location{"", 0, "sectors[" + std::to_string(i) + "]"}, "sector id is empty");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (sectors[j] == sectors[i]) {
        throw invalid_input(source_location{"", 0, "sectors[" + std::to_string(i) + "]"},
                            "duplicate sector id '" + sectors[i] + "'");
      }
    }
  }

  network net(options.directed ? directedness::directed : directedness::undirected);
  region_info region;
  region.id = options.region_id;
  region.name = options.region_id.empty() ? "Synthetische Region" : "Synthetische Region " + options.region_id;
  net.set_region(std::move(region));
  const std::size_t n = options.n_actors;
  if (n == 0) return net;

  random_source rng(options.seed);
  const std::size_t k = sectors.size();

  // ---- sectors: sizes, slot blocks, interleaving permutation ------------------
  const auto size = sector_sizes(n, k, rng);
  std::vector<std::uint64_t> start(k);
  for (std::size_t s = 0, acc = 0; s < k; ++s) {
    start[s] = acc;
    acc += size[s];
  }
  std::vector<vertex_index> actor_of_slot(n);
  for (std::size_t i = 0; i < n; ++i) actor_of_slot[i] = static_cast<vertex_index>(i);
  rng.shuffle(actor_of_slot);
  std::vector<std::uint32_t> sector_of_actor(n);
  for (std::size_t s = 0; s < k; ++s) {
    for (std::uint64_t slot = start[s]; slot < start[s] + size[s]; ++slot) {
      sector_of_actor[actor_of_slot[slot]] = static_cast<std::uint32_t>(s);
    }
  }

  std::vector<std::string> ids(n);
  for (std::size_t i = 0; i < n; ++i) {
    ids[i] = "a" + std::to_string(i);
    const auto& sec = sectors[sector_of_actor[i]];
    const auto types = synthetic_types(sec);
    actor a;
    a.id = ids[i];
    a.name = "Akteur " + std::to_string(i);
    a.sectors = {sec};
    a.type = std::string(types[rng.below(types.size())]);
    net.add_actor(std::move(a));
  }

  // ---- pairs --------------------------------------------------------------------
  // Ordered-pair counts per sector (within: s(s-1); across: s(n-s)) as
  // cumulative tables for picking a sector in O(log k).
  const std::uint64_t nn = n;
  std::vector<std::uint64_t> within_cum(k), cross_cum(k);
  std::uint64_t within_ordered = 0, cross_ordered = 0;
  for (std::size_t s = 0; s < k; ++s) {
    within_ordered += size[s] * (size[s] == 0 ? 0 : size[s] - 1);
    cross_ordered += size[s] * (nn - size[s]);
    within_cum[s] = within_ordered;
    cross_cum[s] = cross_ordered;
  }
  const std::uint64_t per_pair = options.directed ? 1 : 2;
  std::uint64_t within_left = within_ordered / per_pair;
  std::uint64_t cross_left = cross_ordered / per_pair;
  const std::uint64_t possible = within_left + cross_left;
  const auto m = static_cast<std::size_t>(std::min<std::uint64_t>(options.n_ties, possible));
  const double h = options.homophily;

  auto pick_sector = [&](const std::vector<std::uint64_t>& cum, std::uint64_t total) {
    const std::uint64_t x = rng.below(total);
    return static_cast<std::size_t>(std::upper_bound(cum.begin(), cum.end(), x) - cum.begin());
  };

  std::vector<std::pair<vertex_index, vertex_index>> pairs;
  pairs.reserve(m);
  detail::pair_index seen;  // drawn pairs; the value is unused
  seen.reserve(m);
  // Candidates come in batches so that the random memory accesses (slot ->
  // actor) of a batch overlap; the pool weights are those of the
  // full distribution (a pool drops out only once it is used up), so a batch
  // does not depend on which of its own candidates are accepted. Rejecting
  // pairs already drawn then samples without replacement from exactly the
  // weights h (within) and 1 (across).
  constexpr std::size_t batch = 256;
  std::array<std::uint64_t, batch> slot_a{}, slot_b{}, keys{};
  std::array<bool, batch> from_within{};
  const double within_weight = h * static_cast<double>(within_left);
  const double cross_weight = static_cast<double>(cross_left);
  while (pairs.size() < m) {
    // (Written as a ratio so that an extreme homophily cannot overflow to NaN.)
    const double p_within = within_left == 0  ? 0.0
                            : cross_left == 0 ? 1.0
                                              : 1.0 / (1.0 + cross_weight / within_weight);
    for (std::size_t c = 0; c < batch; ++c) {
      const bool within = p_within >= 1.0 || (p_within > 0.0 && rng.uniform() < p_within);
      if (within) {
        const std::size_t s = pick_sector(within_cum, within_ordered);
        const std::uint64_t a = rng.below(size[s]);
        std::uint64_t b = rng.below(size[s] - 1);
        if (b >= a) ++b;
        slot_a[c] = start[s] + a;
        slot_b[c] = start[s] + b;
      } else {
        const std::size_t s = pick_sector(cross_cum, cross_ordered);
        slot_a[c] = start[s] + rng.below(size[s]);
        const std::uint64_t b = rng.below(nn - size[s]);
        slot_b[c] = b < start[s] ? b : b + size[s];
      }
      from_within[c] = within;
      prefetch(&actor_of_slot[slot_a[c]]);
      prefetch(&actor_of_slot[slot_b[c]]);
    }
    for (std::size_t c = 0; c < batch; ++c) {
      vertex_index u = actor_of_slot[slot_a[c]];
      vertex_index v = actor_of_slot[slot_b[c]];
      if (!options.directed && v < u) std::swap(u, v);
      keys[c] = (static_cast<std::uint64_t>(u) << 32) | v;
    }
    for (std::size_t c = 0; c < batch && pairs.size() < m; ++c) {
      if (seen.find(keys[c]) != detail::pair_index::npos) continue;
      seen.insert(keys[c], 0);
      pairs.emplace_back(static_cast<vertex_index>(keys[c] >> 32), static_cast<vertex_index>(keys[c]));
      --(from_within[c] ? within_left : cross_left);
    }
  }

  // ---- ties -----------------------------------------------------------------------
  static constexpr std::array<std::string_view, 5> relations{
      {"information", "referral", "joint_project", "resources", "agreement"}};
  static constexpr std::array<double, 5> relation_weights{35, 25, 20, 10, 10};
  static constexpr std::array<double, 5> weight_weights{30, 25, 20, 15, 10};
  for (const auto& [u, v] : pairs) {
    tie t;
    t.source = ids[u];
    t.target = ids[v];
    t.relations.emplace(relations[rng.weighted(relation_weights)]);
    if (options.weighted) t.weight = static_cast<double>(rng.weighted(weight_weights) + 1);
    net.add_tie(std::move(t));
  }

  // ---- bodies -----------------------------------------------------------------------
  constexpr std::size_t min_actors_for_bodies = 10;
  if (!options.with_bodies || n < min_actors_for_bodies) return net;

  auto sorted_ids = [&](std::vector<vertex_index> members) {
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    std::vector<std::string> out;
    out.reserve(members.size());
    for (auto i : members) out.push_back(ids[i]);
    return out;
  };
  auto random_members = [&](std::size_t count, std::vector<vertex_index> taken) {
    // `count` distinct actors not in `taken` (count <= n - |taken|); rejection
    // sampling, as count is small next to n.
    std::vector<vertex_index> out;
    std::sort(taken.begin(), taken.end());
    while (out.size() < count) {
      const auto c = static_cast<vertex_index>(rng.below(n));
      if (std::binary_search(taken.begin(), taken.end(), c)) continue;
      taken.insert(std::upper_bound(taken.begin(), taken.end(), c), c);
      out.push_back(c);
    }
    return out;
  };

  // Steering group: one random member per non-empty sector (for the first
  // 40 such sectors: a steering group stays a small body).
  constexpr std::size_t max_steering = 40;
  std::vector<vertex_index> steering;
  std::vector<std::size_t> steering_sector;
  for (std::size_t s = 0; s < k && steering.size() < max_steering; ++s) {
    if (size[s] == 0) continue;
    steering.push_back(actor_of_slot[start[s] + rng.below(size[s])]);
    steering_sector.push_back(s);
  }
  // Coordination office: the steering member from municipality, else from
  // public health, else the first one (later preferences overwrite earlier).
  vertex_index office = steering.front();
  for (std::string_view preferred : {std::string_view("public_health"), std::string_view("municipality")}) {
    for (std::size_t i = 0; i < steering.size(); ++i) {
      if (sectors[steering_sector[i]] == preferred) office = steering[i];
    }
  }
  net.add_body(make_body("coordination_office", body_kind::coordination_office, "Geschäftsstelle", {ids[office]}));
  net.add_body(make_body("steering_group", body_kind::steering_group, "Steuerungsgruppe", sorted_ids(steering)));

  std::vector<vertex_index> everybody = steering;
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 2> wg_topics{{
      {"Sektorenübergreifende Versorgung", "wg_care"},
      {"Prävention und Gesundheitsförderung", "wg_prevention"},
  }};
  for (const auto& [topic, id] : wg_topics) {
    const std::size_t want = std::min<std::size_t>(n - 1, 8 + rng.below(7));
    auto members = random_members(want, {office});
    members.push_back(office);
    everybody.insert(everybody.end(), members.begin(), members.end());
    net.add_body(make_body(std::string(id), body_kind::working_group, "Arbeitsgruppe " + std::string(topic),
                           sorted_ids(members), std::string(topic)));
  }

  std::sort(everybody.begin(), everybody.end());
  everybody.erase(std::unique(everybody.begin(), everybody.end()), everybody.end());
  constexpr std::size_t conference_size = 50;
  const std::size_t target = std::min(n, std::max(conference_size, everybody.size()));
  auto extra = random_members(target - everybody.size(), everybody);
  everybody.insert(everybody.end(), extra.begin(), extra.end());
  net.add_body(make_body("health_conference", body_kind::health_conference, "Gesundheitskonferenz",
                         sorted_ids(everybody), std::nullopt, 2024));
  return net;
}

}  // namespace healthnet

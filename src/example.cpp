// SPDX-License-Identifier: MIT
// The built-in example region "Landkreis Musterstadt" and the generator of
// synthetic, sector-structured regions.
//
// Both generators are seeded and use only std::mt19937_64 for raw 64-bit
// numbers. Everything built on top of that (uniform doubles, bounded
// integers, shuffles, weighted choices) is written out below, because the
// std::uniform_*_distribution classes and std::shuffle are free to differ
// between standard libraries. The same call therefore gives the same network
// on every machine and compiler.
//
// example_region() -- "Landkreis Musterstadt" (Lower Saxony, fictional)
//   1. Region metadata: id 03999, Niedersachsen, 128,473 inhabitants, survey
//      wave 2024 dated 2024-10-01; an undirected network.
//   2. Actors: a hand-written catalogue of 121 organisations over all 16
//      built-in sectors in the proportions of a rural district: many GP and
//      specialist practices, 3 hospitals, nursing services and homes, 5
//      insurers' regional offices, the Gesundheitsamt, the district
//      administration and 6 towns/Gemeinden, pharmacies, self-help groups,
//      schools, bus services, chambers and the KV. The surnames of the
//      practices are drawn from a pool by a seeded shuffle. Ten actors carry a
//      second sector (e.g. the Pflegestützpunkt: nursing care + social
//      services).
//   3. Attributes: `municipality` (one of 6 fictional Gemeinden, absent for
//      district-wide services and some self-help groups), `rural` (bool, from
//      the municipality), `staff` (number, range per actor type) and `founded`
//      (year, range per type); about a tenth of staff values and a fifth of
//      founding years are left absent, as in a real survey.
//   4. Isolates: three actors (a urology practice, a pharmacy, a Parkinson
//      self-help group) take part in nothing: no ties, no bodies.
//   5. Bodies: the Geschäftsstelle (coordination office: the district
//      administration and the Gesundheitsamt), a steering group of 12 fixed
//      members (municipalities, GP speaker, hospital, nursing service, AOK,
//      KV, self-help, welfare, sport), four working groups whose members are
//      drawn by sector weights around a fixed convenor, and the health
//      conference 2024 (all members of the other bodies, filled up at random
//      to 52 members).
//   6. Ties: every pair of non-isolated actors is tied with a probability
//      that grows with the affinity of their sectors (a hand-set matrix:
//      hospitals-emergency care, practices-pharmacies, ...), with homophily
//      (same primary sector), with a shared Gemeinde and with each body they
//      share. The district administration and the Gesundheitsamt are hubs
//      (tied to about half and a third of all actors). 25 well-known
//      cooperations (hospital group, rescue chain, KV and Ärztekammer,
//      pharmacy rota, ...) are always tied; an actor the draw left without
//      any tie gets one to the district administration, so only the three
//      designated actors are isolates. No tie ever joins mobility and
//      rehabilitation: a deliberate gap for the gap analysis.
//   7. Tie content: 1-3 relations from {information, referral, joint_project,
//      resources, agreement} -- referral mostly between care providers,
//      joint_project more likely inside a working group --, an integer weight
//      1-5 (frequency, higher for multiplex ties), `since` (year or full date)
//      on about 45 % of ties, `trust` (1-5) on about 35 % and `formal` = true
//      on ties that carry an agreement.
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
//      drawn are rejected with a flat hash set. Candidates are made in
//      batches of 256 so that their memory accesses overlap. Ties keep the
//      order in which they were drawn; undirected pairs are stored lower
//      index first. O(n + m) time and memory for sparse networks.
//   4. Content: one relation per tie (weighted towards information), integer
//      weights 1-5 when `weighted`, a type per actor from a small list per
//      sector; ids a0..a{n-1}, names "Akteur i".
//   5. Bodies (with_bodies and n_actors >= 10): a steering group with one
//      random member per non-empty sector (at most 40), a coordination
//      office (the steering member from municipality, else public health,
//      else the first one), two working groups of 8-14 random members plus
//      the office, and a health conference 2024 with everybody of the other
//      bodies, filled up at random to 50 (or all actors when fewer).
#include <healthnet/example.hpp>

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
#include <set>
#include <vector>

namespace healthnet {

namespace {

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

  /// Uniform integer in [lo, hi].
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }

  bool chance(double p) { return uniform() < p; }

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

// ============================================================================
// Landkreis Musterstadt
// ============================================================================

constexpr std::uint64_t example_seed = 20241001;

// The six Gemeinden of the district; the first two are towns.
struct gemeinde {
  std::string_view name;
  bool rural;
  double weight;  // share of practices etc. located there
};
constexpr std::array<gemeinde, 6> gemeinden{{
    {"Musterstadt", false, 40},
    {"Lindenau", false, 20},
    {"Birkenfelde", true, 10},
    {"Eichhagen", true, 10},
    {"Wiesental", true, 12},
    {"Holtendorf", true, 8},
}};

// Where an actor sits: a named Gemeinde, a random one, or nowhere (district-wide).
constexpr std::string_view anywhere = "*";
constexpr std::string_view nowhere = "-";

struct actor_spec {
  std::string id;
  std::string name;
  std::string type;
  std::vector<std::string> sectors;
  std::string_view municipality;  // a Gemeinde name, `anywhere` or `nowhere`
};

// Typical staff and founding-year ranges per actor type; 0 means "not asked".
struct type_profile {
  std::string_view type;
  int staff_lo, staff_hi;
  int founded_lo, founded_hi;
};
constexpr std::array<type_profile, 49> type_profiles{{
    {"gp_practice", 3, 12, 1978, 2022},
    {"group_gp_practice", 7, 18, 1985, 2020},
    {"specialist_practice", 3, 16, 1975, 2022},
    {"psychotherapy_practice", 1, 3, 1995, 2022},
    {"dental_practice", 4, 14, 1975, 2021},
    {"mvz", 18, 65, 2005, 2021},
    {"hospital", 420, 1250, 1885, 1972},
    {"psychiatric_hospital", 160, 420, 1900, 1980},
    {"nursing_service", 12, 65, 1985, 2021},
    {"nursing_home", 40, 130, 1960, 2018},
    {"day_care", 6, 16, 1998, 2021},
    {"care_counselling_point", 2, 5, 2009, 2012},
    {"rehabilitation_clinic", 110, 290, 1955, 1995},
    {"physiotherapy_practice", 3, 16, 1980, 2022},
    {"occupational_therapy_practice", 2, 9, 1990, 2022},
    {"speech_therapy_practice", 2, 6, 1992, 2022},
    {"outpatient_rehabilitation_centre", 20, 55, 1998, 2015},
    {"sports_association", 4, 12, 1946, 1975},
    {"sports_club", 1, 6, 1880, 1950},
    {"addiction_prevention_service", 2, 5, 1990, 2015},
    {"nutrition_counselling", 1, 4, 2000, 2022},
    {"association", 0, 0, 1950, 2015},
    {"public_health_office", 40, 85, 1934, 1950},
    {"social_psychiatric_service", 6, 14, 1980, 1998},
    {"district_administration", 700, 1100, 0, 0},
    {"municipality", 25, 380, 0, 0},
    {"health_insurer", 8, 70, 0, 0},
    {"pharmacy", 4, 14, 1850, 2016},
    {"ambulance_service", 60, 190, 1950, 1995},
    {"dispatch_centre", 25, 45, 1975, 2012},
    {"out_of_hours_practice", 3, 8, 2014, 2019},
    {"self_help_contact_point", 2, 4, 1986, 1995},
    {"self_help_group", 0, 0, 1982, 2020},
    {"self_help_association", 0, 0, 1990, 2010},
    {"welfare_association", 90, 650, 1900, 1975},
    {"disability_services", 80, 320, 1962, 1985},
    {"senior_services", 2, 5, 2005, 2018},
    {"addiction_counselling", 4, 10, 1975, 2000},
    {"youth_welfare_office", 35, 90, 0, 0},
    {"community_centre", 2, 8, 2006, 2018},
    {"vocational_school", 60, 140, 1950, 1975},
    {"adult_education", 12, 30, 1948, 1975},
    {"school", 40, 95, 1890, 1975},
    {"primary_school", 10, 24, 1900, 1975},
    {"kindergarten", 8, 20, 1970, 2015},
    {"bus_company", 60, 180, 1950, 1990},
    {"on_demand_bus_service", 4, 12, 2016, 2021},
    {"citizens_bus", 0, 0, 2008, 2018},
    {"volunteer_agency", 2, 6, 1998, 2015},
}};
constexpr std::array<type_profile, 5> more_type_profiles{{
    {"medical_association", 3, 8, 0, 0},
    {"kv_district_office", 8, 25, 0, 0},
    {"physicians_association", 0, 0, 1950, 1990},
    {"dental_association", 2, 5, 0, 0},
    {"organisation", 3, 40, 1950, 2015},
}};

const type_profile& profile_of(std::string_view type) {
  for (const auto& p : type_profiles) {
    if (p.type == type) return p;
  }
  for (const auto& p : more_type_profiles) {
    if (p.type == type) return p;
  }
  return more_type_profiles.back();
}

// Surnames for the practices (Weber is fixed: the GP speaker of the region).
constexpr std::array<std::string_view, 44> surname_pool{{
    "Schulte",   "Meyer",     "Hoffmann", "Becker",  "Krüger",  "Hartmann", "Lange",    "Schröder", "Brandt",
    "Voss",      "Janssen",   "Kühn",     "Petersen", "Wolters", "Behrens", "Lindemann", "Ahrens",  "Böhm",
    "Sommer",    "Friedrichs", "Köhler",  "Neumann", "Haase",   "Engel",   "Winter",   "Busch",    "Seidel",
    "Franke",    "Dietrich",  "Ludwig",   "Otto",    "Jäger",   "Albrecht", "Kraus",   "Hein",     "Vogel",
    "Bauer",     "Keller",    "Rademacher", "Thiele", "Stein",  "Gerdes",  "Oltmanns", "Hinrichs",
}};

constexpr std::array<std::string_view, 12> specialist_kinds{{
    "Internistische Praxis",
    "Kinder- und Jugendarztpraxis",
    "Kinder- und Jugendarztpraxis",
    "Frauenarztpraxis",
    "Augenarztpraxis",
    "HNO-Praxis",
    "Orthopädische Praxis",
    "Kardiologische Praxis",
    "Neurologische Praxis",
    "Hautarztpraxis",
    "Urologische Praxis",
    "Diabetologische Schwerpunktpraxis",
}};

std::string two_digits(std::size_t i) {
  std::string s = std::to_string(i);
  if (s.size() < 2) s.insert(s.begin(), '0');
  return s;
}

/// The catalogue of the 121 actors, in a stable order.
std::vector<actor_spec> musterstadt_catalogue(random_source& rng) {
  std::vector<actor_spec> out;
  auto add = [&](std::string id, std::string name, std::string type, std::vector<std::string> sectors,
                 std::string_view where = anywhere) {
    out.push_back({std::move(id), std::move(name), std::move(type), std::move(sectors), where});
  };

  std::vector<std::string_view> names(surname_pool.begin(), surname_pool.end());
  rng.shuffle(names);
  std::size_t next_name = 0;
  auto surname = [&] { return std::string(names[next_name++]); };

  // Municipalities and the district administration (7).
  add("lk", "Landkreis Musterstadt – Kreisverwaltung", "district_administration", {"municipality"}, "Musterstadt");
  add("st_musterstadt", "Stadt Musterstadt", "municipality", {"municipality"}, "Musterstadt");
  add("st_lindenau", "Stadt Lindenau", "municipality", {"municipality"}, "Lindenau");
  add("gm_birkenfelde", "Gemeinde Birkenfelde", "municipality", {"municipality"}, "Birkenfelde");
  add("gm_eichhagen", "Gemeinde Eichhagen", "municipality", {"municipality"}, "Eichhagen");
  add("sg_wiesental", "Samtgemeinde Wiesental", "municipality", {"municipality"}, "Wiesental");
  add("gm_holtendorf", "Gemeinde Holtendorf", "municipality", {"municipality"}, "Holtendorf");

  // Public health service (2).
  add("ga", "Gesundheitsamt Landkreis Musterstadt", "public_health_office", {"public_health"}, "Musterstadt");
  add("spd", "Sozialpsychiatrischer Dienst Landkreis Musterstadt", "social_psychiatric_service",
      {"public_health", "social_services"}, "Musterstadt");

  // Outpatient care (38): GPs, specialists, psychotherapists, dentists, MVZ.
  add("gp01", "Hausarztpraxis Dr. Weber", "gp_practice", {"outpatient_care"}, "Musterstadt");
  for (std::size_t i = 2; i <= 20; ++i) {
    if (i % 6 == 4) {  // gp04, gp10, gp16: group practices
      const std::string a = surname();
      const std::string b = surname();
      add("gp" + two_digits(i), "Hausärztliche Gemeinschaftspraxis Dr. " + a + " und Dr. " + b, "group_gp_practice",
          {"outpatient_care"});
    } else {
      add("gp" + two_digits(i), "Hausarztpraxis Dr. " + surname(), "gp_practice", {"outpatient_care"});
    }
  }
  for (std::size_t i = 0; i < specialist_kinds.size(); ++i) {
    add("sp" + two_digits(i + 1), std::string(specialist_kinds[i]) + " Dr. " + surname(), "specialist_practice",
        {"outpatient_care"}, i < 8 ? std::string_view("Musterstadt") : anywhere);
  }
  add("pt01", "Psychotherapeutische Praxis A. " + surname(), "psychotherapy_practice", {"outpatient_care"},
      "Musterstadt");
  add("pt02", "Psychotherapeutische Praxis K. " + surname(), "psychotherapy_practice", {"outpatient_care"});
  add("dn01", "Zahnarztpraxis Dr. " + surname(), "dental_practice", {"outpatient_care"});
  add("dn02", "Zahnarztpraxis Dr. " + surname(), "dental_practice", {"outpatient_care"});
  add("mvz01", "MVZ am Klinikum Musterstadt", "mvz", {"outpatient_care", "inpatient_care"}, "Musterstadt");
  add("mvz02", "Medizinisches Versorgungszentrum Lindenau", "mvz", {"outpatient_care"}, "Lindenau");

  // Inpatient care (3).
  add("kh01", "Klinikum Musterstadt", "hospital", {"inpatient_care"}, "Musterstadt");
  add("kh02", "St.-Marien-Krankenhaus Lindenau", "hospital", {"inpatient_care"}, "Lindenau");
  add("kh03", "Fachklinik für Psychiatrie und Psychotherapie Wiesental", "psychiatric_hospital", {"inpatient_care"},
      "Wiesental");

  // Nursing care (14).
  add("pd01", "Ambulanter Pflegedienst Sonnenschein", "nursing_service", {"nursing_care"}, "Musterstadt");
  add("pd02", "Diakoniestation Musterstadt", "nursing_service", {"nursing_care"}, "Musterstadt");
  add("pd03", "Sozialstation Lindenau", "nursing_service", {"nursing_care"}, "Lindenau");
  add("pd04", "Pflegedienst Lebensfreude", "nursing_service", {"nursing_care"});
  add("pd05", "Häusliche Krankenpflege Nordlicht", "nursing_service", {"nursing_care"});
  add("pd06", "Pflegeteam Birkenfelde", "nursing_service", {"nursing_care"}, "Birkenfelde");
  add("pd07", "DRK-Pflegedienst Holtendorf", "nursing_service", {"nursing_care"}, "Holtendorf");
  add("ph01", "Seniorenzentrum Am Stadtpark", "nursing_home", {"nursing_care"}, "Musterstadt");
  add("ph02", "Pflegeheim Haus Lindenhof", "nursing_home", {"nursing_care"}, "Lindenau");
  add("ph03", "Seniorenresidenz Eichenhain", "nursing_home", {"nursing_care"}, "Eichhagen");
  add("ph04", "Alten- und Pflegeheim St. Josef", "nursing_home", {"nursing_care"});
  add("ph05", "Wohnstift am Wiesenbach", "nursing_home", {"nursing_care"}, "Wiesental");
  add("tp01", "Tagespflege Sonnenhof", "day_care", {"nursing_care"});
  add("psp", "Pflegestützpunkt Landkreis Musterstadt", "care_counselling_point", {"nursing_care", "social_services"},
      "Musterstadt");

  // Rehabilitation (6).
  add("rk01", "Rehaklinik am Kurpark Eichhagen", "rehabilitation_clinic", {"rehabilitation", "inpatient_care"},
      "Eichhagen");
  add("rh01", "Ambulantes Rehazentrum Musterstadt", "outpatient_rehabilitation_centre", {"rehabilitation"},
      "Musterstadt");
  add("rh02", "Physiotherapie Bewegungsraum", "physiotherapy_practice", {"rehabilitation"});
  add("rh03", "Physiotherapiepraxis Am Markt Lindenau", "physiotherapy_practice", {"rehabilitation"}, "Lindenau");
  add("rh04", "Ergotherapiepraxis Hand in Hand", "occupational_therapy_practice", {"rehabilitation"});
  add("rh05", "Logopädische Praxis Sprachraum", "speech_therapy_practice", {"rehabilitation"});

  // Prevention and health promotion (6).
  add("pv01", "Kreissportbund Musterstadt", "sports_association", {"prevention"}, "Musterstadt");
  add("pv02", "TSV Lindenau von 1889 – Gesundheitssport", "sports_club", {"prevention"}, "Lindenau");
  add("pv03", "Fachstelle für Suchtprävention Musterstadt", "addiction_prevention_service", {"prevention"},
      "Musterstadt");
  add("pv04", "Ernährungsberatung Vitalis", "nutrition_counselling", {"prevention"});
  add("pv05", "Landfrauenverein Birkenfelde", "association", {"prevention", "other"}, "Birkenfelde");
  add("pv06", "Netzwerk Betriebliche Gesundheitsförderung Musterstadt e.V.", "association", {"prevention"},
      "Musterstadt");

  // Health insurers' regional offices (5).
  add("aok", "AOK Niedersachsen – Regionaldirektion Musterstadt", "health_insurer", {"health_insurance"},
      "Musterstadt");
  add("tk", "Techniker Krankenkasse – Servicestelle Musterstadt", "health_insurer", {"health_insurance"},
      "Musterstadt");
  add("barmer", "BARMER – Geschäftsstelle Musterstadt", "health_insurer", {"health_insurance"}, "Musterstadt");
  add("ikk", "IKK classic – Geschäftsstelle Musterstadt", "health_insurer", {"health_insurance"}, "Musterstadt");
  add("dak", "DAK-Gesundheit – Servicezentrum Lindenau", "health_insurer", {"health_insurance"}, "Lindenau");

  // Pharmacies (6).
  add("ap01", "Apotheke am Markt", "pharmacy", {"pharmacy"}, "Musterstadt");
  add("ap02", "Rats-Apotheke Musterstadt", "pharmacy", {"pharmacy"}, "Musterstadt");
  add("ap03", "Linden-Apotheke Lindenau", "pharmacy", {"pharmacy"}, "Lindenau");
  add("ap04", "Birken-Apotheke Birkenfelde", "pharmacy", {"pharmacy"}, "Birkenfelde");
  add("ap05", "Hirsch-Apotheke Eichhagen", "pharmacy", {"pharmacy"}, "Eichhagen");
  add("ap06", "Sonnen-Apotheke Wiesental", "pharmacy", {"pharmacy"}, "Wiesental");

  // Emergency care (4).
  add("rd01", "DRK-Kreisverband Musterstadt – Rettungsdienst", "ambulance_service", {"emergency_care"},
      "Musterstadt");
  add("rd02", "Johanniter-Unfall-Hilfe – Rettungswache Lindenau", "ambulance_service", {"emergency_care"},
      "Lindenau");
  add("rd03", "Kooperative Regionalleitstelle Musterstadt", "dispatch_centre", {"emergency_care"}, "Musterstadt");
  add("bdp", "KV-Bereitschaftsdienstpraxis am Klinikum Musterstadt", "out_of_hours_practice",
      {"emergency_care", "outpatient_care"}, "Musterstadt");

  // Self-help (7).
  add("sh01", "KIBIS – Kontakt-, Informations- und Beratungsstelle für Selbsthilfe", "self_help_contact_point",
      {"self_help"}, "Musterstadt");
  add("sh02", "Selbsthilfegruppe Diabetes Musterstadt", "self_help_group", {"self_help"}, "Musterstadt");
  add("sh03", "Alzheimer Gesellschaft Musterstadt e.V.", "self_help_association", {"self_help"}, "Musterstadt");
  add("sh04", "Frauenselbsthilfe Krebs – Gruppe Lindenau", "self_help_group", {"self_help"}, "Lindenau");
  add("sh05", "Blaues Kreuz – Suchtselbsthilfegruppe Musterstadt", "self_help_group", {"self_help"}, nowhere);
  add("sh06", "Parkinson-Selbsthilfegruppe Eichhagen", "self_help_group", {"self_help"}, "Eichhagen");
  add("sh07", "Gesprächskreis pflegende Angehörige Wiesental", "self_help_group", {"self_help"}, nowhere);

  // Social services (8).
  add("so01", "Caritasverband für den Landkreis Musterstadt", "welfare_association", {"social_services"},
      "Musterstadt");
  add("so02", "Diakonisches Werk Musterstadt", "welfare_association", {"social_services"}, "Musterstadt");
  add("so03", "Lebenshilfe Musterstadt e.V.", "disability_services", {"social_services"}, "Musterstadt");
  add("so04", "Seniorenservicebüro Landkreis Musterstadt", "senior_services", {"social_services", "municipality"},
      "Musterstadt");
  add("so05", "Suchtberatungsstelle Musterstadt", "addiction_counselling", {"social_services"}, "Musterstadt");
  add("so06", "Fachdienst Jugend und Familie (Jugendamt)", "youth_welfare_office",
      {"social_services", "municipality"}, "Musterstadt");
  add("so07", "Mehrgenerationenhaus Lindenau", "community_centre", {"social_services"}, "Lindenau");
  add("so08", "AWO Ortsverein Holtendorf", "welfare_association", {"social_services"}, "Holtendorf");

  // Education (5).
  add("ed01", "Berufsbildende Schulen Musterstadt – Pflegeschule", "vocational_school",
      {"education", "nursing_care"}, "Musterstadt");
  add("ed02", "Kreisvolkshochschule Musterstadt", "adult_education", {"education", "prevention"}, "Musterstadt");
  add("ed03", "Gymnasium am Wall Musterstadt", "school", {"education"}, "Musterstadt");
  add("ed04", "Grundschule Birkenfelde", "primary_school", {"education"}, "Birkenfelde");
  add("ed05", "Kindertagesstätte Regenbogen Eichhagen", "kindergarten", {"education"}, "Eichhagen");

  // Mobility (3).
  add("mo01", "Verkehrsbetriebe Landkreis Musterstadt", "bus_company", {"mobility"}, "Musterstadt");
  add("mo02", "Rufbus Musterland", "on_demand_bus_service", {"mobility"}, nowhere);
  add("mo03", "Bürgerbus Holtendorf e.V.", "citizens_bus", {"mobility"}, "Holtendorf");

  // Professional bodies (4).
  add("pb01", "Ärztekammer Niedersachsen – Bezirksstelle Musterstadt", "medical_association", {"professional_body"},
      "Musterstadt");
  add("pb02", "Kassenärztliche Vereinigung Niedersachsen – Bezirksstelle Musterstadt", "kv_district_office",
      {"professional_body"}, "Musterstadt");
  add("pb03", "Ärzteverein Musterstadt e.V.", "physicians_association", {"professional_body"}, nowhere);
  add("pb04", "Zahnärztekammer Niedersachsen – Bezirksstelle Musterstadt", "dental_association",
      {"professional_body"}, "Musterstadt");

  // Other (3).
  add("ot01", "Wirtschaftsförderung Landkreis Musterstadt GmbH", "organisation", {"other"}, "Musterstadt");
  add("ot02", "Ev.-luth. Kirchenkreis Musterstadt", "organisation", {"other"}, "Musterstadt");
  add("ot03", "Ehrenamtsagentur Musterstadt", "volunteer_agency", {"other"}, "Musterstadt");

  return out;
}

// Cooperations every such district has (hospital group, rescue chain, KV and
// chamber, pharmacy emergency rota, nursing school placements, addiction
// help, bus operator and town): always tied.
constexpr std::array<std::pair<std::string_view, std::string_view>, 25> fixed_ties{{
    {"kh01", "kh02"}, {"kh01", "rd01"}, {"rd01", "rd03"}, {"rd02", "rd03"}, {"kh01", "rk01"}, {"kh01", "bdp"},
    {"kh01", "mvz01"}, {"pb01", "pb02"}, {"gp01", "pb02"}, {"ap01", "ap02"}, {"ap03", "ap04"}, {"psp", "pd01"},
    {"sh01", "sh02"}, {"so01", "so02"}, {"mo01", "mo02"}, {"st_musterstadt", "mo01"}, {"sh07", "pd05"},
    {"sh03", "ph01"}, {"ed01", "kh01"}, {"ed01", "ph02"}, {"kh03", "spd"}, {"rk01", "rh01"}, {"so05", "sh05"},
    {"pv03", "so05"}, {"ga", "spd"},
}};

// Actors that take part in nothing.
constexpr std::array<std::string_view, 3> isolate_ids{{"sp11", "ap06", "sh06"}};

// The sector pair that is never tied (checked on all sectors of both ends).
constexpr std::string_view gap_a = "mobility";
constexpr std::string_view gap_b = "rehabilitation";

bool has_sector(const actor& a, std::string_view s) {
  return std::find(a.sectors.begin(), a.sectors.end(), s) != a.sectors.end();
}

bool is_care_provider(std::string_view sector) {
  return sector == "outpatient_care" || sector == "inpatient_care" || sector == "nursing_care" ||
         sector == "rehabilitation" || sector == "pharmacy" || sector == "emergency_care";
}

// Affinity of two primary sectors across sectors (1 = neutral).
struct affinity_entry {
  std::string_view a, b;
  double factor;
};
constexpr std::array<affinity_entry, 34> affinities{{
    {"outpatient_care", "inpatient_care", 3.0},
    {"outpatient_care", "pharmacy", 3.0},
    {"outpatient_care", "nursing_care", 2.5},
    {"outpatient_care", "rehabilitation", 2.5},
    {"outpatient_care", "emergency_care", 2.0},
    {"outpatient_care", "professional_body", 3.0},
    {"outpatient_care", "self_help", 1.5},
    {"outpatient_care", "health_insurance", 1.5},
    {"inpatient_care", "nursing_care", 3.0},
    {"inpatient_care", "rehabilitation", 3.5},
    {"inpatient_care", "emergency_care", 5.0},
    {"inpatient_care", "health_insurance", 2.0},
    {"inpatient_care", "self_help", 1.5},
    {"nursing_care", "social_services", 2.5},
    {"nursing_care", "pharmacy", 2.0},
    {"nursing_care", "health_insurance", 2.0},
    {"nursing_care", "self_help", 1.5},
    {"nursing_care", "education", 1.5},
    {"prevention", "education", 3.0},
    {"prevention", "public_health", 3.0},
    {"prevention", "health_insurance", 2.5},
    {"prevention", "municipality", 2.0},
    {"prevention", "self_help", 1.5},
    {"public_health", "municipality", 3.0},
    {"public_health", "social_services", 2.5},
    {"public_health", "education", 2.0},
    {"municipality", "mobility", 4.0},
    {"municipality", "social_services", 2.0},
    {"municipality", "education", 1.5},
    {"self_help", "social_services", 2.5},
    {"pharmacy", "emergency_care", 1.0},
    {"professional_body", "health_insurance", 2.0},
    {"professional_body", "inpatient_care", 1.5},
    {"health_insurance", "rehabilitation", 1.5},
}};

double sector_affinity(std::string_view a, std::string_view b) {
  if (a == b) {
    // Homophily; weaker among the many practices, whose cooperation runs
    // through quality circles rather than pair ties.
    return a == "outpatient_care" ? 2.5 : 4.5;
  }
  for (const auto& e : affinities) {
    if ((e.a == a && e.b == b) || (e.a == b && e.b == a)) return e.factor;
  }
  if (a == "mobility" || b == "mobility") return 0.4;
  if (a == "other" || b == "other") return 0.6;
  return 1.0;
}

// Body bits for co-membership.
constexpr unsigned in_steering = 1u << 0;
constexpr unsigned in_office = 1u << 1;
constexpr unsigned first_wg_bit = 2;  // working groups use bits 2..5
constexpr unsigned in_conference = 1u << 6;
constexpr unsigned bodies_but_conference = 0x3Fu;

struct working_group_spec {
  std::string_view id;
  std::string_view name;
  std::string_view topic;
  std::size_t size;
  std::vector<std::string_view> fixed;                          // always members
  std::vector<std::pair<std::string_view, double>> sector_weights;  // by primary sector
};

std::vector<working_group_spec> working_group_specs() {
  return {
      {"ag_hausaerztliche_versorgung",
       "AG Hausärztliche Versorgung",
       "Hausärztliche Versorgung",
       13,
       {"lk", "pb02"},
       {{"outpatient_care", 6}, {"municipality", 4}, {"professional_body", 3}, {"mobility", 3},
        {"health_insurance", 2}, {"other", 1}}},
      {"ag_pflege",
       "AG Pflege",
       "Pflege",
       14,
       {"lk", "psp", "ed01"},
       {{"nursing_care", 8}, {"social_services", 3}, {"inpatient_care", 2}, {"health_insurance", 2},
        {"self_help", 2}}},
      {"ag_praevention",
       "AG Prävention und Gesundheitsförderung",
       "Prävention und Gesundheitsförderung",
       11,
       {"ga"},
       {{"prevention", 6}, {"education", 4}, {"self_help", 2}, {"health_insurance", 2}, {"municipality", 2},
        {"social_services", 2}, {"public_health", 2}}},
      {"ag_sektorenuebergreifend",
       "AG Sektorenübergreifende Versorgung",
       "Sektorenübergreifende Versorgung",
       10,
       {"lk", "kh01"},
       {{"inpatient_care", 5}, {"outpatient_care", 3}, {"rehabilitation", 5}, {"nursing_care", 3},
        {"pharmacy", 2}, {"emergency_care", 3}, {"health_insurance", 1}}},
  };
}

// District, two municipalities, Gesundheitsamt, GP speaker, hospital, nursing
// service, AOK, KV, KIBIS, Caritas, Kreissportbund.
constexpr std::array<std::string_view, 12> steering_members{{
    "lk", "st_musterstadt", "sg_wiesental", "ga", "gp01", "kh01", "pd01", "aok", "pb02", "sh01", "so01", "pv01",
}};

/// Members sorted by actor index.
std::vector<std::string> member_ids(const std::vector<actor>& actors, const std::vector<char>& chosen) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < actors.size(); ++i) {
    if (chosen[i]) out.push_back(actors[i].id);
  }
  return out;
}

std::string tie_since(random_source& rng) {
  const auto year = rng.between(2000, 2024);
  if (rng.chance(0.5)) return std::to_string(year);
  const auto month = rng.between(1, year == 2024 ? 9 : 12);
  const auto day = rng.between(1, 28);
  return std::to_string(year) + "-" + two_digits(static_cast<std::size_t>(month)) + "-" +
         two_digits(static_cast<std::size_t>(day));
}

}  // namespace

network example_region() {
  random_source rng(example_seed);
  network net(directedness::undirected);
  region_info region;
  region.id = "03999";
  region.name = "Landkreis Musterstadt";
  region.state = "Niedersachsen";
  region.population = 128473;
  region.wave = "2024";
  region.date = "2024-10-01";
  net.set_region(std::move(region));

  // ---- actors and attributes ----------------------------------------------
  const auto catalogue = musterstadt_catalogue(rng);
  std::array<double, gemeinden.size()> gemeinde_weights{};
  for (std::size_t g = 0; g < gemeinden.size(); ++g) gemeinde_weights[g] = gemeinden[g].weight;

  std::vector<actor> actors;
  std::vector<int> home;  // Gemeinde index, -1 for none
  actors.reserve(catalogue.size());
  for (const auto& spec : catalogue) {
    actor a;
    a.id = spec.id;
    a.name = spec.name;
    a.sectors = spec.sectors;
    a.type = spec.type;
    int g = -1;
    const bool optional_place = spec.type == "self_help_group" || spec.type == "self_help_association";
    if (spec.municipality == anywhere) {
      g = static_cast<int>(rng.weighted(gemeinde_weights));
    } else if (spec.municipality != nowhere) {
      for (std::size_t k = 0; k < gemeinden.size(); ++k) {
        if (gemeinden[k].name == spec.municipality) g = static_cast<int>(k);
      }
    }
    if (optional_place && g >= 0 && rng.chance(0.2)) g = -1;
    if (g >= 0) {
      a.attributes.emplace("municipality", std::string(gemeinden[static_cast<std::size_t>(g)].name));
      a.attributes.emplace("rural", gemeinden[static_cast<std::size_t>(g)].rural);
    }
    const auto& prof = profile_of(spec.type);
    if (prof.staff_hi > 0 && !rng.chance(0.1)) {
      a.attributes.emplace("staff", static_cast<double>(rng.between(prof.staff_lo, prof.staff_hi)));
    }
    if (prof.founded_hi > 0 && !rng.chance(0.2)) {
      a.attributes.emplace("founded", static_cast<double>(rng.between(prof.founded_lo, prof.founded_hi)));
    }
    actors.push_back(std::move(a));
    home.push_back(g);
  }
  const std::size_t n = actors.size();
  auto index_of = [&](std::string_view id) {
    for (std::size_t i = 0; i < n; ++i) {
      if (actors[i].id == id) return i;
    }
    return n;  // not reached for catalogue ids
  };
  std::vector<char> isolate(n, 0);
  for (auto id : isolate_ids) isolate[index_of(id)] = 1;

  // ---- bodies ---------------------------------------------------------------
  std::vector<unsigned> bodies_of(n, 0);
  std::vector<body> bodies;

  bodies.push_back(make_body("geschaeftsstelle", body_kind::coordination_office,
                             "Geschäftsstelle Gesundheitsregion Musterstadt", {"lk", "ga"}));
  bodies_of[index_of("lk")] |= in_office;
  bodies_of[index_of("ga")] |= in_office;

  {
    std::vector<char> chosen(n, 0);
    for (auto id : steering_members) chosen[index_of(id)] = 1;
    for (std::size_t i = 0; i < n; ++i) {
      if (chosen[i]) bodies_of[i] |= in_steering;
    }
    bodies.push_back(make_body("steuerungsgruppe", body_kind::steering_group,
                               "Steuerungsgruppe Gesundheitsregion Musterstadt", member_ids(actors, chosen)));
  }

  const auto wgs = working_group_specs();
  for (std::size_t w = 0; w < wgs.size(); ++w) {
    const auto& spec = wgs[w];
    std::vector<char> chosen(n, 0);
    for (auto id : spec.fixed) chosen[index_of(id)] = 1;
    std::vector<double> weight(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      if (isolate[i] || chosen[i]) continue;
      for (const auto& [s, f] : spec.sector_weights) {
        if (actors[i].primary_sector() == s) weight[i] = f;
      }
    }
    for (std::size_t k = spec.fixed.size(); k < spec.size; ++k) {
      const auto pick = rng.weighted(weight);
      chosen[pick] = 1;
      weight[pick] = 0;
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (chosen[i]) bodies_of[i] |= 1u << (first_wg_bit + w);
    }
    bodies.push_back(make_body(std::string(spec.id), body_kind::working_group, std::string(spec.name),
                               member_ids(actors, chosen), std::string(spec.topic)));
  }

  {
    constexpr std::size_t conference_size = 52;
    std::vector<char> chosen(n, 0);
    std::size_t count = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (bodies_of[i] != 0) {
        chosen[i] = 1;
        ++count;
      }
    }
    std::vector<std::size_t> others;
    for (std::size_t i = 0; i < n; ++i) {
      if (!chosen[i] && !isolate[i]) others.push_back(i);
    }
    rng.shuffle(others);
    for (std::size_t k = 0; count < conference_size && k < others.size(); ++k, ++count) chosen[others[k]] = 1;
    for (std::size_t i = 0; i < n; ++i) {
      if (chosen[i]) bodies_of[i] |= in_conference;
    }
    bodies.push_back(make_body("gesundheitskonferenz_2024", body_kind::health_conference,
                               "Gesundheitskonferenz 2024", member_ids(actors, chosen), std::nullopt, 2024));
  }

  // ---- tie structure --------------------------------------------------------
  const std::size_t hub_lk = index_of("lk");
  const std::size_t hub_ga = index_of("ga");
  constexpr double base = 0.02;
  std::vector<char> fixed(n, 0);
  for (const auto& [x, y] : fixed_ties) fixed[index_of(x)] = fixed[index_of(y)] = 1;
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t i = 0; i < n; ++i) {
    if (isolate[i]) continue;
    for (std::size_t j = i + 1; j < n; ++j) {
      if (isolate[j]) continue;
      const actor& a = actors[i];
      const actor& b = actors[j];
      if ((has_sector(a, gap_a) && has_sector(b, gap_b)) || (has_sector(a, gap_b) && has_sector(b, gap_a))) continue;
      double p = 0;
      if (i == hub_lk && j == hub_ga) {
        p = 1.0;
      } else if (i == hub_lk || j == hub_lk) {
        p = (bodies_of[i] & bodies_of[j] & bodies_but_conference) ? 0.95 : 0.35;
      } else if (i == hub_ga || j == hub_ga) {
        const auto& other = i == hub_ga ? b : a;
        const bool close = other.primary_sector() == "prevention" || other.primary_sector() == "public_health" ||
                           other.primary_sector() == "education" || other.primary_sector() == "social_services" ||
                           other.primary_sector() == "self_help";
        p = (bodies_of[i] & bodies_of[j] & bodies_but_conference) ? 0.9 : (close ? 0.45 : 0.12);
      } else {
        p = base * sector_affinity(a.primary_sector(), b.primary_sector());
        if (home[i] >= 0 && home[i] == home[j]) p *= 1.6;
        const unsigned shared = bodies_of[i] & bodies_of[j];
        for (unsigned bit = 0; bit < 6; ++bit) {
          if (shared & (1u << bit)) p *= 2.2;
        }
        if (shared & in_conference) p *= 1.3;
        p = std::min(p, 0.85);
      }
      if (fixed[i] && fixed[j]) {
        for (const auto& [x, y] : fixed_ties) {
          if ((x == a.id && y == b.id) || (x == b.id && y == a.id)) p = 1.0;
        }
      }
      if (rng.chance(p)) pairs.emplace_back(i, j);
    }
  }
  // Nobody but the designated isolates stays alone: the coordination office
  // reaches out to whoever the draw left without a tie.
  {
    std::vector<char> tied(n, 0);
    for (const auto& [i, j] : pairs) tied[i] = tied[j] = 1;
    for (std::size_t i = 0; i < n; ++i) {
      if (!tied[i] && !isolate[i]) pairs.emplace_back(std::min(i, hub_lk), std::max(i, hub_lk));
    }
  }

  // ---- tie content ----------------------------------------------------------
  static constexpr std::array<std::string_view, 5> relations{
      {"information", "referral", "joint_project", "resources", "agreement"}};
  std::vector<tie> ties;
  ties.reserve(pairs.size());
  for (const auto& [i, j] : pairs) {
    const actor& a = actors[i];
    const actor& b = actors[j];
    const bool care_a = is_care_provider(a.primary_sector());
    const bool care_b = is_care_provider(b.primary_sector());
    const unsigned shared = bodies_of[i] & bodies_of[j] & bodies_but_conference;
    std::array<double, 5> w{};
    if (care_a && care_b) {
      w = {3, 5, 1, 1, 1};
    } else if (care_a || care_b) {
      w = {4, 0.5, 2, 1, 1.2};
    } else {
      w = {4, 0.1, 3, 1.5, 1.5};
    }
    if (shared >> first_wg_bit) w[2] += 3;  // a shared working group: joint projects
    const double u = rng.uniform();
    std::size_t n_rel = u < 0.5 ? 1 : (u < 0.85 ? 2 : 3);
    if (shared && n_rel < 3 && rng.chance(0.3)) ++n_rel;
    tie t;
    t.source = a.id;
    t.target = b.id;
    for (std::size_t k = 0; k < n_rel; ++k) {
      const auto r = rng.weighted(w);
      t.relations.emplace(relations[r]);
      w[r] = 0;
    }
    t.weight = static_cast<double>(std::min<std::int64_t>(5, static_cast<std::int64_t>(n_rel) + rng.between(0, 2)));
    if (rng.chance(0.45)) t.since = tie_since(rng);
    if (rng.chance(0.35)) {
      static constexpr std::array<double, 5> trust_weights{1, 2, 4, 5, 3};
      t.attributes.emplace("trust", static_cast<double>(rng.weighted(trust_weights) + 1));
    }
    if (t.relations.contains("agreement")) t.attributes.emplace("formal", true);
    ties.push_back(std::move(t));
  }

  for (auto& a : actors) net.add_actor(std::move(a));
  for (auto& t : ties) net.add_tie(std::move(t));
  for (auto& b : bodies) net.add_body(std::move(b));
  return net;
}

// ============================================================================
// Synthetic regions
// ============================================================================

namespace {

/// A cache hint; no effect on results.
inline void prefetch(const void* p) {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p);
#else
  (void)p;
#endif
}

/// A flat set of 64-bit keys (linear probing); the all-ones key is reserved.
class key_set {
 public:
  explicit key_set(std::size_t expected) {
    std::size_t cap = 16;
    while (cap < expected + expected / 2 + 1) cap <<= 1;
    m_slots.assign(cap, empty);
    m_mask = cap - 1;
  }
  /// Hints that `key` will be looked up soon.
  void prefetch(std::uint64_t key) const { healthnet::prefetch(&m_slots[static_cast<std::size_t>(mix(key)) & m_mask]); }
  /// Inserts `key`; false when it was already there.
  bool insert(std::uint64_t key) {
    std::size_t i = static_cast<std::size_t>(mix(key)) & m_mask;
    for (;;) {
      if (m_slots[i] == empty) {
        m_slots[i] = key;
        return true;
      }
      if (m_slots[i] == key) return false;
      i = (i + 1) & m_mask;
    }
  }

 private:
  static constexpr std::uint64_t empty = ~std::uint64_t{0};
  static std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
  }
  std::vector<std::uint64_t> m_slots;
  std::size_t m_mask{};
};

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

network example_region_earlier() {
  // The 2022 wave of Landkreis Musterstadt, derived from the 2024 wave so
  // that the two compare sensibly: some actors had not yet joined (never a
  // member of the steering group or the office), some ties did not yet exist,
  // and some kept ties carried fewer relations or a lower weight.
  const network later = example_region();
  random_source rng(2022);
  std::set<std::string> core_members;
  for (const auto& b : later.bodies()) {
    if (b.kind == body_kind::steering_group || b.kind == body_kind::coordination_office) {
      core_members.insert(b.members.begin(), b.members.end());
    }
  }
  std::vector<std::string> candidates;
  for (const auto& a : later.actors()) {
    if (!core_members.count(a.id)) candidates.push_back(a.id);
  }
  rng.shuffle(candidates);
  const std::set<std::string> not_yet(candidates.begin(), candidates.begin() + 12);
  network earlier = later.subnetwork([&](const actor& a) { return !not_yet.count(a.id); });
  network out = earlier.filter_ties([&](const tie&) { return !rng.chance(0.15); });
  // Thin out some of the remaining ties: one relation fewer, or weight - 1.
  network thinned = out.filter_ties([](const tie&) { return false; });
  for (tie t : out.ties()) {
    if (rng.chance(0.12)) {
      if (t.relations.size() > 1) t.relations.erase(std::prev(t.relations.end()));
      else if (t.weight > 1) t.weight -= 1;
    }
    thinned.add_tie(std::move(t));
  }
  // The 2022 health conference had no year-2024 label; the others stay.
  std::vector<body> bodies(thinned.bodies().begin(), thinned.bodies().end());
  for (const auto& b : bodies) thinned.remove_body(b.id);
  for (auto b : bodies) {
    if (b.kind == body_kind::health_conference) {
      b.year = 2022;
      b.name = "Gesundheitskonferenz 2022";
    }
    thinned.add_body(std::move(b));
  }
  region_info r = thinned.region();
  r.wave = "2022";
  r.date = "2022-10-01";
  thinned.set_region(r);
  return thinned;
}

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
  key_set seen(m);
  // Candidates come in batches so that the random memory accesses (slot ->
  // actor, hash set) of a batch overlap; the pool weights are those of the
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
      seen.prefetch(keys[c]);
    }
    for (std::size_t c = 0; c < batch && pairs.size() < m; ++c) {
      if (!seen.insert(keys[c])) continue;
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

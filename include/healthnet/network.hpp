// SPDX-License-Identifier: MIT
/// @file network.hpp
/// @brief The mutable domain model: actors, ties, governance bodies, region.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <healthnet/actor.hpp>
#include <healthnet/analysis_view.hpp>
#include <healthnet/body.hpp>
#include <healthnet/error.hpp>
#include <healthnet/region.hpp>
#include <healthnet/taxonomy.hpp>
#include <healthnet/tie.hpp>
#include <healthnet/detail/string_hash.hpp>
#include <healthnet/detail/text.hpp>

namespace healthnet {

/// Whether ties are arcs (survey nominations) or symmetric.
enum class directedness { undirected, directed };

/// Which ties of an actor count in a directed network.
enum class degree_mode {
  out,  ///< ties the actor sends
  in,   ///< ties the actor receives
  all,  ///< both; in an undirected network every mode means the same
};

/// A regional cooperation network: actors, ties, governance bodies, the sector
/// taxonomy and region metadata.
///
/// Actors keep the order in which they were added; that order is the vertex
/// index of the analysis view (vertex_index). Ties between the same pair merge
/// (see add_tie). All look-ups by id are O(1); removals are O(n + m).
///
/// Thread safety: const member functions (including view()) may be called from
/// several threads at once; mutation needs exclusive access.
class network {
 public:
  /// An empty network, undirected by default.
  explicit network(directedness d = directedness::undirected) : m_directed(d == directedness::directed) {}

  /// A deep copy; shares the cached analysis view, which is immutable.
  network(const network& other)
      : m_directed(other.m_directed),
        m_allow_self_loops(other.m_allow_self_loops),
        m_region(other.m_region),
        m_taxonomy(other.m_taxonomy),
        m_actors(other.m_actors),
        m_actor_index(other.m_actor_index),
        m_ties(other.m_ties),
        m_tie_ends(other.m_tie_ends),
        m_tie_index(other.m_tie_index),
        m_bodies(other.m_bodies),
        m_body_index(other.m_body_index),
        m_view(other.cached_view()) {}
  /// Takes over the contents of `other`, leaving it an empty undirected network.
  network(network&& other) noexcept { swap(other); }
  /// Copy or move assignment (copy-and-swap).
  network& operator=(network other) noexcept {
    swap(other);
    return *this;
  }
  ~network() = default;

  /// Exchanges the contents of two networks.
  void swap(network& other) noexcept {
    using std::swap;
    swap(m_directed, other.m_directed);
    swap(m_allow_self_loops, other.m_allow_self_loops);
    swap(m_region, other.m_region);
    swap(m_taxonomy, other.m_taxonomy);
    swap(m_actors, other.m_actors);
    swap(m_actor_index, other.m_actor_index);
    swap(m_ties, other.m_ties);
    swap(m_tie_ends, other.m_tie_ends);
    swap(m_tie_index, other.m_tie_index);
    swap(m_bodies, other.m_bodies);
    swap(m_body_index, other.m_body_index);
    swap(m_view, other.m_view);
  }

  // ---- network-wide properties -------------------------------------------

  /// Whether ties are arcs.
  [[nodiscard]] bool directed() const noexcept { return m_directed; }
  /// Directed or undirected, as a directedness value.
  [[nodiscard]] directedness kind() const noexcept {
    return m_directed ? directedness::directed : directedness::undirected;
  }
  /// The region metadata.
  [[nodiscard]] const region_info& region() const noexcept { return m_region; }
  /// Replaces the region metadata.
  void set_region(region_info r) { m_region = std::move(r); }
  /// The sector vocabulary: the custom one if set, else taxonomy::builtin().
  [[nodiscard]] const taxonomy& sector_taxonomy() const noexcept {
    return m_taxonomy ? *m_taxonomy : taxonomy::builtin();
  }
  /// Replaces the sector vocabulary (the built-in one by default).
  void set_taxonomy(taxonomy t) { m_taxonomy = std::make_shared<const taxonomy>(std::move(t)); }
  /// True when a custom taxonomy was set.
  [[nodiscard]] bool has_custom_taxonomy() const noexcept { return m_taxonomy != nullptr; }
  /// Self-loops are rejected unless allowed here.
  [[nodiscard]] bool allow_self_loops() const noexcept { return m_allow_self_loops; }
  /// Allows or rejects self-loops in later add_tie() calls.
  void set_allow_self_loops(bool allow) noexcept { m_allow_self_loops = allow; }

  /// Number of actors.
  [[nodiscard]] std::size_t n_actors() const noexcept { return m_actors.size(); }
  /// Number of ties (distinct pairs).
  [[nodiscard]] std::size_t n_ties() const noexcept { return m_ties.size(); }
  /// Number of governance bodies.
  [[nodiscard]] std::size_t n_bodies() const noexcept { return m_bodies.size(); }

  // ---- actors ---------------------------------------------------------------

  /// Adds an actor and returns its index.
  /// @throws invalid_input when the id is empty or already used.
  vertex_index add_actor(actor a) {
    if (a.id.empty()) throw invalid_input(field_location("id"), "actor id is empty");
    if (m_actor_index.contains(a.id)) {
      throw invalid_input(field_location("id"), "duplicate actor id '" + a.id + "'");
    }
    const auto index = static_cast<vertex_index>(m_actors.size());
    m_actor_index.emplace(a.id, index);
    m_actors.push_back(std::move(a));
    invalidate();
    return index;
  }

  /// Replaces the data of an existing actor (matched by id).
  /// @throws not_found when no actor has that id.
  void update_actor(actor a) { m_actors[index_of(a.id)] = std::move(a); }

  /// Removes an actor, its ties and its body memberships. O(n + m).
  /// @throws not_found when no actor has that id.
  void remove_actor(std::string_view id) {
    const vertex_index gone = index_of(id);
    const std::string gone_id = m_actors[gone].id;
    for (auto& b : m_bodies) std::erase(b.members, gone_id);
    std::vector<std::size_t> keep;
    keep.reserve(m_ties.size());
    for (std::size_t i = 0; i < m_ties.size(); ++i) {
      if (m_tie_ends[i].first != gone && m_tie_ends[i].second != gone) keep.push_back(i);
    }
    keep_ties(keep);
    m_actors.erase(m_actors.begin() + gone);
    for (auto& [u, v] : m_tie_ends) {
      if (u > gone) --u;
      if (v > gone) --v;
    }
    rebuild_indices();
    invalidate();
  }

  /// Whether an actor has this id. O(1).
  [[nodiscard]] bool has_actor(std::string_view id) const noexcept { return m_actor_index.find(id) != m_actor_index.end(); }
  /// The actor's index in the analysis view.
  /// @throws not_found when no actor has that id.
  [[nodiscard]] vertex_index index_of(std::string_view id) const {
    const auto it = m_actor_index.find(id);
    if (it == m_actor_index.end()) throw not_found("unknown actor id '" + std::string(id) + "'");
    return it->second;
  }
  /// The actor with this id. @throws not_found
  [[nodiscard]] const actor& get_actor(std::string_view id) const { return m_actors[index_of(id)]; }
  /// The actor with this id, or nullptr.
  [[nodiscard]] const actor* find_actor(std::string_view id) const noexcept {
    const auto it = m_actor_index.find(id);
    return it == m_actor_index.end() ? nullptr : &m_actors[it->second];
  }
  /// All actors, in index order.
  [[nodiscard]] std::span<const actor> actors() const noexcept { return m_actors; }
  /// The actor with index `i`. @throws std::out_of_range when `i` >= n_actors()
  [[nodiscard]] const actor& actor_at(vertex_index i) const { return m_actors.at(i); }

  /// Ids of the actors tied to `id` (out-neighbours, in-neighbours or both),
  /// each once, in index order. @throws not_found
  [[nodiscard]] std::vector<std::string> neighbors(std::string_view id, degree_mode mode = degree_mode::all) const {
    const auto v = index_of(id);
    const auto g = view();
    std::vector<vertex_index> idx;
    if (mode != degree_mode::in || !m_directed) {
      auto r = g->out_neighbors(v);
      idx.insert(idx.end(), r.begin(), r.end());
    }
    if (m_directed && mode != degree_mode::out) {
      auto r = g->in_neighbors(v);
      idx.insert(idx.end(), r.begin(), r.end());
    }
    std::sort(idx.begin(), idx.end());
    idx.erase(std::unique(idx.begin(), idx.end()), idx.end());
    std::vector<std::string> out;
    out.reserve(idx.size());
    for (auto i : idx) out.push_back(m_actors[i].id);
    return out;
  }

  // ---- ties -------------------------------------------------------------------

  /// Adds a tie, or merges it into the tie that already joins the pair.
  ///
  /// Merge rule (a repeated survey nomination, or the same pair from two
  /// relation lists): relations become the union, weights add up (weight is a
  /// frequency/intensity), attributes of the new tie are added and overwrite
  /// equal keys, and `since` keeps the earlier date. In an undirected network
  /// a->b and b->a are the same pair; the stored tie keeps its first orientation.
  ///
  /// @returns the stored (possibly merged) tie.
  /// @throws not_found when an end is not an actor of the network.
  /// @throws invalid_input for a weight that is NaN, infinite or negative, or a
  ///         self-loop while self-loops are not allowed, or a `since` that is
  ///         not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
  const tie& add_tie(tie t) {
    if (!std::isfinite(t.weight)) {
      throw invalid_input(field_location("weight"), "weight is not a finite number");
    }
    if (t.weight < 0) throw invalid_input(field_location("weight"), "weight is negative");
    if (t.since && !detail::is_iso_date(*t.since)) {
      throw invalid_input(field_location("since"), "since '" + *t.since + "' is not a date of the form yyyy-mm-dd, yyyy-mm or yyyy");
    }
    const auto u = index_of(t.source);
    const auto v = index_of(t.target);
    if (u == v && !m_allow_self_loops) {
      throw invalid_input(field_location("target"), "self-loop on actor '" + t.source + "'");
    }
    const auto key = pair_key(u, v);
    invalidate();
    if (const auto it = m_tie_index.find(key); it != m_tie_index.end()) {
      tie& old = m_ties[it->second];
      old.relations.insert(t.relations.begin(), t.relations.end());
      old.weight += t.weight;
      for (auto& [k, val] : t.attributes) old.attributes.insert_or_assign(k, std::move(val));
      if (t.since && (!old.since || *t.since < *old.since)) old.since = std::move(t.since);
      return old;
    }
    m_tie_index.emplace(key, static_cast<std::uint32_t>(m_ties.size()));
    m_tie_ends.emplace_back(u, v);
    m_ties.push_back(std::move(t));
    return m_ties.back();
  }

  /// Removes the tie joining the pair. @throws not_found when there is none.
  void remove_tie(std::string_view source, std::string_view target) {
    const auto it = m_tie_index.find(pair_key(index_of(source), index_of(target)));
    if (it == m_tie_index.end()) throw not_found(no_tie(source, target));
    const auto gone = it->second;
    std::vector<std::size_t> keep;
    keep.reserve(m_ties.size());
    for (std::size_t i = 0; i < m_ties.size(); ++i) {
      if (i != gone) keep.push_back(i);
    }
    keep_ties(keep);
    rebuild_tie_index();
    invalidate();
  }

  /// The tie joining the pair (either orientation when undirected), or nullptr.
  [[nodiscard]] const tie* find_tie(std::string_view source, std::string_view target) const noexcept {
    const auto s = m_actor_index.find(source);
    const auto t = m_actor_index.find(target);
    if (s == m_actor_index.end() || t == m_actor_index.end()) return nullptr;
    const auto it = m_tie_index.find(pair_key(s->second, t->second));
    return it == m_tie_index.end() ? nullptr : &m_ties[it->second];
  }
  /// Whether a tie joins the pair (either orientation when undirected).
  [[nodiscard]] bool has_tie(std::string_view source, std::string_view target) const noexcept {
    return find_tie(source, target) != nullptr;
  }
  /// The tie joining the pair. @throws not_found
  [[nodiscard]] const tie& get_tie(std::string_view source, std::string_view target) const {
    const tie* t = find_tie(source, target);
    if (!t) throw not_found(no_tie(source, target));
    return *t;
  }
  /// All ties, in the order they were first added.
  [[nodiscard]] std::span<const tie> ties() const noexcept { return m_ties; }
  /// Tie end points as actor indices, parallel to ties().
  [[nodiscard]] std::span<const std::pair<vertex_index, vertex_index>> tie_ends() const noexcept { return m_tie_ends; }

  // ---- governance bodies ----------------------------------------------------

  /// Adds a governance body. @throws invalid_input for an empty or duplicate
  /// id or a repeated member; not_found for a member that is not an actor.
  void add_body(body b) {
    if (b.id.empty()) throw invalid_input(field_location("id"), "body id is empty");
    if (m_body_index.contains(b.id)) {
      throw invalid_input(field_location("id"), "duplicate body id '" + b.id + "'");
    }
    std::vector<std::string_view> seen;
    for (const auto& m : b.members) {
      if (!has_actor(m)) throw not_found("unknown actor id '" + m + "' in members of body '" + b.id + "'");
      if (std::find(seen.begin(), seen.end(), m) != seen.end()) {
        throw invalid_input(field_location("members"), "actor '" + m + "' listed twice in body '" + b.id + "'");
      }
      seen.push_back(m);
    }
    m_body_index.emplace(b.id, static_cast<std::uint32_t>(m_bodies.size()));
    m_bodies.push_back(std::move(b));
  }
  /// Removes a body. @throws not_found
  void remove_body(std::string_view id) {
    const auto it = m_body_index.find(id);
    if (it == m_body_index.end()) throw not_found("unknown body id '" + std::string(id) + "'");
    m_bodies.erase(m_bodies.begin() + it->second);
    rebuild_body_index();
  }
  /// The body with this id, or nullptr.
  [[nodiscard]] const body* find_body(std::string_view id) const noexcept {
    const auto it = m_body_index.find(id);
    return it == m_body_index.end() ? nullptr : &m_bodies[it->second];
  }
  /// The body with this id. @throws not_found
  [[nodiscard]] const body& get_body(std::string_view id) const {
    const body* b = find_body(id);
    if (!b) throw not_found("unknown body id '" + std::string(id) + "'");
    return *b;
  }
  /// All governance bodies, in the order they were added.
  [[nodiscard]] std::span<const body> bodies() const noexcept { return m_bodies; }

  // ---- derived networks -----------------------------------------------------

  /// The subnetwork induced by the actors for which `keep(actor)` is true:
  /// those actors, the ties among them, and every body with its members
  /// restricted to them. Region, taxonomy and settings are copied.
  template <class ActorPredicate>
  [[nodiscard]] network subnetwork(ActorPredicate keep) const {
    network out = empty_like();
    std::vector<char> kept(m_actors.size(), 0);
    for (std::size_t i = 0; i < m_actors.size(); ++i) {
      if (keep(m_actors[i])) {
        kept[i] = 1;
        out.add_actor(m_actors[i]);
      }
    }
    for (std::size_t i = 0; i < m_ties.size(); ++i) {
      if (kept[m_tie_ends[i].first] && kept[m_tie_ends[i].second]) out.add_tie(m_ties[i]);
    }
    for (body b : m_bodies) {
      std::erase_if(b.members, [&](const std::string& m) { return !kept[index_of(m)]; });
      out.add_body(std::move(b));
    }
    return out;
  }

  /// All actors and bodies, and only the ties for which `keep(tie)` is true.
  template <class TiePredicate>
  [[nodiscard]] network filter_ties(TiePredicate keep) const {
    network out = empty_like();
    for (const auto& a : m_actors) out.add_actor(a);
    for (const auto& t : m_ties) {
      if (keep(t)) out.add_tie(t);
    }
    for (const auto& b : m_bodies) out.add_body(b);
    return out;
  }

  /// The members of one body and the ties among them. @throws not_found
  [[nodiscard]] network body_subnetwork(std::string_view body_id) const {
    const body& b = get_body(body_id);
    std::vector<char> member(m_actors.size(), 0);
    for (const auto& m : b.members) member[index_of(m)] = 1;
    return subnetwork([&](const actor& a) { return member[index_of(a.id)] != 0; });
  }

  /// All actors, and the ties that carry `relation`; each kept tie keeps its
  /// other relations and its weight.
  [[nodiscard]] network relation_layer(std::string_view relation) const {
    return filter_ties([&](const tie& t) { return t.relations.find(relation) != t.relations.end(); });
  }

  // ---- analysis view --------------------------------------------------------

  /// The compressed adjacency of the current state, built on first use and
  /// cached until the network changes. Safe to call concurrently.
  [[nodiscard]] std::shared_ptr<const analysis_view> view() const {
    std::lock_guard lock(m_view_mutex);
    if (!m_view) {
      std::vector<vertex_index> src(m_ties.size()), dst(m_ties.size());
      std::vector<double> w(m_ties.size());
      for (std::size_t i = 0; i < m_ties.size(); ++i) {
        src[i] = m_tie_ends[i].first;
        dst[i] = m_tie_ends[i].second;
        w[i] = m_ties[i].weight;
      }
      m_view = std::make_shared<const analysis_view>(
          analysis_view::from_ties(m_actors.size(), src, dst, w, m_directed));
    }
    return m_view;
  }

  /// Exact equality of every actor, tie, body, setting and metadata, in order.
  friend bool operator==(const network& a, const network& b) {
    return a.m_directed == b.m_directed && a.m_allow_self_loops == b.m_allow_self_loops &&
           a.m_region == b.m_region && a.sector_taxonomy() == b.sector_taxonomy() &&
           a.m_actors == b.m_actors && a.m_ties == b.m_ties && a.m_bodies == b.m_bodies;
  }

 private:
  [[nodiscard]] network empty_like() const {
    network out(kind());
    out.m_allow_self_loops = m_allow_self_loops;
    out.m_region = m_region;
    out.m_taxonomy = m_taxonomy;
    return out;
  }
  [[nodiscard]] std::uint64_t pair_key(vertex_index u, vertex_index v) const noexcept {
    if (!m_directed && v < u) std::swap(u, v);
    return (static_cast<std::uint64_t>(u) << 32) | v;
  }
  static std::string no_tie(std::string_view s, std::string_view t) {
    return "no tie between '" + std::string(s) + "' and '" + std::string(t) + "'";
  }
  void keep_ties(const std::vector<std::size_t>& keep) {
    std::vector<tie> ties;
    std::vector<std::pair<vertex_index, vertex_index>> ends;
    ties.reserve(keep.size());
    ends.reserve(keep.size());
    for (auto i : keep) {
      ties.push_back(std::move(m_ties[i]));
      ends.push_back(m_tie_ends[i]);
    }
    m_ties = std::move(ties);
    m_tie_ends = std::move(ends);
  }
  void rebuild_tie_index() {
    m_tie_index.clear();
    for (std::size_t i = 0; i < m_ties.size(); ++i) {
      m_tie_index.emplace(pair_key(m_tie_ends[i].first, m_tie_ends[i].second), static_cast<std::uint32_t>(i));
    }
  }
  void rebuild_body_index() {
    m_body_index.clear();
    for (std::size_t i = 0; i < m_bodies.size(); ++i) m_body_index.emplace(m_bodies[i].id, static_cast<std::uint32_t>(i));
  }
  void rebuild_indices() {
    m_actor_index.clear();
    for (std::size_t i = 0; i < m_actors.size(); ++i) m_actor_index.emplace(m_actors[i].id, static_cast<vertex_index>(i));
    rebuild_tie_index();
    rebuild_body_index();
  }
  void invalidate() {
    std::lock_guard lock(m_view_mutex);
    m_view.reset();
  }
  [[nodiscard]] std::shared_ptr<const analysis_view> cached_view() const {
    std::lock_guard lock(m_view_mutex);
    return m_view;
  }

  bool m_directed{false};
  bool m_allow_self_loops{false};
  region_info m_region;
  std::shared_ptr<const taxonomy> m_taxonomy;  // null: the built-in one
  std::vector<actor> m_actors;
  detail::string_map<vertex_index> m_actor_index;
  std::vector<tie> m_ties;
  std::vector<std::pair<vertex_index, vertex_index>> m_tie_ends;
  std::unordered_map<std::uint64_t, std::uint32_t> m_tie_index;
  std::vector<body> m_bodies;
  detail::string_map<std::uint32_t> m_body_index;
  mutable std::mutex m_view_mutex;
  mutable std::shared_ptr<const analysis_view> m_view;
};

}  // namespace healthnet

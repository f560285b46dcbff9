// SPDX-License-Identifier: MIT
/// @file network.hpp
/// @brief The mutable domain model: actors, ties, governance bodies, region.
#pragma once

#include <algorithm>
#include <atomic>
#include <limits>
#include <optional>
#include <stdexcept>
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

#include <healthnet/access_mutex.hpp>
#include <healthnet/actor.hpp>
#include <healthnet/analysis_view.hpp>
#include <healthnet/body.hpp>
#include <healthnet/error.hpp>
#include <healthnet/region.hpp>
#include <healthnet/taxonomy.hpp>
#include <healthnet/tie.hpp>
#include <healthnet/detail/id_index.hpp>
#include <healthnet/detail/integer_text.hpp>
#include <healthnet/detail/memo.hpp>
#include <healthnet/detail/pair_index.hpp>
#include <healthnet/detail/string_hash.hpp>
#include <healthnet/detail/suggest.hpp>
#include <healthnet/detail/text.hpp>

namespace healthnet {

namespace detail {
/// A process-wide unique value for network::actor_revision and network::revision.
inline std::uint64_t next_actor_revision() noexcept {
  static std::atomic<std::uint64_t> counter{0};
  return counter.fetch_add(1, std::memory_order_relaxed) + 1;
}
}  // namespace detail

/// Whether ties are arcs (survey nominations) or symmetric.
enum class directedness { undirected, directed };

/// What the actor ids were when they came in. Ids are always stored as text;
/// `integer` records that every id is canonical decimal integer text within
/// int64 (detail::is_canonical_integer) and came in as an integer (a JSON
/// number, an integer column), so writers and the Python layer give them back
/// as integers.
enum class id_kind { text, integer };

/// "text" or "integer".
[[nodiscard]] constexpr std::string_view to_string(id_kind k) noexcept {
  return k == id_kind::integer ? "integer" : "text";
}

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
/// several threads at once; mutation needs exclusive access. Callers that share
/// one network between threads which may change it coordinate through
/// access_mutex(): shared for reading, exclusive for a change. The network does
/// not lock it itself; the Python bindings do, for every call (docs/limits.md).
class network {
 public:
  /// An empty network, undirected by default.
  explicit network(directedness d = directedness::undirected) : m_directed(d == directedness::directed) {}

  /// A deep copy; shares the cached analysis view and the memo of derived
  /// structures (both immutable for one revision, see memoized()).
  network(const network& other)
      : m_directed(other.m_directed),
        m_allow_self_loops(other.m_allow_self_loops),
        m_id_kind(other.m_id_kind),
        m_region(other.m_region),
        m_taxonomy(other.m_taxonomy),
        m_actors(other.m_actors),
        m_actor_index(other.m_actor_index),
        m_tie_ends(other.m_tie_ends),
        m_tie_weights(other.m_tie_weights),
        m_tie_detail(other.m_tie_detail),
        m_details(other.m_details),
        m_bodies(other.m_bodies),
        m_body_index(other.m_body_index),
        m_actor_revision(other.m_actor_revision),
        m_view(other.cached_view()),
        m_revision(other.m_revision),
        m_memo(other.cached_memo()) {}
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
    swap(m_id_kind, other.m_id_kind);
    swap(m_region, other.m_region);
    swap(m_taxonomy, other.m_taxonomy);
    swap(m_actors, other.m_actors);
    swap(m_actor_index, other.m_actor_index);
    swap(m_tie_ends, other.m_tie_ends);
    swap(m_tie_weights, other.m_tie_weights);
    swap(m_tie_detail, other.m_tie_detail);
    swap(m_details, other.m_details);
    // The pair indices are rebuilt on demand.
    reset_tie_index();
    other.reset_tie_index();
    swap(m_bodies, other.m_bodies);
    swap(m_body_index, other.m_body_index);
    swap(m_actor_revision, other.m_actor_revision);
    swap(m_view, other.m_view);
    swap(m_revision, other.m_revision);
    swap(m_memo, other.m_memo);
  }

  // ---- network-wide properties -------------------------------------------

  /// The reader/writer lock of this network, for callers that share it between
  /// threads (see the class comment): writer-preferring, not recursive.
  /// Copies and moves get their own lock.
  [[nodiscard]] shared_access_mutex& access_mutex() const noexcept { return m_access; }

  /// Whether ties are arcs.
  [[nodiscard]] bool directed() const noexcept { return m_directed; }
  /// Directed or undirected, as a directedness value.
  [[nodiscard]] directedness kind() const noexcept {
    return m_directed ? directedness::directed : directedness::undirected;
  }
  /// The region metadata.
  [[nodiscard]] const region_info& region() const noexcept { return m_region; }
  /// Replaces the region metadata.
  void set_region(region_info r) {
    m_region = std::move(r);
    touch();
  }
  /// The sector vocabulary: the custom one if set, else taxonomy::builtin().
  [[nodiscard]] const taxonomy& sector_taxonomy() const noexcept {
    return m_taxonomy ? *m_taxonomy : taxonomy::builtin();
  }
  /// Replaces the sector vocabulary (the built-in one by default).
  void set_taxonomy(taxonomy t) {
    m_taxonomy = std::make_shared<const taxonomy>(std::move(t));
    touch();
  }
  /// True when a custom taxonomy was set.
  [[nodiscard]] bool has_custom_taxonomy() const noexcept { return m_taxonomy != nullptr; }
  /// Self-loops are rejected unless allowed here.
  [[nodiscard]] bool allow_self_loops() const noexcept { return m_allow_self_loops; }
  /// Allows or rejects self-loops in later add_tie() calls.
  void set_allow_self_loops(bool allow) noexcept {
    m_allow_self_loops = allow;
    touch();
  }

  /// What the actor ids came in as (see healthnet::id_kind); text by default.
  [[nodiscard]] healthnet::id_kind id_kind() const noexcept { return m_id_kind; }
  /// Records that the actor ids are integers (or text). Afterwards add_actor()
  /// takes only canonical integer ids while the kind is integer: there is no
  /// silent change back to text, call set_id_kind(id_kind::text) first.
  /// @throws invalid_input naming the first actor id that is not canonical
  /// decimal integer text within int64 (`-?[1-9][0-9]*|0`).
  void set_id_kind(healthnet::id_kind k) {
    if (k == healthnet::id_kind::integer) {
      for (const auto& a : m_actors) check_integer_id(a.id);
    }
    // The ids' kind is part of what actor_revision() identifies: Python's
    // cached actor index changes its dtype with it.
    if (k != m_id_kind) m_actor_revision = detail::next_actor_revision();
    m_id_kind = k;
    touch();
  }

  /// Number of actors.
  [[nodiscard]] std::size_t n_actors() const noexcept { return m_actors.size(); }
  /// Number of ties (distinct pairs).
  [[nodiscard]] std::size_t n_ties() const noexcept { return m_tie_ends.size(); }
  /// Number of governance bodies.
  [[nodiscard]] std::size_t n_bodies() const noexcept { return m_bodies.size(); }

  // ---- actors ---------------------------------------------------------------

  /// Adds an actor and returns its index.
  /// @throws invalid_input when the id is empty or already used.
  vertex_index add_actor(actor a) {
    if (a.id.empty()) throw invalid_input(field_location("id"), "actor id is empty");
    check_text(a.id, "id");
    check_text(a.name, "name");
    if (m_id_kind == healthnet::id_kind::integer) check_integer_id(a.id);
    if (find_position(a.id) != detail::id_index::npos) {
      throw invalid_input(field_location("id"), "duplicate actor id '" + a.id + "'");
    }
    const auto index = static_cast<vertex_index>(m_actors.size());
    m_actors.push_back(std::move(a));
    m_actor_index.insert(m_actors.back().id, index, actor_id_of());
    m_actor_revision = detail::next_actor_revision();
    invalidate();
    return index;
  }

  /// Replaces the data of an existing actor (matched by id).
  /// @throws not_found when no actor has that id.
  void update_actor(actor a) {
    m_actors[index_of(a.id)] = std::move(a);
    touch();  // the id list and the ties stay: the analysis view stays valid
  }

  /// Removes an actor, its ties and its body memberships. O(n + m).
  /// @throws not_found when no actor has that id.
  void remove_actor(std::string_view id) {
    const vertex_index gone = index_of(id);
    const std::string gone_id = m_actors[gone].id;
    for (auto& b : m_bodies) std::erase(b.members, gone_id);
    std::vector<std::size_t> keep;
    keep.reserve(m_tie_ends.size());
    for (std::size_t i = 0; i < m_tie_ends.size(); ++i) {
      if (m_tie_ends[i].first != gone && m_tie_ends[i].second != gone) keep.push_back(i);
    }
    keep_ties(keep);
    m_actors.erase(m_actors.begin() + gone);
    for (auto& [u, v] : m_tie_ends) {
      if (u > gone) --u;
      if (v > gone) --v;
    }
    rebuild_indices();
    m_actor_revision = detail::next_actor_revision();
    invalidate();
  }

  /// Identifies the actor id list (ids, order and id_kind()): it changes
  /// whenever an actor is added or removed or the id kind changes, and no two
  /// different lists share a value in
  /// one process. Copies keep it. Bindings use it to cache the per-actor
  /// index of results.
  [[nodiscard]] std::uint64_t actor_revision() const noexcept { return m_actor_revision; }

  /// Identifies the whole content: it changes on every mutation (actors and
  /// their data, ties, bodies, region, taxonomy, self-loop setting), and no two
  /// different contents share a value in one process. Copies keep it. The
  /// memo of derived structures (memoized()) belongs to one revision.
  [[nodiscard]] std::uint64_t revision() const noexcept { return m_revision; }

  /// Whether an actor has this id. O(1).
  [[nodiscard]] bool has_actor(std::string_view id) const noexcept { return find_position(id) != detail::id_index::npos; }
  /// The actor's index in the analysis view.
  /// @throws not_found when no actor has that id.
  [[nodiscard]] vertex_index index_of(std::string_view id) const {
    const auto i = find_position(id);
    if (i == detail::id_index::npos) throw not_found("unknown actor id '" + std::string(id) + "'");
    return i;
  }
  /// The actor's index, or nothing when no actor has that id. O(1).
  [[nodiscard]] std::optional<vertex_index> find_index(std::string_view id) const noexcept {
    const auto i = find_position(id);
    if (i == detail::id_index::npos) return std::nullopt;
    return i;
  }
  /// The actor with this id. @throws not_found
  [[nodiscard]] const actor& get_actor(std::string_view id) const { return m_actors[index_of(id)]; }
  /// The actor with this id, or nullptr.
  [[nodiscard]] const actor* find_actor(std::string_view id) const noexcept {
    const auto i = find_position(id);
    return i == detail::id_index::npos ? nullptr : &m_actors[i];
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
  /// @returns the stored (possibly merged) tie, valid until the next change.
  /// @throws not_found when an end is not an actor of the network.
  /// @throws invalid_input for a weight that is NaN, infinite or negative, or a
  ///         self-loop while self-loops are not allowed, or a `since` that is
  ///         not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
  /// Complexity: O(1) expected.
  tie_view add_tie(tie t) {
    check_weight(t.weight);
    if (t.since && !detail::is_iso_date(*t.since)) {
      throw invalid_input(field_location("since"), "since '" + *t.since + "' is not a date of the form yyyy-mm-dd, yyyy-mm or yyyy");
    }
    const auto u = index_of(t.source);
    const auto v = index_of(t.target);
    check_self_loop(u, v);
    return tie_at(store_tie(u, v, t.weight,
                            tie_details{std::move(t.relations), std::move(t.attributes), std::move(t.since)}));
  }

  /// Adds a tie between actor indices (see add_tie(tie) for the merge rule);
  /// the fast path for readers that have resolved the ids already.
  /// @throws std::out_of_range for an index >= n_actors(); invalid_input as add_tie(tie).
  tie_view add_tie(vertex_index source, vertex_index target, double weight = 1.0, tie_details details = {}) {
    check_weight(weight);
    if (details.since && !detail::is_iso_date(*details.since)) {
      throw invalid_input(field_location("since"), "since '" + *details.since + "' is not a date of the form yyyy-mm-dd, yyyy-mm or yyyy");
    }
    if (source >= m_actors.size() || target >= m_actors.size()) throw std::out_of_range("actor index out of range");
    check_self_loop(source, target);
    return tie_at(store_tie(source, target, weight, std::move(details)));
  }

  /// Adds many ties at once, as if add_tie were called for each in order
  /// (repeated pairs merge, the first orientation is kept), but in O(n + m)
  /// without per-tie hashing when the network has no ties yet.
  ///
  /// @param source, target actor indices, one per tie
  /// @param weight one weight per tie, or empty for all 1
  /// @param details one entry per tie, or empty for none
  /// @throws invalid_input when the lengths differ, an index is out of range, a
  ///         weight is not finite or negative, a date is malformed, or a
  ///         self-loop is not allowed; the field names the tie number. The
  ///         network is unchanged when anything is thrown.
  void add_ties(std::span<const vertex_index> source, std::span<const vertex_index> target,
                std::span<const double> weight = {}, std::vector<tie_details> details = {}) {
    const std::size_t m = source.size();
    if (target.size() != m || (!weight.empty() && weight.size() != m) || (!details.empty() && details.size() != m)) {
      throw invalid_input("source, target, weight and details must have the same length");
    }
    const std::size_t n = m_actors.size();
    const auto where = [](const char* field, std::size_t i) {
      return field_location(std::string(field) + "[" + std::to_string(i) + "]");
    };
    for (std::size_t i = 0; i < m; ++i) {
      if (source[i] >= n) throw invalid_input(where("source", i), "actor index " + std::to_string(source[i]) + " out of range");
      if (target[i] >= n) throw invalid_input(where("target", i), "actor index " + std::to_string(target[i]) + " out of range");
      if (source[i] == target[i] && !m_allow_self_loops) {
        throw invalid_input(where("target", i), "self-loop on actor '" + m_actors[source[i]].id + "'");
      }
      if (!weight.empty() && !(std::isfinite(weight[i]) && weight[i] >= 0)) {
        throw invalid_input(where("weight", i), std::isfinite(weight[i]) ? "weight is negative" : "weight is not a finite number");
      }
      if (!details.empty() && details[i].since && !detail::is_iso_date(*details[i].since)) {
        throw invalid_input(where("since", i), "since '" + *details[i].since + "' is not a date of the form yyyy-mm-dd, yyyy-mm or yyyy");
      }
    }
    if (m_tie_ends.size() + m >= std::numeric_limits<std::uint32_t>::max()) throw invalid_input("too many ties");
    if (!m_tie_ends.empty() && !weight.empty()) check_merged_weights(source, target, weight);
    invalidate();
    if (!m_tie_ends.empty()) {
      for (std::size_t i = 0; i < m; ++i) {
        store_tie(source[i], target[i], weight.empty() ? 1.0 : weight[i],
                  details.empty() ? tie_details{} : std::move(details[i]));
      }
      return;
    }
    add_ties_to_empty(source, target, weight, details);
  }

  /// Makes room for `n_actors` actors and `n_ties` ties.
  void reserve(std::size_t n_actors, std::size_t n_ties) {
    m_actors.reserve(n_actors);
    m_actor_index.reserve(n_actors, actor_id_of());
    m_tie_ends.reserve(n_ties);
    m_tie_weights.reserve(n_ties);
  }

  /// Removes the tie joining the pair. @throws not_found when there is none. O(m).
  void remove_tie(std::string_view source, std::string_view target) {
    const auto gone = tie_number(index_of(source), index_of(target));
    if (gone == detail::pair_index::npos) throw not_found(no_tie(source, target));
    std::vector<std::size_t> keep;
    keep.reserve(m_tie_ends.size());
    for (std::size_t i = 0; i < m_tie_ends.size(); ++i) {
      if (i != gone) keep.push_back(i);
    }
    keep_ties(keep);
    invalidate();
  }

  /// The tie joining the pair (either orientation when undirected), if any.
  [[nodiscard]] std::optional<tie_view> find_tie(std::string_view source, std::string_view target) const {
    const auto s = find_position(source);
    const auto t = find_position(target);
    if (s == detail::id_index::npos || t == detail::id_index::npos) return std::nullopt;
    const auto i = tie_number(s, t);
    if (i == detail::pair_index::npos) return std::nullopt;
    return tie_at(i);
  }
  /// Whether a tie joins the pair (either orientation when undirected).
  [[nodiscard]] bool has_tie(std::string_view source, std::string_view target) const {
    return find_tie(source, target).has_value();
  }
  /// The tie joining the pair. @throws not_found
  [[nodiscard]] tie_view get_tie(std::string_view source, std::string_view target) const {
    auto t = find_tie(source, target);
    if (!t) throw not_found(no_tie(source, target));
    return *t;
  }
  /// The tie with number `i` (0 <= i < n_ties(), in the order first added).
  [[nodiscard]] tie_view tie_at(std::size_t i) const {
    const auto [u, v] = m_tie_ends[i];
    const tie_details& d = details_of(i);
    return tie_view{m_actors[u].id, m_actors[v].id, d.relations, m_tie_weights[i], d.attributes, d.since};
  }

  /// All ties in the order they were first added, as a random-access range of
  /// tie_view (each converts to a healthnet::tie).
  class tie_range {
   public:
    /// Iterator yielding tie_view values.
    class iterator {
     public:
      /// @cond INTERNAL (the usual random-access iterator operations)
      using iterator_concept = std::random_access_iterator_tag;
      using iterator_category = std::input_iterator_tag;
      using value_type = tie_view;
      using reference = tie_view;
      using difference_type = std::ptrdiff_t;
      iterator() = default;
      iterator(const network* net, std::size_t i) : m_net(net), m_i(i) {}
      tie_view operator*() const { return m_net->tie_at(m_i); }
      tie_view operator[](difference_type k) const { return m_net->tie_at(m_i + k); }
      iterator& operator++() { ++m_i; return *this; }
      iterator operator++(int) { auto old = *this; ++m_i; return old; }
      iterator& operator--() { --m_i; return *this; }
      iterator operator--(int) { auto old = *this; --m_i; return old; }
      iterator& operator+=(difference_type k) { m_i += k; return *this; }
      iterator& operator-=(difference_type k) { m_i -= k; return *this; }
      friend iterator operator+(iterator it, difference_type k) { return it += k; }
      friend iterator operator+(difference_type k, iterator it) { return it += k; }
      friend iterator operator-(iterator it, difference_type k) { return it -= k; }
      friend difference_type operator-(const iterator& a, const iterator& b) {
        return static_cast<difference_type>(a.m_i) - static_cast<difference_type>(b.m_i);
      }
      friend bool operator==(const iterator& a, const iterator& b) { return a.m_i == b.m_i; }
      friend auto operator<=>(const iterator& a, const iterator& b) { return a.m_i <=> b.m_i; }
      /// @endcond

     private:
      const network* m_net{nullptr};
      std::size_t m_i{0};
    };
    /// The ties of `net`.
    explicit tie_range(const network& net) : m_net(&net) {}
    /// The first tie.
    [[nodiscard]] iterator begin() const { return {m_net, 0}; }
    /// Past the last tie.
    [[nodiscard]] iterator end() const { return {m_net, m_net->n_ties()}; }
    /// Number of ties.
    [[nodiscard]] std::size_t size() const noexcept { return m_net->n_ties(); }
    /// True when there are no ties.
    [[nodiscard]] bool empty() const noexcept { return size() == 0; }
    /// Tie number `i`.
    [[nodiscard]] tie_view operator[](std::size_t i) const { return m_net->tie_at(i); }

   private:
    const network* m_net;
  };
  /// All ties, in the order they were first added.
  [[nodiscard]] tie_range ties() const noexcept { return tie_range(*this); }
  /// Tie end points as actor indices, parallel to ties().
  [[nodiscard]] std::span<const std::pair<vertex_index, vertex_index>> tie_ends() const noexcept { return m_tie_ends; }
  /// Tie weights, parallel to ties().
  [[nodiscard]] std::span<const double> tie_weights() const noexcept { return m_tie_weights; }

  // ---- governance bodies ----------------------------------------------------

  /// Adds a governance body. @throws invalid_input for an empty or duplicate
  /// id or a repeated member; not_found for a member that is not an actor.
  void add_body(body b) {
    if (b.id.empty()) throw invalid_input(field_location("id"), "body id is empty");
    if (m_body_index.contains(b.id)) {
      throw invalid_input(field_location("id"), "duplicate body id '" + b.id + "'");
    }
    // Repeated members are found by sorting their actor indices: O(k log k)
    // for k members (a pairwise scan took 34 s for 100k members).
    std::vector<std::pair<vertex_index, std::uint32_t>> seen;  // (actor index, position in members)
    seen.reserve(b.members.size());
    for (const auto& m : b.members) {
      const auto i = find_position(m);
      if (i == detail::id_index::npos) throw not_found("unknown actor id '" + m + "' in members of body '" + b.id + "'");
      seen.emplace_back(i, static_cast<std::uint32_t>(seen.size()));
    }
    std::sort(seen.begin(), seen.end());
    std::size_t repeated = b.members.size();  // position of the first repeat, in member order
    for (std::size_t k = 1; k < seen.size(); ++k) {
      if (seen[k].first == seen[k - 1].first) repeated = std::min<std::size_t>(repeated, seen[k].second);
    }
    if (repeated < b.members.size()) {
      throw invalid_input(field_location("members[" + std::to_string(repeated) + "]"),
                          "actor '" + b.members[repeated] + "' listed twice in body '" + b.id + "'");
    }
    m_body_index.emplace(b.id, static_cast<std::uint32_t>(m_bodies.size()));
    m_bodies.push_back(std::move(b));
    touch();
  }
  /// Removes a body. @throws not_found
  void remove_body(std::string_view id) {
    const auto it = m_body_index.find(id);
    if (it == m_body_index.end()) throw not_found("unknown body id '" + std::string(id) + "'");
    m_bodies.erase(m_bodies.begin() + it->second);
    rebuild_body_index();
    touch();
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
    constexpr vertex_index dropped = std::numeric_limits<vertex_index>::max();
    std::vector<vertex_index> new_index(m_actors.size(), dropped);
    for (std::size_t i = 0; i < m_actors.size(); ++i) {
      if (keep(m_actors[i])) new_index[i] = out.add_actor(m_actors[i]);
    }
    for (std::size_t i = 0; i < m_tie_ends.size(); ++i) {
      const auto [u, v] = m_tie_ends[i];
      if (new_index[u] != dropped && new_index[v] != dropped) out.append_distinct_tie(new_index[u], new_index[v], *this, i);
    }
    for (body b : m_bodies) {
      std::erase_if(b.members, [&](const std::string& m) { return new_index[index_of(m)] == dropped; });
      out.add_body(std::move(b));
    }
    return out;
  }

  /// All actors and bodies, and only the ties for which `keep(tie)` is true.
  template <class TiePredicate>
  [[nodiscard]] network filter_ties(TiePredicate keep) const {
    network out = empty_like();
    out.reserve(m_actors.size(), 0);
    for (const auto& a : m_actors) out.add_actor(a);
    for (std::size_t i = 0; i < m_tie_ends.size(); ++i) {
      if (keep(tie_at(i))) out.append_distinct_tie(m_tie_ends[i].first, m_tie_ends[i].second, *this, i);
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
  /// @throws not_found when the network has ties but none carries `relation`
  ///         (a typo would otherwise give an empty layer); the message lists
  ///         the relations present, with a "did you mean".
  [[nodiscard]] network relation_layer(std::string_view relation) const {
    network out = filter_ties([&](const tie_view& t) { return t.relations.find(relation) != t.relations.end(); });
    if (out.n_ties() == 0 && n_ties() > 0) {
      std::vector<std::string> known;  // O(m·r) for the message only
      {
        detail::string_map<char> seen;
        for (std::size_t i = 0; i < n_ties(); ++i) {
          for (const auto& r : details_of(i).relations) {
            if (seen.emplace(r, 0).second) known.push_back(r);
          }
        }
      }
      std::sort(known.begin(), known.end());
      throw not_found("relation: no tie has the relation " + detail::quote_value(relation) +
                      detail::did_you_mean(relation, known) + " (" + detail::known_names(known) + ")");
    }
    return out;
  }

  // ---- analysis view --------------------------------------------------------

  /// The compressed adjacency of the current state, built on first use and
  /// cached until the network changes. Safe to call concurrently.
  [[nodiscard]] std::shared_ptr<const analysis_view> view() const {
    std::lock_guard lock(m_view_mutex);
    if (!m_view) {
      m_view = std::make_shared<const analysis_view>(
          analysis_view::from_tie_ends(m_actors.size(), m_tie_ends, m_tie_weights, m_directed));
    }
    return m_view;
  }

  /// A structure derived from this revision of the network (a grouping, the
  /// sector census, the forward adjacency of triangle counting), computed by
  /// `make()` on the first request for `key` and then shared: a report or a
  /// scorecard that needs it for many measures computes it once. Any mutation
  /// starts a new, empty memo (see revision()); copies share the memo of the
  /// revision they were copied at. Thread-safe like view(): several threads
  /// may ask at once, `make()` runs once per key.
  /// @throws std::logic_error when `key` was stored with another type T.
  template <class T, class Make>
  [[nodiscard]] std::shared_ptr<const T> memoized(std::string_view key, Make&& make) const {
    std::shared_ptr<detail::memo> m;
    {
      std::lock_guard lock(m_view_mutex);
      if (!m_memo) m_memo = std::make_shared<detail::memo>(m_revision);
      m = m_memo;
    }
    return m->get<T>(key, std::forward<Make>(make));
  }

  /// Exact equality of every actor, tie, body, setting and metadata, in order.
  friend bool operator==(const network& a, const network& b) {
    return a.m_directed == b.m_directed && a.m_allow_self_loops == b.m_allow_self_loops &&
           a.m_id_kind == b.m_id_kind &&
           a.m_region == b.m_region && a.sector_taxonomy() == b.sector_taxonomy() &&
           a.m_actors == b.m_actors && a.m_tie_ends == b.m_tie_ends && a.m_tie_weights == b.m_tie_weights &&
           a.same_tie_details(b) && a.m_bodies == b.m_bodies;
  }

 private:
  [[nodiscard]] network empty_like() const {
    network out(kind());
    out.m_allow_self_loops = m_allow_self_loops;
    out.m_id_kind = m_id_kind;
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
  static void check_integer_id(std::string_view id) {
    if (!detail::is_canonical_integer(id)) {
      throw invalid_input(field_location("id"), "actor id " + detail::quote_value(detail::escape_control(id)) +
                                                    " is not an integer, but the network has integer ids "
                                                    "(set its id kind to text first)");
    }
  }
  /// Ids and names are valid UTF-8 without NUL, whichever way they came in.
  static void check_text(std::string_view text, const char* field) {
    if (text.find('\0') != std::string_view::npos) {
      throw invalid_input(field_location(field), "contains a NUL character: " + detail::quote_value(detail::escape_control(text)));
    }
    if (detail::invalid_utf8_offset(text) != std::string_view::npos) {
      throw invalid_input(field_location(field), "is not valid UTF-8: " + detail::quote_value(detail::escape_control(text)));
    }
  }
  static void check_weight(double w) {
    if (!std::isfinite(w)) throw invalid_input(field_location("weight"), "weight is not a finite number");
    if (w < 0) throw invalid_input(field_location("weight"), "weight is negative");
  }
  void check_self_loop(vertex_index u, vertex_index v) const {
    if (u == v && !m_allow_self_loops) {
      throw invalid_input(field_location("target"), "self-loop on actor '" + m_actors[u].id + "'");
    }
  }

  // ---- tie storage: columns, details only where present ------------------
  static constexpr std::uint32_t no_details = std::numeric_limits<std::uint32_t>::max();

  [[nodiscard]] const tie_details& details_of(std::size_t i) const noexcept {
    static const tie_details none;
    if (m_tie_detail.empty() || m_tie_detail[i] == no_details) return none;
    return m_details[m_tie_detail[i]];
  }
  tie_details& mutable_details(std::size_t i) {
    if (m_tie_detail.empty()) m_tie_detail.assign(m_tie_ends.size(), no_details);
    if (m_tie_detail[i] == no_details) {
      m_tie_detail[i] = static_cast<std::uint32_t>(m_details.size());
      m_details.emplace_back();
    }
    return m_details[m_tie_detail[i]];
  }
  [[nodiscard]] bool same_tie_details(const network& other) const {
    for (std::size_t i = 0; i < m_tie_ends.size(); ++i) {
      if (!(details_of(i) == other.details_of(i))) return false;
    }
    return true;
  }
  /// The weight of tie `i` after merging a repeat of weight `w`.
  /// @throws invalid_input when the sum overflows to infinity (both weights
  /// are finite, so only overflow makes it non-finite), naming both ends.
  [[nodiscard]] double merged_weight(std::size_t i, double w) const {
    const double sum = m_tie_weights[i] + w;
    if (!std::isfinite(sum)) throw invalid_input(field_location("weight"), merge_overflow(i, w));
    return sum;
  }
  [[nodiscard]] std::string merge_overflow(std::size_t i, double w) const {
    const auto [u, v] = m_tie_ends[i];
    return "weights of the repeated tie between '" + m_actors[u].id + "' and '" + m_actors[v].id +
           "' add up to more than the largest number (" + detail::format_number(m_tie_weights[i]) + " + " +
           detail::format_number(w) + ")";
  }
  /// Appends a tie with a new number; merges into the existing tie of the pair.
  std::size_t store_tie(vertex_index u, vertex_index v, double w, tie_details&& details) {
    ensure_tie_index();
    invalidate();
    const std::uint64_t key = pair_key(u, v);
    if (const auto i = m_tie_index.find(key); i != detail::pair_index::npos) {
      m_tie_weights[i] = merged_weight(i, w);
      if (!details.empty()) mutable_details(i).merge(std::move(details));
      return i;
    }
    const std::size_t i = m_tie_ends.size();
    if (i + 1 >= std::numeric_limits<std::uint32_t>::max()) throw invalid_input("too many ties");
    m_tie_index.insert(key, static_cast<std::uint32_t>(i));
    append_columns(u, v, w, std::move(details));
    return i;
  }
  void append_columns(vertex_index u, vertex_index v, double w, tie_details&& details) {
    m_tie_ends.emplace_back(u, v);
    m_tie_weights.push_back(w);
    if (!m_tie_detail.empty()) m_tie_detail.push_back(no_details);
    if (!details.empty()) mutable_details(m_tie_ends.size() - 1) = std::move(details);
  }
  /// Appends tie `i` of `from` between new indices; the caller guarantees the
  /// pair is not tied yet (subnetworks of a network with distinct pairs).
  void append_distinct_tie(vertex_index u, vertex_index v, const network& from, std::size_t i) {
    reset_tie_index();
    invalidate();
    append_columns(u, v, from.m_tie_weights[i], tie_details(from.details_of(i)));
  }
  /// add_ties() into a network with ties: throws before anything changes when
  /// a repeated pair's weights would add up to infinity (the field names the
  /// tie number). O(m) expected.
  void check_merged_weights(std::span<const vertex_index> source, std::span<const vertex_index> target,
                            std::span<const double> weight) const {
    std::unordered_map<std::uint64_t, double, detail::keyed_integer_hash> sum;
    sum.reserve(source.size());
    for (std::size_t i = 0; i < source.size(); ++i) {
      const std::uint64_t key = pair_key(source[i], target[i]);
      auto [it, fresh] = sum.try_emplace(key, 0.0);
      if (fresh) {
        if (const auto t = tie_number(source[i], target[i]); t != detail::pair_index::npos) it->second = m_tie_weights[t];
      }
      it->second += weight[i];
      if (!std::isfinite(it->second)) {
        throw invalid_input(field_location("weight[" + std::to_string(i) + "]"),
                            "weights of the repeated tie between '" + m_actors[source[i]].id + "' and '" +
                                m_actors[target[i]].id + "' add up to more than the largest number");
      }
    }
  }
  /// add_ties() into a network without ties: repeated pairs are found by a
  /// counting sort on the smaller end (the source when directed) and a sort
  /// of each bucket, O(n + m log d) for bucket size d, instead of hashing.
  void add_ties_to_empty(std::span<const vertex_index> source, std::span<const vertex_index> target,
                         std::span<const double> weight, std::vector<tie_details>& details) {
    const std::size_t n = m_actors.size();
    const std::size_t m = source.size();
    const auto lo = [&](std::size_t i) { return m_directed ? source[i] : std::min(source[i], target[i]); };
    const auto hi = [&](std::size_t i) { return m_directed ? target[i] : std::max(source[i], target[i]); };
    std::vector<std::uint32_t> first_of(m);  // number (input order) of the first tie of the same pair
    {
      std::vector<std::uint32_t> offsets(n + 1, 0);
      for (std::size_t i = 0; i < m; ++i) ++offsets[lo(i) + 1];
      for (std::size_t b = 0; b < n; ++b) offsets[b + 1] += offsets[b];
      std::vector<std::uint64_t> entries(m);  // (other end << 32) | input number
      std::vector<std::uint32_t> next(offsets.begin(), offsets.end() - 1);
      for (std::size_t i = 0; i < m; ++i) entries[next[lo(i)]++] = (static_cast<std::uint64_t>(hi(i)) << 32) | i;
      for (std::size_t b = 0; b < n; ++b) {
        const auto first = entries.begin() + offsets[b];
        const auto last = entries.begin() + offsets[b + 1];
        std::sort(first, last);
        for (auto it = first; it != last;) {
          const std::uint64_t end = *it >> 32;
          const auto run_first = static_cast<std::uint32_t>(*it);
          for (; it != last && (*it >> 32) == end; ++it) first_of[static_cast<std::uint32_t>(*it)] = run_first;
        }
      }
    }
    std::size_t distinct = 0;
    for (std::size_t i = 0; i < m; ++i) distinct += first_of[i] == i;
    if (!weight.empty() && distinct < m) {  // a merge may overflow: check before anything changes
      std::vector<double> sum(m, 0.0);
      for (std::size_t i = 0; i < m; ++i) {
        sum[first_of[i]] += weight[i];
        if (!std::isfinite(sum[first_of[i]])) {
          throw invalid_input(field_location("weight[" + std::to_string(i) + "]"),
                              "weights of the repeated tie between '" + m_actors[source[i]].id + "' and '" +
                                  m_actors[target[i]].id + "' add up to more than the largest number");
        }
      }
    }
    m_tie_ends.reserve(distinct);
    m_tie_weights.reserve(distinct);
    std::vector<std::uint32_t>& number = first_of;  // reused: input number -> tie number of its pair
    for (std::size_t i = 0; i < m; ++i) {
      const double w = weight.empty() ? 1.0 : weight[i];
      tie_details d = details.empty() ? tie_details{} : std::move(details[i]);
      if (first_of[i] == i) {
        number[i] = static_cast<std::uint32_t>(m_tie_ends.size());
        append_columns(source[i], target[i], w, std::move(d));
      } else {
        const std::uint32_t k = number[first_of[i]];  // first_of[i] < i: already numbered
        number[i] = k;
        m_tie_weights[k] += w;
        if (!d.empty()) mutable_details(k).merge(std::move(d));
      }
    }
    reset_tie_index();
  }

  // ---- the pair index, built on first look-up -------------------------------
  void reset_tie_index() noexcept {
    m_tie_index.clear();
    m_tie_index_ready.store(false, std::memory_order_release);
  }
  void ensure_tie_index() const {
    if (m_tie_index_ready.load(std::memory_order_acquire)) return;
    std::lock_guard lock(m_tie_index_mutex);
    if (m_tie_index_ready.load(std::memory_order_relaxed)) return;
    m_tie_index.clear();
    m_tie_index.reserve(m_tie_ends.size());
    for (std::size_t i = 0; i < m_tie_ends.size(); ++i) {
      m_tie_index.insert(pair_key(m_tie_ends[i].first, m_tie_ends[i].second), static_cast<std::uint32_t>(i));
    }
    m_tie_index_ready.store(true, std::memory_order_release);
  }
  [[nodiscard]] std::uint32_t tie_number(vertex_index u, vertex_index v) const {
    ensure_tie_index();
    return m_tie_index.find(pair_key(u, v));
  }

  void keep_ties(const std::vector<std::size_t>& keep) {
    std::vector<std::pair<vertex_index, vertex_index>> ends;
    std::vector<double> weights;
    std::vector<std::uint32_t> detail_slot;
    std::vector<tie_details> details;
    ends.reserve(keep.size());
    weights.reserve(keep.size());
    for (auto i : keep) {
      ends.push_back(m_tie_ends[i]);
      weights.push_back(m_tie_weights[i]);
      if (!m_tie_detail.empty()) {
        if (m_tie_detail[i] == no_details) {
          detail_slot.push_back(no_details);
        } else {
          detail_slot.push_back(static_cast<std::uint32_t>(details.size()));
          details.push_back(std::move(m_details[m_tie_detail[i]]));
        }
      }
    }
    m_tie_ends = std::move(ends);
    m_tie_weights = std::move(weights);
    m_tie_detail = std::move(detail_slot);
    m_details = std::move(details);
    reset_tie_index();
  }
  struct actor_id_lookup {
    const std::vector<actor>* actors;
    std::string_view operator()(std::uint32_t i) const noexcept { return (*actors)[i].id; }
  };
  [[nodiscard]] actor_id_lookup actor_id_of() const noexcept { return {&m_actors}; }
  [[nodiscard]] std::uint32_t find_position(std::string_view id) const noexcept {
    return m_actor_index.find(id, actor_id_of());
  }
  void rebuild_body_index() {
    m_body_index.clear();
    for (std::size_t i = 0; i < m_bodies.size(); ++i) m_body_index.emplace(m_bodies[i].id, static_cast<std::uint32_t>(i));
  }
  void rebuild_indices() {
    m_actor_index.clear();
    m_actor_index.reserve(m_actors.size(), actor_id_of());
    for (std::size_t i = 0; i < m_actors.size(); ++i) {
      m_actor_index.insert(m_actors[i].id, static_cast<vertex_index>(i), actor_id_of());
    }
    reset_tie_index();
    rebuild_body_index();
  }
  // A change of the actors or ties: the analysis view and the memo go.
  void invalidate() {
    std::lock_guard lock(m_view_mutex);
    m_view.reset();
    m_memo.reset();
    m_revision = detail::next_actor_revision();
  }
  // A change of anything else (actor data, bodies, region, taxonomy): the memo goes.
  void touch() noexcept {
    std::lock_guard lock(m_view_mutex);
    m_memo.reset();
    m_revision = detail::next_actor_revision();
  }
  [[nodiscard]] std::shared_ptr<const analysis_view> cached_view() const {
    std::lock_guard lock(m_view_mutex);
    return m_view;
  }
  [[nodiscard]] std::shared_ptr<detail::memo> cached_memo() const {
    std::lock_guard lock(m_view_mutex);
    return m_memo;
  }

  bool m_directed{false};
  bool m_allow_self_loops{false};
  healthnet::id_kind m_id_kind{healthnet::id_kind::text};
  region_info m_region;
  std::shared_ptr<const taxonomy> m_taxonomy;  // null: the built-in one
  std::vector<actor> m_actors;
  detail::id_index m_actor_index;  // actor id -> position in m_actors
  std::vector<std::pair<vertex_index, vertex_index>> m_tie_ends;  // per tie: actor indices
  std::vector<double> m_tie_weights;                               // per tie
  std::vector<std::uint32_t> m_tie_detail;  // per tie: slot in m_details or no_details; empty: none has any
  std::vector<tie_details> m_details;
  mutable detail::pair_index m_tie_index;   // pair -> tie number; valid when m_tie_index_ready
  mutable std::atomic<bool> m_tie_index_ready{false};
  mutable std::mutex m_tie_index_mutex;
  std::vector<body> m_bodies;
  detail::string_map<std::uint32_t> m_body_index;
  std::uint64_t m_actor_revision{detail::next_actor_revision()};
  mutable std::mutex m_view_mutex;
  mutable std::shared_ptr<const analysis_view> m_view;
  std::uint64_t m_revision{detail::next_actor_revision()};
  mutable std::shared_ptr<detail::memo> m_memo;  // null: nothing derived yet at this revision
  mutable shared_access_mutex m_access;  // not copied, moved or swapped: see access_mutex()
};

}  // namespace healthnet

// SPDX-License-Identifier: MIT
// GraphML reading and writing: read_graphml, parse_graphml, to_graphml and
// write_graphml. The reader parses XML with expat (namespaces resolved by
// expat, entities never expanded); the writer writes its text itself.
//
// What to_graphml writes, and how parse_graphml maps it back
// ------------------------------------------------------------
// One <graph edgedefault="directed|undirected">. Node ids are actor ids, in
// actor order. Each tie is one <edge source target> in tie order with its
// stored orientation (no edge ids, no `directed` attribute). Keys get the ids
// d0, d1, ... and only the keys in use are declared:
//
//   graph  region_id, region_name, region_state, region_wave, region_date
//          (string), region_population (long), allow_self_loops (boolean,
//          written when true), bodies and taxonomy (string holding JSON,
//          below; taxonomy only when the network has a custom one), id_kind
//          (string "integer", written when the actor ids are integers:
//          network::id_kind(); node ids are their decimal text)
//   node   name, type, sector (the primary sector), sectors (all sectors
//          joined with `|`, written when an actor has more than one), lat and
//          lon (double, the location), respondent (boolean, where known),
//          then the attribute keys
//   edge   weight (double, always), relations (joined with `|`), since
//          (string), then the attribute keys
//
// Attributes: one key per (attribute name, value type); attr.type is
// boolean, double, string or long (an int64 value). In the common case (a name always holds values
// of one type and is not a field name) attr.name is the attribute name. When a
// name holds values of different types on different actors (or ties), the
// type most of its values have keeps the plain attr.name and the others get
// keys `name.string`, `name.double`, `name.boolean`, `name.long`; an attribute named like a
// field of its domain (actor: name, type, sector, sectors, lat, lon, respondent; tie:
// weight, relations, since) gets `name.type` too. Such keys carry
// hn:attribute="<the attribute name>" (xmlns:hn="urn:healthnet:graphml"),
// from which this reader restores name and type exactly; networkx and igraph
// (which rejects two keys with one attr.name) see distinct attributes.
// Numbers use the shortest text that reads back as the same double.
//
// bodies: a JSON array, one body per line, each an object as in the JSON
// format: {"id", "kind", "name", "members": [actor ids], "topic"?, "year"?}.
// taxonomy: a JSON object as in taxonomy files, {"sectors": [{"id", "de",
// "en", "core"}]}, one sector per line.
// Earlier versions wrote tab-separated text instead, which is still read
// (text that does not start with `[{`, `[]` resp. `{"`, blanks aside):
//   bodies: one body per line, `id  kind  name  topic  year  members`,
//     members separated by `|`, an absent topic or year written `\N`;
//   taxonomy: one sector per line, `id  label_de  label_en  core`;
//   inside a field `\\`, `\t`, `\n`, `\r` and `\|` stand for a backslash,
//   tab, line feed, carriage return and `|`.
//
// What parse_graphml accepts besides
// ----------------------------------
// Files of networkx, igraph, Gephi and yEd: `<desc>`, `<data>` of keys without
// attr.name (yFiles graphics) and elements of other namespaces are ignored,
// as are graph-level keys it does not know. attr.type int and long read as
// int64 (a value that is not an integer within int64 as a double), float and
// double as doubles, boolean as bool (true/false/1/0, any case), string
// and unknown types as strings. `<default>` values apply to elements without
// that data. An empty `since` means none (igraph writes "" for missing
// strings). `sector` and `sectors` combine: `sectors` gives the list and
// `sector` is moved (or put) in front. A lone `lat` or `lon` stays an
// attribute. Keys for="all" apply to nodes, edges and the graph.
// Rejected: malformed XML (as expat finds it, e.g. an undeclared namespace
// prefix), entity declarations and references to entities other than the
// five predefined ones, nesting deeper than max_depth, a `<data>` of an
// undeclared key, `<hyperedge>`, `<port>`, nested or several graphs, edges
// whose `directed` contradicts edgedefault, duplicate node ids, unknown end
// points, bad weights and self-loops unless read_options::allow_self_loops or
// the file's allow_self_loops key allow them (the network then allows them
// too). Repeated edges merge by network::add_tie. Encodings: UTF-8 (with or
// without byte order mark), US-ASCII and ISO-8859-1 (also named latin1).
// Attribute defaults of a DTD are not applied.
#include <expat.h>

#include <healthnet/detail/file_io.hpp>
#include <healthnet/detail/keyed_hash.hpp>
#include <healthnet/detail/text.hpp>
#include <healthnet/detail/validate.hpp>
#include <healthnet/io.hpp>
#include <healthnet/taxonomy.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "json_locate.hpp"

static_assert(XML_MAJOR_VERSION > 2 || (XML_MAJOR_VERSION == 2 && XML_MINOR_VERSION >= 4),
              "expat >= 2.4 is needed (billion-laughs protection)");

namespace healthnet {

namespace {

constexpr std::string_view graphml_ns = "http://graphml.graphdrawing.org/xmlns";
constexpr std::string_view healthnet_ns = "urn:healthnet:graphml";
/// Deepest element nesting accepted; GraphML needs 5, yEd files about 12.
constexpr std::size_t max_depth = 256;
constexpr std::size_t npos = std::string_view::npos;
/// Joins namespace URI, local name and prefix in expat's names; a byte no XML
/// name or (attribute-normalised) URI holds.
constexpr XML_Char ns_separator = '\x01';
/// Bytes handed to expat at a time (XML_Parse takes an int length).
constexpr std::size_t chunk_size = std::size_t{1} << 26;
/// References to control characters are read as references to U+F0000 + c
/// (plane 15, private use) and mapped back; see rewrite_control_references.
constexpr std::uint32_t control_base = 0xF0000;

// ---- small text helpers ------------------------------------------------------

unsigned byte_of(char c) { return static_cast<unsigned char>(c); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim_space(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string hex_byte(char c) {
  static constexpr char digits[] = "0123456789abcdef";
  const unsigned u = byte_of(c);
  return std::string("0x") + digits[u >> 4] + digits[u & 0xF];
}

/// `s` with the bytes of invalid UTF-8 sequences replaced by '?', so that
/// messages stay valid UTF-8 (Python decodes them).
std::string printable(std::string_view s) {
  std::string out(s);
  for (std::size_t at = detail::invalid_utf8_offset(out); at != npos; at = detail::invalid_utf8_offset(out)) {
    out[at] = '?';
  }
  return out;
}

/// A bad value for a message: quoted, cut to 40 bytes at a character boundary.
std::string quote(std::string_view s) {
  if (s.size() <= 40) return detail::quote_value(printable(s));
  std::size_t cut = 40;
  while (cut > 0 && (byte_of(s[cut]) & 0xC0) == 0x80) --cut;
  return "'" + printable(s.substr(0, cut)) + "...'";
}

std::string element_field(std::string_view qname) { return "<" + printable(qname) + ">"; }
std::string attribute_field(std::string_view name) { return "attribute '" + printable(name) + "'"; }
std::string key_field(std::string_view id) { return "key '" + std::string(id) + "'"; }

bool is_control(std::uint32_t c) { return c > 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

/// Offset of the first byte XML text may not hold: a control character other
/// than tab, line feed and carriage return or (`utf8`) invalid UTF-8; npos if none.
std::size_t first_bad_byte(std::string_view s, bool utf8) {
  const std::size_t bad_utf8 = utf8 ? detail::invalid_utf8_offset(s) : npos;
  const auto it = std::find_if(s.begin(), s.end(), [](char c) { return c == '\0' || is_control(byte_of(c)); });
  const std::size_t control = it == s.end() ? npos : static_cast<std::size_t>(it - s.begin());
  return std::min(bad_utf8, control);
}

/// The XML name (or entity name) starting at `at`, cut at 100 bytes.
std::string_view name_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return {};
  std::size_t end = at;
  while (end < text.size() && end - at < 100 && !is_space(text[end]) &&
         std::strchr("=>/;&<\"'", text[end]) == nullptr) {
    ++end;
  }
  return text.substr(at, end - at);
}

/// Lines that `s` ends, as expat counts them (LF, CR LF and a lone CR).
std::size_t count_line_ends(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n'))) ++n;
  }
  return n;
}

/// XML 1.0, and so expat, refuses references to control characters such as
/// `&#7;`, which to_graphml writes to keep such text exact (XML 1.1 allows
/// them). This rewrites each of them outside CDATA sections (where references
/// are plain text) to a reference to U+F0000 + c into `out` and returns how
/// many it rewrote (0: `out` is untouched); restore_controls maps them back.
/// `reserved` is set to the offset of a reference to U+F0000..U+F001F the
/// file holds itself, or stays npos.
std::size_t rewrite_control_references(std::string_view text, std::string& out, std::size_t& reserved) {
  std::size_t count = 0;
  std::size_t copied = 0;
  std::size_t cdata = text.find("<![CDATA[");
  for (std::size_t i = text.find("&#"); i != npos; i = text.find("&#", i)) {
    if (i > cdata) {  // skip the CDATA section before i
      const std::size_t end = text.find("]]>", cdata + 9);
      if (end == npos) break;  // expat reports the unclosed section
      cdata = text.find("<![CDATA[", end + 3);
      i = std::max(i, end + 3);
      continue;
    }
    std::size_t digits = i + 2;
    const bool hex = digits < text.size() && text[digits] == 'x';
    if (hex) ++digits;
    std::uint32_t cp = 0;
    const auto [p, ec] = std::from_chars(text.data() + digits, text.data() + text.size(), cp, hex ? 16 : 10);
    const auto end = static_cast<std::size_t>(p - text.data());
    i += 2;
    if (ec != std::errc{} || end == digits || end >= text.size() || text[end] != ';') continue;  // expat reports it
    if (cp >= control_base && cp < control_base + 0x20 && reserved == npos) reserved = i - 2;
    if (!is_control(cp)) continue;
    if (count++ == 0) out.reserve(text.size() + 64);
    out.append(text.substr(copied, i - 2 - copied));
    out += "&#" + std::to_string(control_base + cp) + ';';
    copied = end + 1;
  }
  if (count > 0) out.append(text.substr(copied));
  return count;
}

/// Maps U+F0000 + c (UTF-8 F3 B0 80 80+c) back to the control character c.
void restore_controls(std::string& s) {
  std::size_t at = s.find("\xF3\xB0\x80");
  if (at == npos) return;
  std::size_t out = at;
  for (std::size_t i = at; i < s.size();) {
    if (i + 3 < s.size() && s.compare(i, 3, "\xF3\xB0\x80") == 0 && byte_of(s[i + 3]) >= 0x80 &&
        byte_of(s[i + 3]) < 0xA0) {
      s[out++] = static_cast<char>(byte_of(s[i + 3]) - 0x80);
      i += 4;
    } else {
      s[out++] = s[i++];
    }
  }
  s.resize(out);
}

// ---- XML events from expat ------------------------------------------------------

/// An attribute of a start tag; views valid during the start handler.
struct xml_attribute {
  std::string_view qname;  ///< prefix:local as written
  std::string_view ns;     ///< namespace URI; empty for unprefixed attributes
  std::string_view local;  ///< name without prefix
  std::string_view value;  ///< references decoded, white space normalised (by expat)
  std::size_t line{};
};

/// A start tag; views valid during the start handler.
struct xml_event {
  std::string_view qname;
  std::string_view ns;  ///< namespace URI ("" for none)
  std::string_view local;
  std::size_t line{};
  std::span<const xml_attribute> attributes;
};

/// Splits expat's `uri SEP local [SEP prefix]` (or `local`).
void split_name(std::string_view name, std::string_view& ns, std::string_view& local, std::string_view& prefix) {
  const std::size_t a = name.find(ns_separator);
  if (a == npos) {
    ns = {};
    local = name;
    prefix = {};
    return;
  }
  ns = name.substr(0, a);
  const std::size_t b = name.find(ns_separator, a + 1);
  local = name.substr(a + 1, b == npos ? npos : b - a - 1);
  prefix = b == npos ? std::string_view{} : name.substr(b + 1);
}

/// `prefix:local`, or `local`, into `out`.
std::string_view make_qname(std::string_view prefix, std::string_view local, std::string& out) {
  if (prefix.empty()) return local;
  out.assign(prefix);
  out += ':';
  out.append(local);
  return out;
}

// ---- bodies and taxonomy text of earlier versions -------------------------------

/// Splits on unescaped `sep`; the pieces keep their escapes.
std::vector<std::string_view> split_escaped(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(s.substr(start));
  return out;
}

/// The field without escapes, or nothing for a bad escape.
std::optional<std::string> unescape_field(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out += s[i];
      continue;
    }
    if (++i >= s.size()) return std::nullopt;
    switch (s[i]) {
      case '\\': out += '\\'; break;
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case '|': out += '|'; break;
      default: return std::nullopt;
    }
  }
  return out;
}

/// True when the text of a bodies (`open` '[') or taxonomy (`open` '{') key is
/// JSON: it starts with `[{` or `[]` resp. `{"`, white space aside.
bool is_json_text(std::string_view s, char open) {
  s = trim_space(s);
  if (s.empty() || s.front() != open) return false;
  s = trim_space(s.substr(1));
  if (s.empty()) return false;
  return open == '[' ? (s.front() == '{' || s.front() == ']') : s.front() == '"';
}
// ---- GraphML reader ------------------------------------------------------------

enum class key_domain { node, edge, graph, all, other };

/// What a key's data fills.
enum class role {
  ignore,
  id_kind,
  attribute,
  name,
  type,
  sector,
  sectors,
  lat,
  lon,
  respondent,
  weight,
  relations,
  since,
  region_id,
  region_name,
  region_state,
  region_population,
  region_wave,
  region_date,
  allow_self_loops,
  bodies,
  taxonomy,
};

enum class value_type { boolean, number, integer, string };

struct key_def {
  std::string id;
  key_domain domain{key_domain::all};
  std::string domain_text{"all"};
  std::optional<std::string> name;  ///< attr.name; data of keys without one is ignored
  value_type type{value_type::string};
  std::optional<std::string> attribute;  ///< hn:attribute: the attribute its data fills
  std::optional<std::string> default_text;
  std::size_t line{};
  std::size_t default_line{};
};

struct data_item {
  std::string key;
  std::string text;
  std::size_t line{};       ///< of the <data> tag
  std::size_t text_line{};  ///< where its text starts
};

struct node_record {
  std::string id;
  std::size_t line{};
  std::size_t id_line{};
  std::vector<data_item> data;
};

struct edge_record {
  std::string source;
  std::string target;
  std::size_t line{};
  std::size_t source_line{};
  std::size_t target_line{};
  std::vector<data_item> data;
};

/// A data value with its key, after defaults are filled in.
struct resolved_data {
  const key_def* key;
  std::string_view text;
  std::size_t line;
  std::size_t text_line;
};

const char* domain_name(key_domain d) {
  switch (d) {
    case key_domain::node: return "node";
    case key_domain::edge: return "edge";
    case key_domain::graph: return "graph";
    default: return "all";
  }
}

role role_of(const key_def& key, key_domain where) {
  if (key.attribute) return where == key_domain::graph ? role::ignore : role::attribute;
  if (!key.name) return role::ignore;
  const std::string& n = *key.name;
  if (where == key_domain::graph) {
    if (n == "region_id") return role::region_id;
    if (n == "region_name") return role::region_name;
    if (n == "region_state") return role::region_state;
    if (n == "region_population") return role::region_population;
    if (n == "region_wave") return role::region_wave;
    if (n == "region_date") return role::region_date;
    if (n == "allow_self_loops") return role::allow_self_loops;
    if (n == "bodies") return role::bodies;
    if (n == "taxonomy") return role::taxonomy;
    if (n == "id_kind") return role::id_kind;
    return role::ignore;
  }
  if (where == key_domain::node) {
    if (n == "name") return role::name;
    if (n == "type") return role::type;
    if (n == "sector") return role::sector;
    if (n == "sectors") return role::sectors;
    if (n == "lat") return role::lat;
    if (n == "lon") return role::lon;
    if (n == "respondent") return role::respondent;
  } else {
    if (n == "weight") return role::weight;
    if (n == "relations") return role::relations;
    if (n == "since") return role::since;
  }
  return role::attribute;
}


class graphml_reader {
 public:
  graphml_reader(std::string_view text, const std::string& origin, const read_options& options)
      : m_origin(origin), m_options(options), m_text(text) {}

  network read() {
    collect();
    return build();
  }

 private:
  enum class context { graphml, key, default_value, graph, node, edge, data, skip };

  struct open_element {
    std::string qname;
    std::size_t line{};
    context what{};
  };

  struct parser_free {
    void operator()(XML_Parser p) const { XML_ParserFree(p); }
  };

  [[noreturn]] void fail(std::size_t line, std::string field, const std::string& problem) const {
    throw invalid_input(source_location{m_origin, line, std::move(field)}, problem);
  }

  static const xml_attribute* find_attribute(const xml_event& ev, std::string_view local,
                                             std::string_view ns = {}) {
    for (const auto& a : ev.attributes) {
      if (a.local == local && a.ns == ns) return &a;
    }
    return nullptr;
  }

  const xml_attribute& required_attribute(const xml_event& ev, std::string_view local) const {
    const xml_attribute* a = find_attribute(ev, local);
    if (!a) fail(ev.line, element_field(ev.qname), "missing attribute '" + std::string(local) + "'");
    return *a;
  }

  // ---- pass 1: expat's events into keys and records ----

  void collect() {
    std::string_view text = m_text;
    if (text.size() >= 2 && ((byte_of(text[0]) == 0xFE && byte_of(text[1]) == 0xFF) ||
                              (byte_of(text[0]) == 0xFF && byte_of(text[1]) == 0xFE))) {
      fail(1, "encoding", "utf-16 is not supported, save the file as utf-8");
    }
    std::size_t reserved = npos;
    m_rewritten = rewrite_control_references(text, m_storage, reserved);
    if (m_rewritten > 0) {
      // The file holds U+F0000..U+F001F itself: reading it back would change it.
      std::size_t at = reserved;
      for (std::size_t i = text.find("\xF3\xB0\x80"); i != npos && i < at; i = text.find("\xF3\xB0\x80", i + 1)) {
        if (i + 3 < text.size() && byte_of(text[i + 3]) >= 0x80 && byte_of(text[i + 3]) < 0xA0) at = i;
      }
      if (at != npos) {
        fail(detail::line_of(text, at), "<graphml>",
             "characters U+F0000 to U+F001F are not read in a file that also holds references to control characters");
      }
      m_input = m_storage;
    } else {
      m_input = text;
    }

    const std::unique_ptr<std::remove_pointer_t<XML_Parser>, parser_free> parser(
        XML_ParserCreateNS(nullptr, ns_separator));
    if (!parser) throw std::bad_alloc();
    m_parser = parser.get();
    XML_SetUserData(m_parser, this);
    XML_SetReturnNSTriplet(m_parser, XML_TRUE);
    XML_SetParamEntityParsing(m_parser, XML_PARAM_ENTITY_PARSING_NEVER);  // no external entities, no XXE
    XML_SetElementHandler(m_parser, on_start, on_end);
    XML_SetCharacterDataHandler(m_parser, on_text);
    XML_SetEntityDeclHandler(m_parser, on_entity_declaration);
    XML_SetSkippedEntityHandler(m_parser, on_skipped_entity);
    XML_SetNotStandaloneHandler(m_parser, on_not_standalone);
    XML_SetXmlDeclHandler(m_parser, on_xml_declaration);
    XML_SetUnknownEncodingHandler(m_parser, on_unknown_encoding, this);

    std::size_t at = 0;
    do {
      const std::size_t n = std::min(m_input.size() - at, chunk_size);
      const bool last = at + n == m_input.size();
      if (XML_Parse(m_parser, m_input.data() + at, static_cast<int>(n), last ? XML_TRUE : XML_FALSE) ==
          XML_STATUS_ERROR) {
        if (m_error) std::rethrow_exception(m_error);
        report_xml_error();
      }
      at += n;
    } while (at < m_input.size());
    m_parser = nullptr;
    if (!m_graph_seen) fail(m_root_line, "<graphml>", "no <graph> element");
  }

  /// Runs a handler; an exception stops the parser and is rethrown by collect
  /// (exceptions must not pass through expat's C frames).
  template <class F>
  static void handle(void* self, F&& f) noexcept {
    auto& r = *static_cast<graphml_reader*>(self);
    if (r.m_error) return;
    try {
      f(r);
    } catch (...) {
      r.m_error = std::current_exception();
      XML_StopParser(r.m_parser, XML_FALSE);
    }
  }

  static void XMLCALL on_start(void* self, const XML_Char* name, const XML_Char** atts) {
    handle(self, [&](graphml_reader& r) { r.start(name, atts); });
  }
  static void XMLCALL on_end(void* self, const XML_Char* /*name*/) {
    handle(self, [](graphml_reader& r) { r.end(); });
  }
  static void XMLCALL on_text(void* self, const XML_Char* s, int len) {
    handle(self, [&](graphml_reader& r) { r.text(std::string_view(s, static_cast<std::size_t>(len))); });
  }
  static void XMLCALL on_entity_declaration(void* self, const XML_Char* name, int /*parameter*/,
                                            const XML_Char* /*value*/, int /*length*/, const XML_Char* /*base*/,
                                            const XML_Char* /*system_id*/, const XML_Char* /*public_id*/,
                                            const XML_Char* /*notation*/) {
    handle(self, [&](graphml_reader& r) {
      r.fail(r.current_line(), "<!DOCTYPE>",
             "entity declarations are not supported (entity " + quote(name) + "); entities are never expanded");
    });
  }
  static void XMLCALL on_skipped_entity(void* self, const XML_Char* name, int /*parameter*/) {
    handle(self, [&](graphml_reader& r) {
      r.fail(r.current_line(), r.context_field(), "unknown entity '&" + printable(name) + ";'");
    });
  }
  /// A DTD with an external subset: expat then drops unknown entity references
  /// in attribute values without a word, so start() looks for them itself.
  static int XMLCALL on_not_standalone(void* self) {
    static_cast<graphml_reader*>(self)->m_external_dtd = true;
    return XML_STATUS_OK;
  }
  static void XMLCALL on_xml_declaration(void* self, const XML_Char* /*version*/, const XML_Char* encoding,
                                         int /*standalone*/) {
    auto& r = *static_cast<graphml_reader*>(self);
    if (encoding) r.m_utf8 = ascii_lower(encoding) == "utf-8";
  }
  /// Encodings expat does not know by the name given: latin-1 aliases and
  /// `ascii`; others are refused.
  static int XMLCALL on_unknown_encoding(void* self, const XML_Char* name, XML_Encoding* info) {
    auto& r = *static_cast<graphml_reader*>(self);
    const std::string enc = ascii_lower(name);
    const bool latin1 = enc == "latin1" || enc == "latin-1" || enc == "iso8859-1" || enc == "iso_8859-1" || enc == "l1";
    if (!latin1 && enc != "ascii") {
      r.m_encoding = name;
      return XML_STATUS_ERROR;
    }
    for (int i = 0; i < 256; ++i) info->map[i] = latin1 || i < 0x80 ? i : -1;
    info->data = nullptr;
    info->convert = nullptr;
    info->release = nullptr;
    return XML_STATUS_OK;
  }

  [[nodiscard]] std::size_t current_line() const { return XML_GetCurrentLineNumber(m_parser); }

  [[nodiscard]] std::string context_field() const {
    return m_open.empty() ? std::string("<graphml>") : element_field(m_open.back().qname);
  }

  /// The field of an error at input offset `at`: the start tag it lies in,
  /// else the innermost open element.
  [[nodiscard]] std::string error_field(std::size_t at) const {
    const std::size_t lt = at == 0 ? npos : m_input.rfind('<', at - 1);
    if (lt != npos && lt + 1 < m_input.size() && m_input[lt + 1] != '/' && m_input[lt + 1] != '!' &&
        m_input[lt + 1] != '?') {
      char quote = 0;  // inside the tag unless a '>' outside quotes closes it before `at`
      std::size_t i = lt + 1;
      for (; i < at && i < m_input.size(); ++i) {
        const char c = m_input[i];
        if (quote) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>') {
          break;
        }
      }
      const std::string_view name = name_at(m_input, lt + 1);
      if (i >= at && !name.empty()) return element_field(name);
    }
    return context_field();
  }

  /// Turns expat's error into file:line: field: problem.
  [[noreturn]] void report_xml_error() {
    const XML_Error code = XML_GetErrorCode(m_parser);
    const std::size_t line = current_line();
    const XML_Index index = XML_GetCurrentByteIndex(m_parser);
    const std::size_t at = index < 0 ? m_input.size() : static_cast<std::size_t>(index);
    // A byte XML may not hold (expat: "not well-formed"): name it.
    const std::size_t bad = first_bad_byte(m_input.substr(0, std::min(m_input.size(), at + 4)), m_utf8);
    if (bad != npos) {
      const char c = m_input[bad];
      fail(detail::line_of(m_input, bad), error_field(bad),
           byte_of(c) < 0x20 ? "control character " + hex_byte(c) + " is not allowed in xml"
                             : "invalid utf-8 (byte " + hex_byte(c) + ")");
    }
    switch (code) {
      case XML_ERROR_NO_ELEMENTS: {
        if (!m_open.empty()) {
          fail(line, context_field(),
               "unexpected end of file, element opened on line " + std::to_string(m_open.back().line) +
                   " is not closed");
        }
        std::string_view rest = m_input;
        if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);
        if (trim_space(rest).empty()) fail(1, "<graphml>", "file is empty");
        fail(line, "<graphml>", "no root element");
      }
      case XML_ERROR_UNCLOSED_TOKEN: {  // expat names the place before the cut-off tag
        const std::size_t lt = m_input.rfind('<');
        if (lt != npos && lt >= at) {
          fail(detail::line_of(m_input, lt), error_field(m_input.size()), "unexpected end of file inside the tag");
        }
        fail(line, error_field(at), "invalid xml: unclosed token");
      }
      case XML_ERROR_TAG_MISMATCH:
        fail(line, context_field(),
             "end tag '</" + printable(name_at(m_input, m_input.substr(at).starts_with("</") ? at + 2 : at)) +
                 ">' does not match '<" +
                 printable(m_open.back().qname) + ">' opened on line " + std::to_string(m_open.back().line));
      case XML_ERROR_UNDEFINED_ENTITY:
        fail(line, error_field(at), "unknown entity '&" + printable(name_at(m_input, at + 1)) + ";'");
      case XML_ERROR_DUPLICATE_ATTRIBUTE:  // expat points at the second one
        fail(line, attribute_field(name_at(m_input, at)), "attribute given twice");
      case XML_ERROR_JUNK_AFTER_DOC_ELEMENT:
        fail(line, "<graphml>",
             m_input.substr(at).starts_with('<') ? "second root element" : "text after the root element");
      case XML_ERROR_UNKNOWN_ENCODING:
      case XML_ERROR_INCORRECT_ENCODING:
        fail(1, "encoding",
             "unsupported encoding " + quote(m_encoding) + ", only utf-8, us-ascii and iso-8859-1 are read");
      default:
        fail(line, error_field(at), std::string("invalid xml: ") + XML_ErrorString(code));
    }
  }

  void start(const XML_Char* name, const XML_Char** atts) {
    xml_event ev;
    ev.line = current_line();
    std::string_view prefix;
    split_name(name, ev.ns, ev.local, prefix);
    ev.qname = make_qname(prefix, ev.local, m_qname);
    if (m_open.size() >= max_depth) {
      fail(ev.line, element_field(ev.qname), "elements nested deeper than " + std::to_string(max_depth) + " levels");
    }
    const auto tag_at = static_cast<std::size_t>(XML_GetCurrentByteIndex(m_parser));
    const auto tag = m_input.substr(tag_at, static_cast<std::size_t>(XML_GetCurrentByteCount(m_parser)));
    if (m_external_dtd) check_entity_references(tag, ev.line, ev.qname);
    // Attributes as written (a DTD's defaults come after them and are not used).
    const auto n = static_cast<std::size_t>(XML_GetSpecifiedAttributeCount(m_parser)) / 2;
    if (m_attributes.size() < n) m_attributes.resize(n);
    if (m_rewritten > 0 && m_values.size() < n) m_values.resize(n);
    if (m_qnames.size() < n) m_qnames.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      xml_attribute& a = m_attributes[i];
      split_name(atts[2 * i], a.ns, a.local, prefix);
      a.qname = make_qname(prefix, a.local, m_qnames[i]);
      a.value = atts[2 * i + 1];
      if (m_rewritten > 0) {
        m_values[i].assign(a.value);
        restore_controls(m_values[i]);
        a.value = m_values[i];
      }
      a.line = ev.line;
    }
    ev.attributes = std::span<const xml_attribute>(m_attributes.data(), n);
    if (tag.find_first_of("\r\n") != npos) attribute_lines(tag, ev.line, n);

    if (m_open.empty()) {
      if (!is_graphml(ev) || ev.local != "graphml") {
        fail(ev.line, element_field(ev.qname), "root element must be <graphml>");
      }
      m_root_line = ev.line;
      m_open.push_back({std::string(ev.qname), ev.line, context::graphml});
      return;
    }
    const context what = start_element(ev, m_open.back().what);
    m_open.push_back({std::string(ev.qname), ev.line, what});
  }

  void end() {
    const context done = m_open.back().what;
    m_open.pop_back();
    end_element(done, m_open.empty() ? context::skip : m_open.back().what);
  }

  void text(std::string_view s) {
    if (m_open.empty()) return;
    const context where = m_open.back().what;
    if (where == context::data) {
      if (m_data.text.empty()) m_data.text_line = current_line();
      m_data.text += s;
    } else if (where == context::default_value) {
      *m_key.default_text += s;
    }
  }

  /// The line of each attribute of a start tag that spans lines, found by
  /// walking the tag as written (expat has checked its syntax).
  void attribute_lines(std::string_view tag, std::size_t line, std::size_t n) {
    std::size_t i = 1;
    while (i < tag.size() && !is_space(tag[i]) && tag[i] != '/' && tag[i] != '>') ++i;
    std::size_t k = 0;  // the next attribute expat reported
    while (i < tag.size() && k < n) {
      const std::size_t space = i;
      while (i < tag.size() && is_space(tag[i])) ++i;
      line += count_line_ends(tag.substr(space, i - space));
      if (i >= tag.size() || tag[i] == '/' || tag[i] == '>') break;
      const std::size_t name_start = i;
      while (i < tag.size() && !is_space(tag[i]) && tag[i] != '=') ++i;
      const std::string_view qname = tag.substr(name_start, i - name_start);
      const std::size_t quote_at = tag.find_first_of("\"'", i);
      if (quote_at == npos) return;
      const std::size_t close = tag.find(tag[quote_at], quote_at + 1);
      if (close == npos) return;
      const std::size_t name_line = line;
      line += count_line_ends(tag.substr(i, close - i));
      i = close + 1;
      if (qname == "xmlns" || qname.starts_with("xmlns:")) continue;  // expat does not report these
      if (m_attributes[k].qname == qname) m_attributes[k++].line = name_line;
    }
  }

  /// With an external DTD, a reference in an attribute value to an entity
  /// other than the predefined ones is refused (expat would drop it).
  void check_entity_references(std::string_view tag, std::size_t line, std::string_view qname) const {
    for (std::size_t i = tag.find('&'); i != npos; i = tag.find('&', i + 1)) {
      const std::string_view name = name_at(tag, i + 1);
      if (name.starts_with('#') || name == "lt" || name == "gt" || name == "amp" || name == "quot" || name == "apos") {
        continue;
      }
      fail(line, element_field(qname), "unknown entity '&" + printable(name) + ";'");
    }
  }

  static bool is_graphml(const xml_event& ev) { return ev.ns == graphml_ns || ev.ns.empty(); }

  context start_element(const xml_event& ev, context parent) {
    if (parent == context::skip || parent == context::data || parent == context::default_value || !is_graphml(ev)) {
      return context::skip;
    }
    const std::string_view name = ev.local;
    auto field = [&] { return element_field(ev.qname); };
    if (name == "desc") return context::skip;
    switch (parent) {
      case context::graphml:
        if (name == "key") return begin_key(ev);
        if (name == "graph") return begin_graph(ev);
        if (name == "data") return context::skip;  // data of for="graphml" keys
        break;
      case context::key:
        if (name == "default") {
          if (m_key.default_text) fail(ev.line, field(), "second <default> of key '" + m_key.id + "'");
          m_key.default_text = "";
          m_key.default_line = ev.line;
          return context::default_value;
        }
        break;
      case context::graph:
        if (name == "node") return begin_node(ev);
        if (name == "edge") return begin_edge(ev);
        if (name == "data") return begin_data(ev);
        if (name == "hyperedge") fail(ev.line, field(), "hyperedges are not supported");
        if (name == "locator") fail(ev.line, field(), "graph locators are not supported");
        break;
      case context::node:
      case context::edge:
        if (name == "data") return begin_data(ev);
        if (name == "graph") fail(ev.line, field(), "nested graphs are not supported");
        if (name == "port") fail(ev.line, field(), "ports are not supported");
        break;
      default:
        break;
    }
    fail(ev.line, field(), "unexpected element in " +
                             std::string(parent == context::graphml ? "<graphml>"
                                         : parent == context::key   ? "<key>"
                                         : parent == context::graph ? "<graph>"
                                         : parent == context::node  ? "<node>"
                                                                    : "<edge>"));
  }

  context begin_key(const xml_event& ev) {
    m_key = key_def{};
    m_key.line = ev.line;
    const xml_attribute& id = required_attribute(ev, "id");
    m_key.id = id.value;
    if (m_key_index.contains(m_key.id)) {
      fail(id.line, attribute_field("id"), "duplicate key id " + quote(m_key.id));
    }
    if (const auto* f = find_attribute(ev, "for")) {
      m_key.domain_text = f->value;
      if (f->value == "node") {
        m_key.domain = key_domain::node;
      } else if (f->value == "edge") {
        m_key.domain = key_domain::edge;
      } else if (f->value == "graph") {
        m_key.domain = key_domain::graph;
      } else if (f->value == "all") {
        m_key.domain = key_domain::all;
      } else if (f->value == "graphml" || f->value == "hyperedge" || f->value == "port" || f->value == "endpoint") {
        m_key.domain = key_domain::other;
      } else {
        fail(f->line, attribute_field("for"), "unknown key domain " + quote(f->value));
      }
    }
    if (const auto* n = find_attribute(ev, "attr.name")) m_key.name = std::string(n->value);
    if (const auto* t = find_attribute(ev, "attr.type")) {
      const std::string type = ascii_lower(trim_space(t->value));
      if (type == "boolean") {
        m_key.type = value_type::boolean;
      } else if (type == "int" || type == "long") {
        m_key.type = value_type::integer;
      } else if (type == "float" || type == "double") {
        m_key.type = value_type::number;
      }  // string and unknown types (e.g. Gephi's liststring) read as text
    }
    if (const auto* a = find_attribute(ev, "attribute", healthnet_ns)) m_key.attribute = std::string(a->value);
    return context::key;
  }

  context begin_graph(const xml_event& ev) {
    if (m_graph_seen) fail(ev.line, "<graph>", "more than one <graph>; only files with one graph are read");
    m_graph_seen = true;
    if (const auto* e = find_attribute(ev, "edgedefault")) {
      if (e->value == "directed") {
        m_directed = true;
      } else if (e->value != "undirected") {
        fail(e->line, attribute_field("edgedefault"),
             "expected 'directed' or 'undirected', got " + quote(e->value));
      }
    }
    return context::graph;
  }

  context begin_node(const xml_event& ev) {
    const xml_attribute& id = required_attribute(ev, "id");
    if (id.value.empty()) fail(id.line, attribute_field("id"), "node id is empty");
    m_node = node_record{std::string(id.value), ev.line, id.line, {}};
    return context::node;
  }

  context begin_edge(const xml_event& ev) {
    const xml_attribute& source = required_attribute(ev, "source");
    const xml_attribute& target = required_attribute(ev, "target");
    if (const auto* d = find_attribute(ev, "directed")) {
      const std::string v = ascii_lower(trim_space(d->value));
      if (v != "true" && v != "false") {
        fail(d->line, attribute_field("directed"), "expected 'true' or 'false', got " + quote(d->value));
      }
      if ((v == "true") != m_directed) {
        fail(d->line, attribute_field("directed"),
             "mixed graphs are not supported: directed=" + quote(d->value) + " in a graph with edgedefault='" +
                 (m_directed ? "directed" : "undirected") + "'");
      }
    }
    m_edge = edge_record{std::string(source.value), std::string(target.value), ev.line, source.line, target.line, {}};
    return context::edge;
  }

  context begin_data(const xml_event& ev) {
    const xml_attribute& key = required_attribute(ev, "key");
    m_data = data_item{std::string(key.value), {}, ev.line, ev.line};
    return context::data;
  }

  void end_element(context done, context parent) {
    switch (done) {
      case context::key:
        m_key_index.emplace(m_key.id, m_keys.size());
        m_keys.push_back(std::move(m_key));
        break;
      case context::node:
        m_nodes.push_back(std::move(m_node));
        break;
      case context::edge:
        m_edges.push_back(std::move(m_edge));
        break;
      case context::default_value:
        if (m_rewritten > 0) restore_controls(*m_key.default_text);
        break;
      case context::data:
        if (m_rewritten > 0) restore_controls(m_data.text);
        if (parent == context::graph) {
          m_graph_data.push_back(std::move(m_data));
        } else if (parent == context::node) {
          m_node.data.push_back(std::move(m_data));
        } else {
          m_edge.data.push_back(std::move(m_data));
        }
        break;
      default:
        break;
    }
  }

  // ---- pass 2: records into a network ----

  /// The data of one element checked against the keys, plus the defaults of
  /// keys it has no data for.
  std::vector<resolved_data> resolve(const std::vector<data_item>& items, key_domain where) {
    ++m_stamp;
    std::vector<resolved_data> out;
    out.reserve(items.size());
    for (const auto& item : items) {
      const auto it = m_key_index.find(item.key);
      if (it == m_key_index.end()) fail(item.line, "<data>", "unknown key " + quote(item.key));
      const key_def& key = m_keys[it->second];
      if (key.domain != where && key.domain != key_domain::all) {
        fail(item.line, key_field(key.id),
             "key is declared for " + key.domain_text + ", not for " + domain_name(where));
      }
      if (m_seen[it->second] == m_stamp) fail(item.line, key_field(key.id), "data of this key given twice");
      m_seen[it->second] = m_stamp;
      out.push_back(resolved_data{&key, item.text, item.line, item.text_line});
    }
    // Only the keys with a default for this domain: scanning every key for
    // every element cost O(elements x keys).
    for (const std::size_t k : m_defaults[static_cast<std::size_t>(where)]) {
      const key_def& key = m_keys[k];
      if (m_seen[k] != m_stamp) out.push_back(resolved_data{&key, *key.default_text, key.default_line, key.default_line});
    }
    return out;
  }

  bool to_bool(const resolved_data& d) const {
    const std::string v = ascii_lower(trim_space(d.text));
    if (v == "true" || v == "1") return true;
    if (v == "false" || v == "0") return false;
    fail(d.line, key_field(d.key->id), "not a boolean: " + quote(d.text));
  }

  double to_number(const resolved_data& d) const {
    const auto v = detail::parse_number(trim_space(d.text));
    if (!v) fail(d.line, key_field(d.key->id), "not a number: " + quote(d.text));
    return *v;
  }

  attribute_value to_attribute(const resolved_data& d) const {
    switch (d.key->type) {
      case value_type::boolean: return to_bool(d);
      case value_type::number: return to_number(d);
      case value_type::integer: {
        const std::string_view s = trim_space(d.text);
        std::int64_t value = 0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (!s.empty() && ec == std::errc{} && end == s.data() + s.size()) return value;
        return to_number(d);  // "5.0", or beyond int64: still the number it says
      }
      default: return std::string(d.text);
    }
  }

  void add_attribute(attribute_map& map, const std::string& name, attribute_value value, const resolved_data& d) const {
    if (!map.emplace(name, std::move(value)).second) {
      fail(d.line, key_field(d.key->id), "attribute " + quote(name) + " given twice");
    }
  }

  static const std::string& attribute_name(const key_def& key) { return key.attribute ? *key.attribute : *key.name; }

  static std::vector<std::string> split_list(std::string_view s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
      std::size_t end = s.find('|', start);
      if (end == npos) end = s.size();
      if (end > start) out.emplace_back(s.substr(start, end - start));
      start = end + 1;
    }
    return out;
  }

  /// Runs a network call, turning its errors into invalid_input at `line`.
  template <class F>
  void guarded(std::size_t line, std::string_view field, F&& f) const {
    try {
      f();
    } catch (const invalid_input& e) {
      fail(line, std::string(field), e.problem());
    } catch (const not_found& e) {
      fail(line, std::string(field), e.what());
    }
  }

  network build() {
    m_seen.assign(m_keys.size(), 0);
    for (std::size_t k = 0; k < m_keys.size(); ++k) {
      if (!m_keys[k].default_text) continue;
      for (const key_domain where : {key_domain::graph, key_domain::node, key_domain::edge}) {
        if (m_keys[k].domain == where || m_keys[k].domain == key_domain::all) {
          m_defaults[static_cast<std::size_t>(where)].push_back(k);
        }
      }
    }
    network net(m_directed ? directedness::directed : directedness::undirected);
    const resolved_data* bodies = nullptr;
    const resolved_data* id_kind_data = nullptr;
    region_info region;
    bool allow_self_loops = m_options.allow_self_loops;
    const auto graph_data = resolve(m_graph_data, key_domain::graph);
    for (const auto& d : graph_data) {
      switch (role_of(*d.key, key_domain::graph)) {
        case role::region_id: region.id = d.text; break;
        case role::region_name: region.name = d.text; break;
        case role::region_state: region.state = d.text; break;
        case role::region_wave: region.wave = d.text; break;
        case role::region_date: region.date = d.text; break;
        case role::region_population: region.population = to_population(d); break;
        case role::allow_self_loops: allow_self_loops = to_bool(d) || allow_self_loops; break;
        case role::bodies: bodies = &d; break;
        case role::taxonomy: read_taxonomy(net, d); break;
        case role::id_kind: id_kind_data = &d; break;
        default: break;
      }
    }
    net.set_region(std::move(region));
    net.set_allow_self_loops(allow_self_loops);
    for (const auto& n : m_nodes) {
      if (net.has_actor(n.id)) fail(n.id_line, attribute_field("id"), "duplicate actor id " + quote(n.id));
      actor a = read_actor(n);
      guarded(n.line, "<node>", [&] { net.add_actor(std::move(a)); });
    }
    if (id_kind_data != nullptr) {
      const std::string_view kind = trim_space(id_kind_data->text);
      if (kind == "integer") {
        guarded(id_kind_data->line, key_field(id_kind_data->key->id), [&] { net.set_id_kind(id_kind::integer); });
      } else if (kind != "text") {
        fail(id_kind_data->line, key_field(id_kind_data->key->id), "id_kind must be 'integer' or 'text', got " + quote(kind));
      }
    }
    for (const auto& e : m_edges) {
      if (e.source == e.target && !net.allow_self_loops()) {
        fail(e.line, "<edge>", "self-loop on actor " + quote(e.source) +
                                   " (set allow_self_loops to accept self-loops)");
      }
      tie t = read_tie(e);
      try {
        net.add_tie(std::move(t));
      } catch (const not_found&) {  // look the ends up only now, to name the bad one
        if (!net.has_actor(e.source)) {
          fail(e.source_line, attribute_field("source"), "unknown actor id " + quote(e.source));
        }
        fail(e.target_line, attribute_field("target"), "unknown actor id " + quote(e.target));
      } catch (const invalid_input& x) {
        fail(e.line, "<edge>", x.problem());
      }
    }
    if (bodies) read_bodies(net, *bodies);
    return net;
  }

  std::int64_t to_population(const resolved_data& d) const {
    const std::string_view s = trim_space(d.text);
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    const bool integer = !s.empty() && ec == std::errc{} && end == s.data() + s.size();
    // Some writers give whole numbers as doubles ("12000.0").
    const auto v = integer ? std::optional<double>(static_cast<double>(value)) : detail::parse_number(s);
    if (!v) fail(d.line, key_field(d.key->id), "population is not a whole number: " + quote(d.text));
    // The same rule as the JSON reader: a whole number in [0, 9e15].
    if (auto problem = detail::population_problem(*v, std::string(s)); !problem.empty()) {
      fail(d.line, key_field(d.key->id), problem);
    }
    return integer ? value : static_cast<std::int64_t>(*v);
  }

  actor read_actor(const node_record& n) {
    actor a;
    a.id = n.id;
    std::optional<std::string> sector;
    std::vector<std::string> sectors;
    const resolved_data* lat = nullptr;
    const resolved_data* lon = nullptr;
    const auto data = resolve(n.data, key_domain::node);
    for (const auto& d : data) {
      switch (role_of(*d.key, key_domain::node)) {
        case role::name: a.name = d.text; break;
        case role::type: a.type = d.text; break;
        case role::sector: sector = std::string(d.text); break;
        case role::sectors: sectors = split_list(d.text); break;
        case role::lat: lat = &d; to_number(d); break;
        case role::lon: lon = &d; to_number(d); break;
        case role::respondent: {  // true/false/1/0 (any case); empty text: unknown
          const std::string v = ascii_lower(trim_space(d.text));
          if (v == "true" || v == "1") a.respondent = true;
          else if (v == "false" || v == "0") a.respondent = false;
          else if (!v.empty()) {
            fail(d.line, key_field(d.key->id),
                 "not a respondent flag: " + quote(d.text) + " (expected true, false, 1 or 0)");
          }
          break;
        }
        case role::attribute: add_attribute(a.attributes, attribute_name(*d.key), to_attribute(d), d); break;
        default: break;
      }
    }
    if (sector && !sector->empty() && (sectors.empty() || sectors.front() != *sector)) {
      std::erase(sectors, *sector);
      sectors.insert(sectors.begin(), *sector);
    }
    a.sectors = std::move(sectors);
    if (lat && lon) {
      a.location = geo_point{to_number(*lat), to_number(*lon)};
      // The same rules as the JSON reader.
      if (auto problem = detail::latitude_problem(a.location->lat, std::string(trim_space(lat->text))); !problem.empty()) {
        fail(lat->line, key_field(lat->key->id), problem);
      }
      if (auto problem = detail::longitude_problem(a.location->lon, std::string(trim_space(lon->text))); !problem.empty()) {
        fail(lon->line, key_field(lon->key->id), problem);
      }
    } else if (lat) {
      add_attribute(a.attributes, "lat", to_number(*lat), *lat);
    } else if (lon) {
      add_attribute(a.attributes, "lon", to_number(*lon), *lon);
    }
    return a;
  }

  tie read_tie(const edge_record& e) {
    tie t;
    t.source = e.source;
    t.target = e.target;
    for (const auto& d : resolve(e.data, key_domain::edge)) {
      switch (role_of(*d.key, key_domain::edge)) {
        case role::weight: {
          const auto v = detail::parse_number(trim_space(d.text));
          const char* problem = !v ? "weight is not a number: "
                                : !std::isfinite(*v) ? "weight is not a finite number: "
                                : *v < 0             ? "weight is negative: "
                                                     : nullptr;
          if (problem) fail(d.line, key_field(d.key->id), problem + quote(d.text));
          t.weight = *v;
          break;
        }
        case role::relations: {
          auto list = split_list(d.text);
          t.relations.insert(std::make_move_iterator(list.begin()), std::make_move_iterator(list.end()));
          break;
        }
        case role::since: {
          const std::string_view since = trim_space(d.text);
          if (since.empty()) break;  // igraph writes "" for a tie without the attribute
          if (!detail::is_iso_date(since)) {
            fail(d.line, key_field(d.key->id),
                 "since is not a date of the form yyyy-mm-dd, yyyy-mm or yyyy: " + quote(d.text));
          }
          t.since = std::string(since);
          break;
        }
        case role::attribute: add_attribute(t.attributes, attribute_name(*d.key), to_attribute(d), d); break;
        default: break;
      }
    }
    return t;
  }

  /// Splits the text of a bodies/taxonomy key into lines with their file lines.
  static std::vector<std::pair<std::string_view, std::size_t>> text_lines(const resolved_data& d) {
    std::vector<std::pair<std::string_view, std::size_t>> out;
    std::size_t line = d.text_line;
    std::size_t start = 0;
    const std::string_view s = d.text;
    while (start <= s.size()) {
      std::size_t end = s.find('\n', start);
      if (end == npos) end = s.size();
      const std::string_view text = s.substr(start, end - start);
      if (!trim_space(text).empty()) out.emplace_back(text, line);
      ++line;
      start = end + 1;
    }
    return out;
  }

  std::vector<std::string> fields_of(std::string_view text, std::size_t line, std::size_t expected,
                                     const std::string& field, const char* what) const {
    std::vector<std::string_view> raw;
    std::size_t start = 0;
    for (;;) {
      const std::size_t tab = text.find('\t', start);
      raw.push_back(text.substr(start, tab == npos ? npos : tab - start));
      if (tab == npos) break;
      start = tab + 1;
    }
    if (raw.size() != expected) {
      fail(line, field, std::string(what) + ": expected " + std::to_string(expected) + " tab-separated fields, got " +
                            std::to_string(raw.size()));
    }
    std::vector<std::string> out;
    for (auto r : raw) out.emplace_back(r);
    return out;
  }

  std::string unescape(std::string_view s, std::size_t line, const std::string& field) const {
    auto v = unescape_field(s);
    if (!v) fail(line, field, "bad escape in " + quote(s));
    return std::move(*v);
  }

  void read_bodies(network& net, const resolved_data& d) const {
    if (is_json_text(d.text, '[')) {
      read_json_bodies(net, d);
    } else {
      read_tsv_bodies(net, d);
    }
  }

  void read_taxonomy(network& net, const resolved_data& d) const {
    if (is_json_text(d.text, '{')) {
      read_json_taxonomy(net, d);
    } else {
      read_tsv_taxonomy(net, d);
    }
  }

  /// Runs `f` on the JSON text of `d`, turning its errors (which name lines
  /// of that text and JSON fields) into errors at lines of the file.
  template <class F>
  void json_guarded(const resolved_data& d, const char* what, F&& f) const {
    try {
      f();
    } catch (const invalid_input& e) {
      const source_location& w = e.where();
      const std::string inner = w.field.empty() ? std::string() : (w.field.starts_with('[') ? what + w.field : w.field) + ": ";
      fail(d.text_line + (w.line > 0 ? w.line - 1 : 0), key_field(d.key->id), inner + e.problem());
    }
  }

  void read_json_bodies(network& net, const resolved_data& d) const {
    json_guarded(d, "bodies", [&] {
      const auto document = detail::parse_json_document(d.text, m_origin);
      const detail::json_reader r{d.text, m_origin};
      const nlohmann::json& list = document.root();
      if (!list.is_array()) r.fail("", "expected an array of bodies");
      for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = "/" + std::to_string(i);
        const auto& item = r.object_at(list[i], path);
        body b;
        b.id = r.string_member(item, path, "id", true);
        const std::string kind = r.string_member(item, path, "kind", true);
        const auto k = parse_body_kind(kind);
        if (!k) r.fail(path + "/kind", "unknown body kind " + quote(kind));
        b.kind = *k;
        b.name = r.string_member(item, path, "name", false);
        b.members = r.string_list_member(item, path, "members");
        const auto& topic = r.member(item, path, "topic", nlohmann::json::value_t::string, false);
        if (topic.is_string()) b.topic = topic.get<std::string>();
        const auto& year = r.member(item, path, "year", nlohmann::json::value_t::number_float, false);
        if (year.is_number()) {
          const double y = year.get<double>();
          if (auto problem = detail::body_year_problem(y, year.dump()); !problem.empty()) r.fail(path + "/year", problem);
          b.year = static_cast<int>(y);
        }
        try {
          net.add_body(std::move(b));
        } catch (const invalid_input& e) {
          r.fail(path, e.problem());
        } catch (const not_found& e) {
          r.fail(path, e.what());
        }
      }
    });
  }

  void read_json_taxonomy(network& net, const resolved_data& d) const {
    // The format of taxonomy files; taxonomy::parse names lines of `d.text`.
    json_guarded(d, "taxonomy", [&] { net.set_taxonomy(taxonomy::parse(d.text, m_origin)); });
  }

  void read_tsv_bodies(network& net, const resolved_data& d) const {
    const std::string field = key_field(d.key->id);
    for (const auto& [text, line] : text_lines(d)) {
      const auto f = fields_of(text, line, 6, field, "body");
      body b;
      b.id = unescape(f[0], line, field);
      const auto kind = parse_body_kind(f[1]);
      if (!kind) fail(line, field, "unknown body kind " + quote(f[1]));
      b.kind = *kind;
      b.name = unescape(f[2], line, field);
      if (f[3] != "\\N") b.topic = unescape(f[3], line, field);
      if (f[4] != "\\N") {
        int year = 0;
        const auto [end, ec] = std::from_chars(f[4].data(), f[4].data() + f[4].size(), year);
        if (f[4].empty() || ec != std::errc{} || end != f[4].data() + f[4].size()) {
          fail(line, field, "body year is not a whole number: " + quote(f[4]));
        }
        if (auto problem = detail::body_year_problem(year, f[4]); !problem.empty()) fail(line, field, problem);
        b.year = year;
      }
      if (!f[5].empty()) {
        for (auto m : split_escaped(f[5], '|')) b.members.push_back(unescape(m, line, field));
      }
      guarded(line, field, [&] { net.add_body(std::move(b)); });
    }
  }

  void read_tsv_taxonomy(network& net, const resolved_data& d) const {
    const std::string field = key_field(d.key->id);
    std::vector<sector> sectors;
    for (const auto& [text, line] : text_lines(d)) {
      const auto f = fields_of(text, line, 4, field, "sector");
      sector s;
      s.id = unescape(f[0], line, field);
      s.label_de = unescape(f[1], line, field);
      s.label_en = unescape(f[2], line, field);
      if (f[3] != "true" && f[3] != "false") {
        fail(line, field, "sector core flag must be 'true' or 'false', got " + quote(f[3]));
      }
      s.core = f[3] == "true";
      sectors.push_back(std::move(s));
    }
    guarded(d.text_line, field, [&] { net.set_taxonomy(taxonomy(std::move(sectors))); });
  }

  const std::string& m_origin;
  const read_options& m_options;
  std::string_view m_text;     ///< the file
  std::string m_storage;       ///< the file with control references rewritten, if it has any
  std::string_view m_input;    ///< what expat reads: m_text or m_storage
  std::size_t m_rewritten{0};  ///< control references rewritten
  XML_Parser m_parser{nullptr};
  std::exception_ptr m_error;  ///< thrown in a handler; rethrown once expat returns
  std::vector<open_element> m_open;
  std::vector<xml_attribute> m_attributes;  ///< of the current start tag, reused
  std::vector<std::string> m_values;        ///< attribute values with controls restored
  std::vector<std::string> m_qnames;        ///< prefixed attribute names
  std::string m_qname;                      ///< a prefixed element name
  std::string m_encoding;                   ///< an encoding expat refused
  bool m_utf8{true};                        ///< no other encoding declared
  bool m_external_dtd{false};
  std::size_t m_root_line{1};

  bool m_graph_seen{false};
  bool m_directed{false};
  std::vector<key_def> m_keys;
  detail::string_map<std::size_t> m_key_index;
  std::vector<data_item> m_graph_data;
  std::vector<node_record> m_nodes;
  std::vector<edge_record> m_edges;
  key_def m_key;        ///< the <key> being read
  node_record m_node;   ///< the <node> being read
  edge_record m_edge;   ///< the <edge> being read
  data_item m_data;     ///< the <data> being read
  std::vector<std::size_t> m_seen;  ///< per key: stamp of the last element that had it
  std::array<std::vector<std::size_t>, 8> m_defaults;  ///< per key_domain: the keys with a default
  std::size_t m_stamp{0};
};

// ---- GraphML writer ------------------------------------------------------------

/// Text the writer cannot represent (caught and given context by the caller).
struct unwritable {
  std::string problem;
};

/// Appends `s` escaped for XML character data or (`attribute`) a quoted value.
void append_escaped(std::string& out, std::string_view s, bool attribute) {
  if (detail::invalid_utf8_offset(s) != npos) throw unwritable{"text is not valid utf-8"};
  // XML 1.0 characters (Char production) leave out U+FFFE and U+FFFF, even
  // as references: expat refuses them, so the file would not read back.
  for (const char* nonchar : {"\xEF\xBF\xBE", "\xEF\xBF\xBF"}) {
    if (s.find(nonchar) != npos) {
      throw unwritable{std::string("text holds U+") + (nonchar[2] == '\xBE' ? "FFFE" : "FFFF") +
                       ", a noncharacter xml cannot hold"};
    }
  }
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      case '\r': out += "&#13;"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      case '\0': throw unwritable{"text contains a nul character"};
      default:
        if (byte_of(c) < 0x20) {
          out += "&#" + std::to_string(byte_of(c)) + ';';
        } else {
          out += c;
        }
    }
  }
}

/// attr.type by variant index of attribute_value (bool, double, string, int64).
constexpr const char* type_names[] = {"boolean", "double", "string", "long"};
constexpr std::size_t n_value_types = std::variant_size_v<attribute_value>;
static_assert(std::size(type_names) == n_value_types);

/// Refuses a sector or relation that joining with `|` would lose: an empty
/// one, or one holding `|` (allowed where it is written alone, `bar_ok`).
void check_list_item(std::string_view item, const char* what, bool bar_ok) {
  if (item.empty()) throw unwritable{std::string("empty ") + what + " (lists are joined with '|')"};
  if (!bar_ok && item.find('|') != npos) {
    throw unwritable{std::string(what) + " " + quote(item) + " holds '|', the list separator"};
  }
}

std::string attribute_text(const attribute_value& v) {
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (const auto* d = std::get_if<double>(&v)) return detail::format_number(*d);
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  return std::get<std::string>(v);
}

class graphml_writer {
 public:
  explicit graphml_writer(const network& net) : m_net(net) {}

  std::string write() {
    plan_keys();
    m_out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    m_out += "<graphml xmlns=\"";
    m_out += graphml_ns;
    m_out += "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
    if (m_marked) {
      m_out += " xmlns:hn=\"";
      m_out += healthnet_ns;
      m_out += '"';
    }
    m_out += " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
             "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    for (const auto& k : m_keys) {
      m_out += "  <key id=\"" + k.id + "\" for=\"" + k.domain + "\" attr.name=\"";
      guard([&] { return "key '" + k.name + "'"; }, [&] { append_escaped(m_out, k.name, true); });
      m_out += "\" attr.type=\"" + k.type + '"';
      if (k.attribute) {
        m_out += " hn:attribute=\"";
        guard([&] { return "key '" + k.name + "'"; }, [&] { append_escaped(m_out, *k.attribute, true); });
        m_out += '"';
      }
      m_out += "/>\n";
    }
    m_out += m_net.directed() ? "  <graph id=\"G\" edgedefault=\"directed\">\n"
                              : "  <graph id=\"G\" edgedefault=\"undirected\">\n";
    write_graph_data();
    for (const auto& a : m_net.actors()) {
      guard([&] { return "actor '" + a.id + "'"; }, [&] { write_actor(a); });
    }
    for (const auto& t : m_net.ties()) {
      guard([&] { return "tie '" + t.source + "' -> '" + t.target + "'"; }, [&] { write_tie(t); });
    }
    m_out += "  </graph>\n</graphml>\n";
    return std::move(m_out);
  }

 private:
  struct out_key {
    std::string id;
    std::string domain;
    std::string name;
    std::string type;
    std::optional<std::string> attribute;  ///< hn:attribute
  };

  /// Runs `f`, naming what it writes (`name()`) if its text cannot be written.
  template <class Name, class F>
  static void guard(Name&& name, F&& f) {
    try {
      f();
    } catch (const unwritable& e) {
      throw invalid_input(field_location(printable(name())), "cannot write as graphml: " + e.problem);
    }
  }

  /// Declares a key; `attribute` names the attribute when attr.name differs.
  std::string add_key(const char* domain, std::string name, const char* type, const std::string* attribute = nullptr) {
    std::string id = "d" + std::to_string(m_keys.size());
    m_keys.push_back(out_key{id, domain, std::move(name), type, attribute ? std::optional(*attribute) : std::nullopt});
    m_marked = m_marked || attribute;
    return id;
  }

  void plan_keys() {
    const region_info& r = m_net.region();
    if (!r.id.empty()) m_region_id = add_key("graph", "region_id", "string");
    if (!r.name.empty()) m_region_name = add_key("graph", "region_name", "string");
    if (!r.state.empty()) m_region_state = add_key("graph", "region_state", "string");
    if (r.population) m_region_population = add_key("graph", "region_population", "long");
    if (!r.wave.empty()) m_region_wave = add_key("graph", "region_wave", "string");
    if (!r.date.empty()) m_region_date = add_key("graph", "region_date", "string");
    if (m_net.allow_self_loops()) m_allow_self_loops = add_key("graph", "allow_self_loops", "boolean");
    if (m_net.n_bodies() > 0) m_bodies = add_key("graph", "bodies", "string");
    if (m_net.has_custom_taxonomy()) m_taxonomy = add_key("graph", "taxonomy", "string");
    if (m_net.id_kind() == id_kind::integer) m_id_kind = add_key("graph", "id_kind", "string");

    bool name = false, type = false, sector = false, sectors = false, location = false, respondent = false;
    type_counts node_attributes;
    for (const auto& a : m_net.actors()) {
      name = name || !a.name.empty();
      type = type || !a.type.empty();
      sector = sector || !a.sectors.empty();
      sectors = sectors || a.sectors.size() > 1;
      location = location || a.location.has_value();
      respondent = respondent || a.respondent.has_value();
      for (const auto& [k, v] : a.attributes) ++node_attributes[k][v.index()];
    }
    if (name) m_name = add_key("node", "name", "string");
    if (type) m_type = add_key("node", "type", "string");
    if (sector) m_sector = add_key("node", "sector", "string");
    if (sectors) m_sectors = add_key("node", "sectors", "string");
    if (location) {
      m_lat = add_key("node", "lat", "double");
      m_lon = add_key("node", "lon", "double");
    }
    if (respondent) m_respondent = add_key("node", "respondent", "boolean");
    add_attribute_keys("node", node_attributes, {"name", "type", "sector", "sectors", "lat", "lon", "respondent"},
                       m_node_keys);

    bool relations = false, since = false;
    type_counts edge_attributes;
    for (const auto& t : m_net.ties()) {
      relations = relations || !t.relations.empty();
      since = since || t.since.has_value();
      for (const auto& [k, v] : t.attributes) ++edge_attributes[k][v.index()];
    }
    if (m_net.n_ties() > 0) m_weight = add_key("edge", "weight", "double");
    if (relations) m_relations = add_key("edge", "relations", "string");
    if (since) m_since = add_key("edge", "since", "string");
    add_attribute_keys("edge", edge_attributes, {"weight", "relations", "since"}, m_edge_keys);
  }

  /// Per attribute name, how many values of each type (variant index).
  using type_counts = std::map<std::string, std::array<std::size_t, n_value_types>, std::less<>>;
  using key_ids = std::map<std::string, std::array<std::string, n_value_types>, std::less<>>;

  /// One key per (name, type). attr.name is the attribute name for the type
  /// most values of that name have, unless it is a field name; the other keys
  /// get `name.type` (made unique with `_2`, `_3`, ...) and carry
  /// hn:attribute="name", since igraph rejects two keys with one attr.name.
  void add_attribute_keys(const char* domain, const type_counts& counts, std::set<std::string, std::less<>> taken,
                          key_ids& ids) {
    std::map<std::string, std::size_t, std::less<>> plain;  // name -> type that gets the plain name
    for (const auto& [k, n] : counts) {
      if (taken.contains(k)) continue;
      plain.emplace(k, static_cast<std::size_t>(std::max_element(n.begin(), n.end()) - n.begin()));
    }
    for (const auto& [k, n] : plain) taken.insert(k);
    for (const auto& [k, n] : counts) {
      for (std::size_t t = 0; t < n_value_types; ++t) {
        if (n[t] == 0) continue;
        const auto it = plain.find(k);
        if (it != plain.end() && it->second == t) {
          ids[k][t] = add_key(domain, k, type_names[t], nullptr);
          continue;
        }
        const std::string base = k + "." + type_names[t];
        std::string shown = base;
        for (int i = 2; taken.contains(shown); ++i) shown = base + "_" + std::to_string(i);
        taken.insert(shown);
        ids[k][t] = add_key(domain, shown, type_names[t], &k);
      }
    }
  }

  void data(const char* indent, const std::string& key, std::string_view text) {
    m_out += indent;
    m_out += "<data key=\"" + key + "\">";
    append_escaped(m_out, text, false);
    m_out += "</data>\n";
  }

  static std::string join(const auto& list) {
    std::string out;
    for (const auto& s : list) {
      if (!out.empty()) out += '|';
      out += s;
    }
    return out;
  }

  /// `open`, the items as compact JSON one per line, `close`.
  static std::string json_lines(const char* open, const std::vector<nlohmann::ordered_json>& items, const char* close) {
    std::string text = open;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i > 0) text += ",\n";
      try {
        text += items[i].dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::strict);
      } catch (const nlohmann::ordered_json::type_error&) {
        throw unwritable{"text is not valid utf-8"};
      }
    }
    return text + close;
  }

  void write_graph_data() {
    const region_info& r = m_net.region();
    constexpr const char* in = "    ";
    guard([] { return std::string("region"); }, [&] {
      if (!m_region_id.empty()) data(in, m_region_id, r.id);
      if (!m_region_name.empty()) data(in, m_region_name, r.name);
      if (!m_region_state.empty()) data(in, m_region_state, r.state);
      if (!m_region_population.empty()) data(in, m_region_population, std::to_string(*r.population));
      if (!m_region_wave.empty()) data(in, m_region_wave, r.wave);
      if (!m_region_date.empty()) data(in, m_region_date, r.date);
    });
    if (!m_allow_self_loops.empty()) data(in, m_allow_self_loops, "true");
    if (!m_id_kind.empty()) data(in, m_id_kind, "integer");
    if (!m_bodies.empty()) {
      std::vector<nlohmann::ordered_json> items;
      for (const auto& b : m_net.bodies()) {
        nlohmann::ordered_json j;
        j["id"] = b.id;
        j["kind"] = std::string(to_string(b.kind));
        j["name"] = b.name;
        j["members"] = b.members;
        if (b.topic) j["topic"] = *b.topic;
        if (b.year) j["year"] = *b.year;
        items.push_back(std::move(j));
      }
      guard([] { return std::string("bodies"); }, [&] { data(in, m_bodies, json_lines("[\n", items, "\n]")); });
    }
    if (!m_taxonomy.empty()) {
      std::vector<nlohmann::ordered_json> items;
      for (const auto& s : m_net.sector_taxonomy().sectors()) {
        items.push_back({{"id", s.id}, {"de", s.label_de}, {"en", s.label_en}, {"core", s.core}});
      }
      guard([] { return std::string("taxonomy"); },
            [&] { data(in, m_taxonomy, json_lines("{\"sectors\": [\n", items, "\n]}")); });
    }
  }

  void write_actor(const actor& a) {
    constexpr const char* in = "      ";
    for (const auto& s : a.sectors) check_list_item(s, "sector", a.sectors.size() == 1);
    m_out += "    <node id=\"";
    append_escaped(m_out, a.id, true);
    if (a.name.empty() && a.type.empty() && a.sectors.empty() && !a.location && !a.respondent && a.attributes.empty()) {
      m_out += "\"/>\n";
      return;
    }
    m_out += "\">\n";
    if (!a.name.empty()) data(in, m_name, a.name);
    if (!a.type.empty()) data(in, m_type, a.type);
    if (!a.sectors.empty()) data(in, m_sector, a.sectors.front());
    if (a.sectors.size() > 1) data(in, m_sectors, join(a.sectors));
    if (a.location) {
      data(in, m_lat, detail::format_number(a.location->lat));
      data(in, m_lon, detail::format_number(a.location->lon));
    }
    if (a.respondent) data(in, m_respondent, *a.respondent ? "true" : "false");
    for (const auto& [k, v] : a.attributes) {
      data(in, m_node_keys.find(k)->second[v.index()], attribute_text(v));
    }
    m_out += "    </node>\n";
  }

  void write_tie(const tie& t) {
    constexpr const char* in = "      ";
    for (const auto& r : t.relations) check_list_item(r, "relation", false);
    m_out += "    <edge source=\"";
    append_escaped(m_out, t.source, true);
    m_out += "\" target=\"";
    append_escaped(m_out, t.target, true);
    m_out += "\">\n";
    data(in, m_weight, detail::format_number(t.weight));
    if (!t.relations.empty()) data(in, m_relations, join(t.relations));
    if (t.since) data(in, m_since, *t.since);
    for (const auto& [k, v] : t.attributes) {
      data(in, m_edge_keys.find(k)->second[v.index()], attribute_text(v));
    }
    m_out += "    </edge>\n";
  }

  const network& m_net;
  std::string m_out;
  std::vector<out_key> m_keys;
  bool m_marked{false};
  std::string m_region_id, m_region_name, m_region_state, m_region_population, m_region_wave, m_region_date;
  std::string m_allow_self_loops, m_bodies, m_taxonomy, m_id_kind;
  std::string m_name, m_type, m_sector, m_sectors, m_lat, m_lon, m_respondent;
  std::string m_weight, m_relations, m_since;
  key_ids m_node_keys;  ///< key ids of the actor attributes, by name and type
  key_ids m_edge_keys;  ///< key ids of the tie attributes
};

}  // namespace

network parse_graphml(std::string_view text, const std::string& origin, const read_options& options) {
  try {
    return graphml_reader(text, origin, options).read();
  } catch (const out_of_memory&) {
    throw;
  } catch (const std::bad_alloc&) {  // the reader's memory is freed by now
    throw out_of_memory("out of memory reading " + origin);
  }
}

network read_graphml(const std::string& path, const read_options& options) {
  const std::string text = detail::read_file(path);
  return parse_graphml(text, path, options);
}

std::string to_graphml(const network& net) { return graphml_writer(net).write(); }

void write_graphml(const network& net, const std::string& path) {
  detail::write_file_atomically(path, to_graphml(net));
}

}  // namespace healthnet

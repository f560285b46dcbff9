// SPDX-License-Identifier: MIT
// GraphML reading and writing: read_graphml, parse_graphml, to_graphml and
// write_graphml, over a small XML tokenizer of their own (no XML library).
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
//          written when true), bodies and taxonomy (string, formats below;
//          taxonomy only when the network has a custom one)
//   node   name, type, sector (the primary sector), sectors (all sectors
//          joined with `|`, written when an actor has more than one), lat and
//          lon (double, the location), then the attribute keys
//   edge   weight (double, always), relations (joined with `|`), since
//          (string), then the attribute keys
//
// Attributes: one key per (attribute name, value type); attr.type is
// boolean, double or string. In the common case (a name always holds values
// of one type and is not a field name) attr.name is the attribute name. When a
// name holds values of different types on different actors (or ties), the
// type most of its values have keeps the plain attr.name and the others get
// keys `name.string`, `name.double`, `name.boolean`; an attribute named like a
// field of its domain (actor: name, type, sector, sectors, lat, lon; tie:
// weight, relations, since) gets `name.type` too. Such keys carry
// hn:attribute="<the attribute name>" (xmlns:hn="urn:healthnet:graphml"),
// from which this reader restores name and type exactly; networkx and igraph
// (which rejects two keys with one attr.name) see distinct attributes.
// Numbers use the shortest text that reads back as the same double.
//
// bodies: one body per line, six fields separated by tabs:
//     id  kind  name  topic  year  members
// kind is steering_group, working_group, coordination_office or
// health_conference; members are actor ids separated by `|`; an absent topic
// or year is written `\N`. Inside a field `\\`, `\t`, `\n`, `\r` and `\|`
// stand for a backslash, tab, line feed, carriage return and `|`.
// taxonomy: one sector per line, four fields `id  label_de  label_en  core`
// (core is `true` or `false`), with the same escapes.
//
// What parse_graphml accepts besides
// ----------------------------------
// Files of networkx, igraph, Gephi and yEd: `<desc>`, `<data>` of keys without
// attr.name (yFiles graphics) and elements of other namespaces are ignored,
// as are graph-level keys it does not know. attr.type int, long, float and
// double read as numbers, boolean as bool (true/false/1/0, any case), string
// and unknown types as strings. `<default>` values apply to elements without
// that data. An empty `since` means none (igraph writes "" for missing
// strings). `sector` and `sectors` combine: `sectors` gives the list and
// `sector` is moved (or put) in front. A lone `lat` or `lon` stays an
// attribute. Keys for="all" apply to nodes, edges and the graph.
// Rejected: malformed XML, a `<data>` of an undeclared key, `<hyperedge>`,
// `<port>`, nested or several graphs, edges whose `directed` contradicts
// edgedefault, duplicate node ids, unknown end points, bad weights and
// self-loops unless read_options::allow_self_loops or the file's
// allow_self_loops key allow them (the network then allows them too).
// Repeated edges merge by network::add_tie. Encodings: UTF-8 (with or without
// byte order mark) and ISO-8859-1 when the XML declaration says so.
#include <healthnet/detail/file_io.hpp>
#include <healthnet/detail/keyed_hash.hpp>
#include <healthnet/detail/text.hpp>
#include <healthnet/detail/validate.hpp>
#include <healthnet/io.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace healthnet {

namespace {

constexpr std::string_view graphml_ns = "http://graphml.graphdrawing.org/xmlns";
constexpr std::string_view healthnet_ns = "urn:healthnet:graphml";
constexpr std::string_view xmlns_ns = "http://www.w3.org/2000/xmlns/";
constexpr std::string_view xml_ns = "http://www.w3.org/XML/1998/namespace";
constexpr std::string_view unbound_ns = "urn:healthnet:unbound-prefix:";
/// Deepest element nesting accepted; GraphML needs 5, yEd files about 12.
constexpr std::size_t max_depth = 256;
constexpr std::size_t npos = std::string_view::npos;

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

bool is_name_start(char c) {
  const unsigned u = byte_of(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u == ':' || u >= 0x80;
}
bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

std::string hex_byte(char c) {
  static constexpr char digits[] = "0123456789abcdef";
  const unsigned u = byte_of(c);
  return std::string("0x") + digits[u >> 4] + digits[u & 0xF];
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
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

std::string element_field(std::string_view qname) { return "<" + std::string(qname) + ">"; }
std::string attribute_field(std::string_view name) { return "attribute '" + std::string(name) + "'"; }
std::string key_field(std::string_view id) { return "key '" + std::string(id) + "'"; }

/// Offset of the first byte XML text may not hold: invalid UTF-8 or a control
/// character other than tab, line feed and carriage return; npos if none.
std::size_t first_bad_byte(std::string_view s) {
  const std::size_t bad_utf8 = detail::invalid_utf8_offset(s);
  const auto it = std::find_if(s.begin(), s.end(), [](char c) {
    return byte_of(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
  });
  const std::size_t control = it == s.end() ? npos : static_cast<std::size_t>(it - s.begin());
  return std::min(bad_utf8, control);
}

/// The text to tokenize: without byte order mark, and converted to UTF-8 when
/// the XML declaration names ISO-8859-1 (then `storage` holds it).
std::string_view prepare_text(std::string_view text, std::string& storage, const std::string& origin) {
  auto fail = [&](const std::string& problem) {
    throw invalid_input(source_location{origin, 1, "encoding"}, problem);
  };
  if (text.size() >= 2 && ((byte_of(text[0]) == 0xFE && byte_of(text[1]) == 0xFF) ||
                           (byte_of(text[0]) == 0xFF && byte_of(text[1]) == 0xFE))) {
    fail("utf-16 is not supported, save the file as utf-8");
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!text.starts_with("<?xml") || text.size() < 6 || !is_space(text[5])) return text;
  const std::string_view decl = text.substr(0, text.find("?>"));
  const std::size_t at = decl.find("encoding");
  if (at == npos) return text;
  std::size_t i = at + 8;
  while (i < decl.size() && is_space(decl[i])) ++i;
  if (i >= decl.size() || decl[i] != '=') fail("malformed xml declaration");
  ++i;
  while (i < decl.size() && is_space(decl[i])) ++i;
  if (i >= decl.size() || (decl[i] != '"' && decl[i] != '\'')) fail("malformed xml declaration");
  const std::size_t close = decl.find(decl[i], i + 1);
  if (close == npos) fail("malformed xml declaration");
  const std::string_view name = decl.substr(i + 1, close - i - 1);
  const std::string enc = ascii_lower(name);
  if (enc == "utf-8" || enc == "utf8" || enc == "us-ascii" || enc == "ascii") return text;
  if (enc == "iso-8859-1" || enc == "iso8859-1" || enc == "iso_8859-1" || enc == "latin1" || enc == "latin-1") {
    storage.reserve(text.size() + text.size() / 8);
    for (char c : text) {
      if (byte_of(c) < 0x80) {
        storage += c;
      } else {
        append_utf8(storage, byte_of(c));
      }
    }
    return storage;
  }
  fail("unsupported encoding " + quote(name) + ", only utf-8 and iso-8859-1 are read");
  return text;  // not reached
}

// ---- XML tokenizer -------------------------------------------------------------

/// Names a place in the input for an error message; the text is only built
/// when an error is reported, so the parser allocates nothing for it.
struct field_ref {
  enum class kind { element, attribute, literal } what;
  std::string_view name;

  [[nodiscard]] std::string str() const {
    switch (what) {
      // Names may hold bytes that are not UTF-8 (the error being reported).
      case kind::element: return element_field(printable(name));
      case kind::attribute: return attribute_field(printable(name));
      default: return printable(name);
    }
  }
};

field_ref element_ref(std::string_view name) { return {field_ref::kind::element, name}; }
field_ref attribute_ref(std::string_view name) { return {field_ref::kind::attribute, name}; }
field_ref literal_ref(std::string_view text) { return {field_ref::kind::literal, text}; }

/// Names are views into the input text (XML names hold no references);
/// namespaces are views into the tokenizer's interned strings.
struct xml_attribute {
  std::string_view qname;
  std::string_view ns;     ///< namespace URI; empty for unprefixed attributes
  std::string_view local;  ///< name without prefix
  std::string value;       ///< references decoded, white space normalised
  std::size_t line{};
};

enum class xml_kind { start, end, text, done };

/// One event of the pull parser. A self-closing tag gives a start and an end.
/// Views stay valid while the tokenizer lives.
struct xml_event {
  xml_kind kind{xml_kind::done};
  std::string_view qname;  ///< start, end
  std::string_view ns;     ///< start, end: namespace URI ("" for none)
  std::string_view local;  ///< start, end
  std::string text;        ///< text: character data, references decoded
  std::size_t line{};

  /// The attributes of a start event.
  [[nodiscard]] std::span<const xml_attribute> attributes() const { return {m_attributes.data(), m_count}; }

 private:
  friend class xml_tokenizer;
  std::vector<xml_attribute> m_attributes;  ///< reused from event to event
  std::size_t m_count{0};
};

/// A pull parser over well-formed XML 1.0 in UTF-8 that keeps line numbers.
/// Iterative: nesting costs heap, not stack, and is capped at max_depth.
/// DOCTYPE declarations, comments and processing instructions are skipped;
/// only the five predefined entities and character references are known.
class xml_tokenizer {
 public:
  xml_tokenizer(std::string_view text, const std::string& origin)
      : m_text(text), m_origin(origin), m_bad(first_bad_byte(text)) {}

  /// The next event; `done` once the root element is closed and the rest is
  /// white space, comments or processing instructions.
  void next(xml_event& ev) {
    ev.m_count = 0;
    ev.text.clear();
    if (m_pending_end) {
      m_pending_end = false;
      emit_end(ev, m_line);
      return;
    }
    for (;;) {
      if (m_pos >= m_text.size()) {
        finish(ev);
        return;
      }
      if (m_text[m_pos] != '<') {
        if (text_run(ev)) return;
        continue;
      }
      const std::string_view rest = m_text.substr(m_pos);
      if (rest.starts_with("<!--")) {
        comment();
      } else if (rest.starts_with("<![CDATA[")) {
        cdata(ev);
        return;
      } else if (rest.starts_with("<!DOCTYPE")) {
        doctype();
      } else if (rest.starts_with("<?")) {
        processing_instruction();
      } else if (rest.starts_with("</")) {
        end_tag(ev);
        return;
      } else if (rest.starts_with("<!")) {
        fail(m_line, context_field(), "unexpected markup '<!'");
      } else {
        start_tag(ev);
        return;
      }
    }
  }

  [[noreturn]] void fail(std::size_t line, field_ref field, const std::string& problem) const {
    throw invalid_input(source_location{m_origin, line, field.str()}, problem);
  }

 private:
  struct open_element {
    std::string_view qname;
    std::string_view ns;
    std::string_view local;
    std::size_t line{};
    std::size_t ns_scope{};  ///< size of m_bindings before this element's declarations
  };

  [[nodiscard]] field_ref context_field() const {
    return m_open.empty() ? literal_ref("<graphml>") : element_ref(m_open.back().qname);
  }

  void advance(std::size_t n) {
    const std::size_t end = std::min(m_text.size(), m_pos + n);
    m_line += static_cast<std::size_t>(std::count(m_text.begin() + static_cast<std::ptrdiff_t>(m_pos),
                                                  m_text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
    m_pos = end;
  }

  bool skip_space() {
    const std::size_t start = m_pos;
    while (m_pos < m_text.size() && is_space(m_text[m_pos])) {
      if (m_text[m_pos] == '\n') ++m_line;
      ++m_pos;
    }
    return m_pos != start;
  }

  std::string_view read_name() {
    const std::size_t start = m_pos;
    if (m_pos >= m_text.size() || !is_name_start(m_text[m_pos])) return {};
    while (m_pos < m_text.size() && is_name_char(m_text[m_pos])) ++m_pos;
    const std::string_view name = m_text.substr(start, m_pos - start);
    check_bytes(start, m_pos, element_ref(name));
    return name;
  }

  /// Reports the first bad byte if it lies in [begin, end).
  void check_bytes(std::size_t begin, std::size_t end, field_ref field) const {
    if (m_bad < begin || m_bad >= end) return;
    const char c = m_text[m_bad];
    const std::size_t line = detail::line_of(m_text, m_bad);
    if (byte_of(c) < 0x20) fail(line, field, "control character " + hex_byte(c) + " is not allowed in xml");
    fail(line, field, "invalid utf-8 (byte " + hex_byte(c) + ")");
  }

  /// Appends `raw` to `out` with references decoded and line ends
  /// normalised; in attribute values white space becomes spaces.
  void decode(std::string_view raw, std::size_t line, std::string& out, bool attribute, field_ref field) const {
    const char* special = attribute ? "&<\r\n\t" : "&\r";
    std::size_t i = 0;
    while (i < raw.size()) {
      const std::size_t stop = raw.find_first_of(special, i);
      if (stop == npos) {
        out.append(raw.substr(i));
        return;
      }
      out.append(raw.substr(i, stop - i));
      line += static_cast<std::size_t>(std::count(raw.begin() + static_cast<std::ptrdiff_t>(i),
                                                  raw.begin() + static_cast<std::ptrdiff_t>(stop), '\n'));
      i = stop;
      const char c = raw[i];
      if (c == '\n' || c == '\t') {  // attribute values only
        line += c == '\n';
        out += ' ';
        ++i;
      } else if (c == '\r') {
        out += attribute ? ' ' : '\n';
        ++i;
        if (i < raw.size() && raw[i] == '\n') {
          ++line;
          ++i;
        }
      } else if (c == '<') {
        fail(line, field, "'<' is not allowed in an attribute value");
      } else {
        i = reference(raw, i, line, out, field);
      }
    }
  }

  /// Decodes the reference starting at raw[i] == '&'; returns the index after it.
  std::size_t reference(std::string_view raw, std::size_t i, std::size_t line, std::string& out,
                        field_ref field) const {
    const std::size_t semi = raw.find(';', i + 1);
    if (semi == npos || semi - i > 32) fail(line, field, "bare '&' (write it as '&amp;')");
    const std::string_view name = raw.substr(i + 1, semi - i - 1);
    auto shown = [&] { return "'&" + std::string(name) + ";'"; };
    if (name.starts_with('#')) {
      const bool hex = name.size() > 1 && name[1] == 'x';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      std::uint32_t cp = 0;
      const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
      if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size()) {
        fail(line, field, "bad character reference " + shown());
      }
      // XML 1.0 forbids references to control characters; they are accepted
      // (as in XML 1.1) because the writer uses them to keep such text exact.
      if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        fail(line, field, "character reference " + shown() + " is not a valid character");
      }
      append_utf8(out, cp);
    } else if (name == "lt") {
      out += '<';
    } else if (name == "gt") {
      out += '>';
    } else if (name == "amp") {
      out += '&';
    } else if (name == "apos") {
      out += '\'';
    } else if (name == "quot") {
      out += '"';
    } else {
      fail(line, field, "unknown entity " + shown());
    }
    return semi + 1;
  }

  /// Character data up to the next '<'; true when it produced an event.
  bool text_run(xml_event& ev) {
    const std::size_t start = m_pos;
    const std::size_t start_line = m_line;
    std::size_t end = m_text.find('<', m_pos);
    if (end == npos) end = m_text.size();
    const std::string_view raw = m_text.substr(start, end - start);
    if (m_open.empty()) {
      const auto it = std::find_if(raw.begin(), raw.end(), [](char c) { return !is_space(c); });
      if (it != raw.end()) {
        const std::size_t at = start + static_cast<std::size_t>(it - raw.begin());
        const std::size_t line = detail::line_of(m_text, at);
        if (m_root_seen) fail(line, literal_ref("<graphml>"), "text after the root element");
        check_bytes(at, at + 1, literal_ref("<graphml>"));
        fail(line, literal_ref("<graphml>"),
             "text before the root element: " + quote(m_text.substr(at, 20)));
      }
      advance(end - start);
      return false;
    }
    const field_ref field = context_field();
    check_bytes(start, end, field);
    decode(raw, start_line, ev.text, false, field);
    advance(end - start);
    ev.kind = xml_kind::text;
    ev.line = start_line;
    return true;
  }

  void comment() {
    const std::size_t line = m_line;
    const std::size_t end = m_text.find("-->", m_pos + 4);
    if (end == npos) fail(line, literal_ref("comment"), "unclosed comment (missing '-->')");
    check_bytes(m_pos, end, literal_ref("comment"));
    advance(end + 3 - m_pos);
  }

  void cdata(xml_event& ev) {
    const std::size_t line = m_line;
    if (m_open.empty()) fail(line, literal_ref("<graphml>"), "cdata section outside the root element");
    const std::size_t begin = m_pos + 9;
    const std::size_t end = m_text.find("]]>", begin);
    const field_ref field = context_field();
    if (end == npos) fail(line, field, "unclosed cdata section (missing ']]>')");
    check_bytes(begin, end, field);
    const std::string_view raw = m_text.substr(begin, end - begin);
    ev.text.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '\r') {
        ev.text += '\n';
        if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
      } else {
        ev.text += raw[i];
      }
    }
    advance(end + 3 - m_pos);
    ev.kind = xml_kind::text;
    ev.line = line;
  }

  void doctype() {
    const std::size_t line = m_line;
    const field_ref field = literal_ref("<!DOCTYPE>");
    if (m_root_seen) fail(line, field, "doctype after the root element");
    if (m_doctype_seen) fail(line, field, "second doctype");
    m_doctype_seen = true;
    std::size_t i = m_pos + 9;
    int depth = 0;
    char quote = 0;
    for (; i < m_text.size(); ++i) {
      const char c = m_text[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        ++depth;
      } else if (c == ']') {
        --depth;
      } else if (c == '<' && m_text.substr(i).starts_with("<!--")) {
        const std::size_t end = m_text.find("-->", i + 4);
        if (end == npos) break;
        i = end + 2;
      } else if (c == '>' && depth <= 0) {
        break;
      }
    }
    if (i >= m_text.size()) fail(line, field, "unclosed doctype");
    check_bytes(m_pos, i, field);
    advance(i + 1 - m_pos);
  }

  void processing_instruction() {
    const std::size_t line = m_line;
    const std::size_t start = m_pos;
    const std::size_t end = m_text.find("?>", m_pos + 2);
    if (end == npos) fail(line, literal_ref("<?...?>"), "unclosed processing instruction (missing '?>')");
    m_pos += 2;
    const std::string_view target = read_name();
    if (target.empty()) fail(line, literal_ref("<?...?>"), "processing instruction without a name");
    if (ascii_lower(target) == "xml" && start != 0) {
      fail(line, literal_ref("<?xml?>"), "the xml declaration must be at the very start of the file");
    }
    m_pos = start;
    check_bytes(start, end, literal_ref("<?...?>"));
    advance(end + 2 - m_pos);
  }

  void start_tag(xml_event& ev) {
    const std::size_t line = m_line;
    advance(1);
    const std::string_view qname = read_name();
    if (qname.empty()) {
      fail(line, context_field(),
           "expected an element name after '<', found " + quote(m_text.substr(m_pos, 10)));
    }
    const field_ref field = element_ref(qname);
    if (m_open.empty() && m_root_seen) fail(line, field, "second root element");
    if (m_open.size() >= max_depth) {
      fail(line, field, "elements nested deeper than " + std::to_string(max_depth) + " levels");
    }
    ev.kind = xml_kind::start;
    ev.qname = qname;
    ev.line = line;
    bool self_closing = false;
    for (;;) {
      const bool spaced = skip_space();
      if (m_pos >= m_text.size()) fail(line, field, "unexpected end of file inside the tag");
      const char c = m_text[m_pos];
      if (c == '>') {
        advance(1);
        break;
      }
      if (c == '/') {
        if (m_pos + 1 >= m_text.size() || m_text[m_pos + 1] != '>') fail(m_line, field, "expected '>' after '/'");
        advance(2);
        self_closing = true;
        break;
      }
      const std::size_t attribute_line = m_line;
      const std::string_view name = spaced ? read_name() : std::string_view{};
      if (name.empty()) {
        fail(m_line, field, "bad attribute syntax at " + quote(m_text.substr(m_pos, 20)));
      }
      const field_ref afield = attribute_ref(name);
      skip_space();
      if (m_pos >= m_text.size() || m_text[m_pos] != '=') fail(m_line, afield, "expected '=' after the name");
      advance(1);
      skip_space();
      if (m_pos >= m_text.size() || (m_text[m_pos] != '"' && m_text[m_pos] != '\'')) {
        fail(m_line, afield, "value must be quoted with \" or '");
      }
      const char quote = m_text[m_pos];
      advance(1);
      const std::size_t value_line = m_line;
      const std::size_t close = m_text.find(quote, m_pos);
      if (close == npos) fail(value_line, afield, "unclosed attribute value");
      check_bytes(m_pos, close, afield);
      if (ev.m_count == ev.m_attributes.size()) ev.m_attributes.emplace_back();
      xml_attribute& attr = ev.m_attributes[ev.m_count++];
      attr.qname = name;
      attr.line = attribute_line;
      attr.value.clear();
      decode(m_text.substr(m_pos, close - m_pos), value_line, attr.value, true, afield);
      advance(close + 1 - m_pos);
    }

    check_repeated_attributes(ev);
    // Namespaces: declarations first, then the element's and attributes' names.
    const std::size_t scope = m_bindings.size();
    for (std::size_t i = 0; i < ev.m_count; ++i) {
      const xml_attribute& a = ev.m_attributes[i];
      if (a.qname == "xmlns") {
        bind("", intern(a.value));
      } else if (a.qname.starts_with("xmlns:")) {
        if (a.value.empty()) fail(a.line, attribute_ref(a.qname), "namespace prefix bound to an empty uri");
        bind(a.qname.substr(6), intern(a.value));
      }
    }
    for (std::size_t i = 0; i < ev.m_count; ++i) {
      xml_attribute& a = ev.m_attributes[i];
      if (a.qname == "xmlns" || a.qname.starts_with("xmlns:")) {
        a.ns = xmlns_ns;
        a.local = a.qname == "xmlns" ? std::string_view{} : a.qname.substr(6);
      } else {
        resolve(a.qname, false, a.ns, a.local);
      }
    }
    resolve(ev.qname, true, ev.ns, ev.local);
    m_open.push_back(open_element{ev.qname, ev.ns, ev.local, line, scope});
    m_root_seen = true;
    m_pending_end = self_closing;
  }

  /// Fails on the first attribute (in document order) whose name an earlier
  /// one of the tag has: pairwise for a few, hashed for many, so a tag with
  /// k attributes costs O(k) (a pairwise scan took 44 s for 100k).
  void check_repeated_attributes(const xml_event& ev) const {
    const auto attributes = ev.attributes();
    const auto fail_at = [&](const xml_attribute& a) {
      fail(a.line, attribute_ref(a.qname), "attribute given twice");
    };
    if (attributes.size() <= 16) {
      for (std::size_t i = 1; i < attributes.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
          if (attributes[j].qname == attributes[i].qname) fail_at(attributes[i]);
        }
      }
      return;
    }
    std::unordered_set<std::string_view, detail::keyed_string_hash> seen;
    seen.reserve(attributes.size());
    for (const auto& a : attributes) {
      if (!seen.insert(a.qname).second) fail_at(a);
    }
  }

  /// Binds `prefix` to `ns` until the current element ends.
  void bind(std::string_view prefix, std::string_view ns) {
    const auto [it, fresh] = m_current.try_emplace(prefix, m_bindings.size());
    const std::size_t previous = fresh ? npos : it->second;
    it->second = m_bindings.size();
    m_bindings.push_back({prefix, ns, previous});
  }

  /// A stable view of `s` (namespace URIs are few; each is stored once).
  std::string_view intern(const std::string& s) { return *m_interned.insert(s).first; }

  /// Splits `qname` and finds the namespace of its prefix (the default
  /// namespace applies to unprefixed elements, never to attributes). An
  /// undeclared prefix gets a namespace of its own, so it reads as foreign.
  void resolve(std::string_view qname, bool element, std::string_view& ns, std::string_view& local) {
    const std::size_t colon = qname.find(':');
    const std::string_view prefix = colon == npos ? std::string_view{} : qname.substr(0, colon);
    local = colon == npos ? qname : qname.substr(colon + 1);
    ns = {};
    if (prefix.empty() && !element) return;
    if (prefix == "xml") {
      ns = xml_ns;
      return;
    }
    if (const auto it = m_current.find(prefix); it != m_current.end()) {
      ns = m_bindings[it->second].ns;
      return;
    }
    if (!prefix.empty()) ns = intern(std::string(unbound_ns) + std::string(prefix));
  }

  void end_tag(xml_event& ev) {
    const std::size_t line = m_line;
    advance(2);
    const std::string_view name = read_name();
    if (name.empty()) fail(line, context_field(), "expected an element name after '</'");
    skip_space();
    const std::string closing = m_pos < m_text.size() && m_text[m_pos] == '>' ? std::string() : "</" + std::string(name) + ">";
    if (!closing.empty()) fail(m_line, literal_ref(closing), "expected '>' to close the end tag");
    advance(1);
    if (m_open.empty()) {
      const std::string tag = "</" + std::string(name) + ">";
      fail(line, literal_ref(tag), "end tag without a start tag");
    }
    const open_element& top = m_open.back();
    if (name != top.qname) {
      fail(line, element_ref(top.qname), "end tag '</" + std::string(name) + ">' does not match '<" +
                                             std::string(top.qname) + ">' opened on line " + std::to_string(top.line));
    }
    emit_end(ev, line);
  }

  void emit_end(xml_event& ev, std::size_t line) {
    const open_element& top = m_open.back();
    ev.kind = xml_kind::end;
    ev.qname = top.qname;
    ev.ns = top.ns;
    ev.local = top.local;
    ev.line = line;
    while (m_bindings.size() > top.ns_scope) {  // undo this element's declarations
      const binding& b = m_bindings.back();
      if (b.previous == npos) m_current.erase(b.prefix);
      else m_current[b.prefix] = b.previous;
      m_bindings.pop_back();
    }
    m_open.pop_back();
  }

  void finish(xml_event& ev) {
    if (!m_open.empty()) {
      const open_element& top = m_open.back();
      fail(m_line, element_ref(top.qname),
           "unexpected end of file, element opened on line " + std::to_string(top.line) + " is not closed");
    }
    if (!m_root_seen) {
      const bool blank = std::all_of(m_text.begin(), m_text.end(), is_space);
      fail(m_line, literal_ref("<graphml>"), blank ? "file is empty" : "no root element");
    }
    check_bytes(0, m_text.size(), literal_ref("<graphml>"));  // a bad byte no token covered
    ev.kind = xml_kind::done;
  }

  std::string_view m_text;
  const std::string& m_origin;
  std::size_t m_bad;  ///< first byte XML may not hold, or npos
  std::size_t m_pos{0};
  std::size_t m_line{1};
  bool m_root_seen{false};
  bool m_doctype_seen{false};
  bool m_pending_end{false};
  std::vector<open_element> m_open;
  struct binding {
    std::string_view prefix;
    std::string_view ns;
    std::size_t previous;  ///< the binding of the prefix this one hides, or npos
  };
  std::vector<binding> m_bindings;  ///< in scope, innermost last
  std::unordered_map<std::string_view, std::size_t, detail::keyed_string_hash> m_current;  ///< prefix -> its binding
  std::unordered_set<std::string, detail::keyed_string_hash> m_interned;  ///< node-based: views stay valid
};

// ---- bodies and taxonomy text ---------------------------------------------------

/// Escapes a field of the bodies/taxonomy text (see the top of this file).
std::string escape_field(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '|': out += "\\|"; break;
      default: out += c;
    }
  }
  return out;
}

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

// ---- GraphML reader ------------------------------------------------------------

enum class key_domain { node, edge, graph, all, other };

/// What a key's data fills.
enum class role {
  ignore,
  attribute,
  name,
  type,
  sector,
  sectors,
  lat,
  lon,
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

enum class value_type { boolean, number, string };

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
    return role::ignore;
  }
  if (where == key_domain::node) {
    if (n == "name") return role::name;
    if (n == "type") return role::type;
    if (n == "sector") return role::sector;
    if (n == "sectors") return role::sectors;
    if (n == "lat") return role::lat;
    if (n == "lon") return role::lon;
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
      : m_origin(origin), m_options(options), m_text(prepare_text(text, m_storage, origin)) {}

  network read() {
    collect();
    return build();
  }

 private:
  enum class context { graphml, key, default_value, graph, node, edge, data, skip };

  [[noreturn]] void fail(std::size_t line, std::string field, const std::string& problem) const {
    throw invalid_input(source_location{m_origin, line, std::move(field)}, problem);
  }

  static const xml_attribute* find_attribute(const xml_event& ev, std::string_view local,
                                             std::string_view ns = {}) {
    for (const auto& a : ev.attributes()) {
      if (a.local == local && a.ns == ns) return &a;
    }
    return nullptr;
  }

  const xml_attribute& required_attribute(const xml_event& ev, std::string_view local) const {
    const xml_attribute* a = find_attribute(ev, local);
    if (!a) fail(ev.line, element_field(ev.qname), "missing attribute '" + std::string(local) + "'");
    return *a;
  }

  // ---- pass 1: the XML events into keys and records ----

  void collect() {
    xml_tokenizer xml(m_text, m_origin);
    xml_event ev;
    std::vector<context> stack;
    std::size_t root_line = 1;
    for (;;) {
      xml.next(ev);
      if (ev.kind == xml_kind::done) break;
      if (ev.kind == xml_kind::text) {
        if (stack.back() == context::data) {
          if (m_data.text.empty()) m_data.text_line = ev.line;
          m_data.text += ev.text;
        } else if (stack.back() == context::default_value) {
          *m_key.default_text += ev.text;
        }
        continue;
      }
      if (ev.kind == xml_kind::end) {
        const context done = stack.back();
        stack.pop_back();
        end_element(done, stack.empty() ? context::skip : stack.back());
        continue;
      }
      if (stack.empty()) {
        if (!is_graphml(ev) || ev.local != "graphml") {
          fail(ev.line, element_field(ev.qname), "root element must be <graphml>");
        }
        root_line = ev.line;
        stack.push_back(context::graphml);
        continue;
      }
      stack.push_back(start_element(ev, stack.back()));
    }
    if (!m_graph_seen) fail(root_line, "<graphml>", "no <graph> element");
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
    if (const auto* n = find_attribute(ev, "attr.name")) m_key.name = n->value;
    if (const auto* t = find_attribute(ev, "attr.type")) {
      const std::string type = ascii_lower(trim_space(t->value));
      if (type == "boolean") {
        m_key.type = value_type::boolean;
      } else if (type == "int" || type == "long" || type == "float" || type == "double") {
        m_key.type = value_type::number;
      }  // string and unknown types (e.g. Gephi's liststring) read as text
    }
    if (const auto* a = find_attribute(ev, "attribute", healthnet_ns)) m_key.attribute = a->value;
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
    m_node = node_record{id.value, ev.line, id.line, {}};
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
    m_edge = edge_record{source.value, target.value, ev.line, source.line, target.line, {}};
    return context::edge;
  }

  context begin_data(const xml_event& ev) {
    const xml_attribute& key = required_attribute(ev, "key");
    m_data = data_item{key.value, {}, ev.line, ev.line};
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
      case context::data:
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

  void read_taxonomy(network& net, const resolved_data& d) const {
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
  std::string m_storage;  ///< the text converted to UTF-8, when it was not
  std::string_view m_text;

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

/// attr.type by variant index of attribute_value (bool, double, string).
constexpr const char* type_names[] = {"boolean", "double", "string"};

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

    bool name = false, type = false, sector = false, sectors = false, location = false;
    type_counts node_attributes;
    for (const auto& a : m_net.actors()) {
      name = name || !a.name.empty();
      type = type || !a.type.empty();
      sector = sector || !a.sectors.empty();
      sectors = sectors || a.sectors.size() > 1;
      location = location || a.location.has_value();
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
    add_attribute_keys("node", node_attributes, {"name", "type", "sector", "sectors", "lat", "lon"}, m_node_keys);

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
  using type_counts = std::map<std::string, std::array<std::size_t, 3>, std::less<>>;
  using key_ids = std::map<std::string, std::array<std::string, 3>, std::less<>>;

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
      for (std::size_t t = 0; t < 3; ++t) {
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
    if (!m_bodies.empty()) {
      std::string text;
      for (const auto& b : m_net.bodies()) {
        if (!text.empty()) text += '\n';
        text += escape_field(b.id) + '\t' + std::string(to_string(b.kind)) + '\t' + escape_field(b.name) + '\t';
        text += b.topic ? escape_field(*b.topic) : "\\N";
        text += '\t';
        text += b.year ? std::to_string(*b.year) : "\\N";
        text += '\t';
        for (std::size_t i = 0; i < b.members.size(); ++i) {
          if (i > 0) text += '|';
          text += escape_field(b.members[i]);
        }
      }
      guard([] { return std::string("bodies"); }, [&] { data(in, m_bodies, text); });
    }
    if (!m_taxonomy.empty()) {
      std::string text;
      for (const auto& s : m_net.sector_taxonomy().sectors()) {
        if (!text.empty()) text += '\n';
        text += escape_field(s.id) + '\t' + escape_field(s.label_de) + '\t' + escape_field(s.label_en) + '\t' +
                (s.core ? "true" : "false");
      }
      guard([] { return std::string("taxonomy"); }, [&] { data(in, m_taxonomy, text); });
    }
  }

  void write_actor(const actor& a) {
    constexpr const char* in = "      ";
    for (const auto& s : a.sectors) check_list_item(s, "sector", a.sectors.size() == 1);
    m_out += "    <node id=\"";
    append_escaped(m_out, a.id, true);
    if (a.name.empty() && a.type.empty() && a.sectors.empty() && !a.location && a.attributes.empty()) {
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
  std::string m_allow_self_loops, m_bodies, m_taxonomy;
  std::string m_name, m_type, m_sector, m_sectors, m_lat, m_lon;
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

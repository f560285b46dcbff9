// SPDX-License-Identifier: MIT
#include "json_locate.hpp"

#include <healthnet/detail/text.hpp>

#include <new>
#include <optional>

namespace healthnet::detail {

namespace {

using json = nlohmann::json;

// A char iterator that publishes how far the parser has read.
class tracking_iterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  tracking_iterator() = default;
  tracking_iterator(const char* p, const char** furthest) : m_p(p), m_furthest(furthest) {}
  reference operator*() const { return *m_p; }
  tracking_iterator& operator++() {
    ++m_p;
    if (m_furthest && m_p > *m_furthest) *m_furthest = m_p;
    return *this;
  }
  tracking_iterator operator++(int) {
    auto old = *this;
    ++*this;
    return old;
  }
  friend bool operator==(const tracking_iterator& a, const tracking_iterator& b) { return a.m_p == b.m_p; }

 private:
  const char* m_p{nullptr};
  const char** m_furthest{nullptr};
};

// SAX handler that stops at the first value or key whose path is `target`,
// remembering the deepest prefix of `target` met so far.
class pointer_finder : public nlohmann::json_sax<json> {
 public:
  pointer_finder(std::vector<std::string> target, const char** furthest)
      : m_target(std::move(target)), m_furthest(furthest) {}

  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override {
    if (!value()) return false;
    m_frames.push_back({false, 0, {}});
    return true;
  }
  bool key(string_t& k) override {
    m_frames.back().key = k;
    m_frames.back().has_key = true;
    return check_path();
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override {
    if (!value()) return false;
    m_frames.push_back({true, 0, {}});
    return true;
  }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

  [[nodiscard]] std::size_t best_offset() const noexcept { return m_best_offset; }
  [[nodiscard]] bool found() const noexcept { return m_found; }

 private:
  struct frame {
    bool is_array;
    std::size_t next_index;
    std::string key;
    bool has_key{false};
  };
  // Called before each value: the value's path is the frames' selectors.
  bool value() {
    if (!m_frames.empty() && m_frames.back().is_array) {
      m_frames.back().key = std::to_string(m_frames.back().next_index++);
      m_frames.back().has_key = true;
    }
    return check_path();
  }
  bool close() {
    m_frames.pop_back();
    return true;
  }
  bool check_path() {
    std::size_t depth = 0;
    for (const auto& f : m_frames) {
      if (!f.has_key) break;
      if (depth >= m_target.size() || f.key != m_target[depth]) return true;
      ++depth;
    }
    if (depth > m_best_depth || (depth == 0 && m_best_depth == 0 && !m_seen)) {
      m_best_depth = depth;
      m_best_offset = offset();
      m_seen = true;
    }
    if (depth == m_target.size()) {
      m_found = true;
      return false;
    }
    return true;
  }
  [[nodiscard]] std::size_t offset() const noexcept { return static_cast<std::size_t>(*m_furthest - m_base); }

 public:
  const char* m_base{nullptr};

 private:
  std::vector<std::string> m_target;
  const char** m_furthest;
  std::vector<frame> m_frames;
  std::size_t m_best_depth{0};
  std::size_t m_best_offset{0};
  bool m_seen{false};
  bool m_found{false};
};

// SAX handler that builds the document, as nlohmann's own DOM parser does,
// but into a tree the caller owns (so a bad_alloc leaves it to json_document
// to free), refusing a key repeated within one object, and keeping the
// position and message of a parse error.
class dom_builder : public nlohmann::json_sax<json> {
 public:
  dom_builder(json& root, std::vector<json*>& stack) : m_root(root), m_stack(stack) {}

  bool null() override { return put(nullptr); }
  bool boolean(bool v) override { return put(v); }
  bool number_integer(number_integer_t v) override { return put(v); }
  bool number_unsigned(number_unsigned_t v) override { return put(v); }
  bool number_float(number_float_t v, const string_t&) override { return put(v); }
  bool string(string_t& v) override { return put(std::move(v)); }
  bool binary(binary_t&) override { return false; }  // not in json text
  bool start_object(std::size_t) override { return open(json::value_t::object); }
  bool start_array(std::size_t) override { return open(json::value_t::array); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    ++m_keys;
    auto& object = *m_stack.back()->get_ptr<json::object_t*>();
    const auto [it, fresh] = object.try_emplace(k);
    if (!fresh) {
      m_duplicate = k;
      return false;
    }
    m_slot = &it->second;
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
    m_error_position = position;
    m_error_id = e.id;
    m_error = e.what();
    return false;
  }

  std::size_t m_keys{0};            ///< key events seen, the last one included
  std::optional<std::string> m_duplicate;
  std::size_t m_error_position{0};  ///< bytes read when the parser failed
  int m_error_id{0};
  std::string m_error;

 private:
  template <class V>
  json* place(V&& v) {
    if (m_stack.empty()) {
      m_root = json(std::forward<V>(v));
      return &m_root;
    }
    json& top = *m_stack.back();
    if (top.is_array()) {
      auto& array = *top.get_ptr<json::array_t*>();
      array.emplace_back(std::forward<V>(v));
      return &array.back();
    }
    *m_slot = json(std::forward<V>(v));
    return m_slot;
  }
  template <class V>
  bool put(V&& v) {
    place(std::forward<V>(v));
    return true;
  }
  bool open(json::value_t type) {
    // Grow the stack before the tree gets deeper, so that its capacity always
    // covers the tree's depth (json_document::release relies on it).
    if (m_stack.size() == m_stack.capacity()) m_stack.reserve(2 * m_stack.capacity() + 16);
    m_stack.push_back(place(json(type)));
    return true;
  }
  bool close() {
    m_stack.pop_back();
    return true;
  }

  json& m_root;
  std::vector<json*>& m_stack;
  json* m_slot{nullptr};
};

// SAX handler that stops at the n-th object key.
class key_counter : public nlohmann::json_sax<json> {
 public:
  explicit key_counter(std::size_t n) : m_left(n) {}
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return --m_left != 0; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  std::size_t m_left;
};

// The field of the value being built: `actors[3].attributes`, from the stack.
std::string field_of_stack(const json& root, const std::vector<json*>& stack) {
  std::string out;
  const json* parent = &root;
  for (std::size_t i = 1; i < stack.size(); ++i) {
    const json* child = stack[i];
    if (parent->is_array()) {
      const auto& a = *parent->get_ptr<const json::array_t*>();
      out += "[" + std::to_string(a.size() - 1) + "]";
    } else {
      for (const auto& [k, v] : *parent->get_ptr<const json::object_t*>()) {
        if (&v == child) {
          out += (out.empty() ? "" : ".") + k;
          break;
        }
      }
    }
    parent = child;
  }
  return out;
}

std::vector<std::string> split_pointer(const std::string& pointer) {
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i < pointer.size()) {
    if (pointer[i] == '/') ++i;
    const auto j = pointer.find('/', i);
    std::string part = pointer.substr(i, j == std::string::npos ? std::string::npos : j - i);
    // RFC 6901 unescaping: ~1 -> /, ~0 -> ~ (any other ~ stays)
    std::string unescaped;
    for (std::size_t k = 0; k < part.size(); ++k) {
      if (part[k] == '~' && k + 1 < part.size() && (part[k + 1] == '0' || part[k + 1] == '1')) {
        unescaped += part[k + 1] == '1' ? '/' : '~';
        ++k;
      } else {
        unescaped += part[k];
      }
    }
    parts.push_back(std::move(unescaped));
    if (j == std::string::npos) break;
    i = j;
  }
  return parts;
}

}  // namespace

json_document parse_json_document(std::string_view text, const std::string& origin) {
  if (trim(text).empty()) throw invalid_input(source_location{origin, 1, {}}, "file is empty");
  // UTF-16/32, with or without a byte-order mark: JSON text here is UTF-8
  // (RFC 8259), and nlohmann would report "found '" with a NUL cut message.
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF") ||
      text.substr(0, 4).find('\0') != std::string_view::npos) {
    throw invalid_input(source_location{origin, 1, {}}, "file is utf-16 or utf-32; save it as utf-8");
  }
  // `offset` is 0-based in `text`; `what` is nlohmann's message without its prefix.
  auto fail = [&](std::size_t offset, std::string what) {
    // nlohmann quotes the whole token read so far ("last read: 'TOKEN'; expected
    // ..." or "parsing 'TOKEN'"), which is megabytes long for a string that is
    // never closed: keep its first 40 bytes.
    for (const std::string_view marker : {"last read: '", "parsing '"}) {
      const std::size_t at = what.find(marker);
      if (at == std::string::npos) continue;
      const std::size_t from = at + marker.size();
      std::size_t end = what.find("'; expected ", from);
      if (end == std::string::npos) end = what.size() - 1;  // the closing quote ends the message
      if (end <= from + 40) continue;
      std::size_t cut = from + 40;
      while (cut > from && (static_cast<unsigned char>(what[cut]) & 0xC0) == 0x80) --cut;
      what = what.substr(0, cut) + "..." + what.substr(end);
    }
    // nlohmann quotes the bytes last read, which may end inside a UTF-8 character.
    for (auto bad = invalid_utf8_offset(what); bad != std::string::npos; bad = invalid_utf8_offset(what)) what[bad] = '?';
    const std::size_t line = line_of(text, offset);
    const std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    const std::size_t column = offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
    throw invalid_input(source_location{origin, line, "column " + std::to_string(column)}, what);
  };
  if (const auto bad = invalid_utf8_offset(text); bad != std::string_view::npos) {
    constexpr char hex[] = "0123456789abcdef";
    const auto byte = static_cast<unsigned char>(text[bad]);
    fail(bad, std::string("invalid utf-8 byte 0x") + hex[byte >> 4] + hex[byte & 0xF] + " (save the file as utf-8)");
  }
  std::size_t start = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") start = 3;  // tolerate a byte order mark
  const auto first = text.begin() + static_cast<std::ptrdiff_t>(start);
  json_document doc;
  dom_builder builder(doc.m_root, doc.m_spare);
  bool complete = false;
  try {
    complete = json::sax_parse(first, text.end(), &builder);
  } catch (const std::bad_alloc&) {
    doc.release();
    throw out_of_memory("out of memory reading " + origin);
  }
  if (complete) return doc;
  if (builder.m_duplicate) {
    std::string field = field_of_stack(doc.m_root, doc.m_spare);
    field += (field.empty() ? "" : ".") + *builder.m_duplicate;
    const char* furthest = text.data() + start;
    key_counter counter(builder.m_keys);
    json::sax_parse(tracking_iterator(furthest, &furthest), tracking_iterator(text.data() + text.size(), nullptr),
                    &counter);
    const auto offset = static_cast<std::size_t>(furthest - text.data());
    throw invalid_input(source_location{origin, line_of(text, offset == 0 ? 0 : offset - 1), field},
                        "key " + quote_value(*builder.m_duplicate) + " appears twice in one object");
  }
  std::string what = builder.m_error;
  if (builder.m_error_id == 406) {
    // A number beyond double, e.g. 1e400 ("[json.exception.out_of_range.406] number overflow parsing '1e400'").
    if (const auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    // The position is at (or just after) the number's end; point at its start.
    std::size_t at = std::min(start + builder.m_error_position, text.size());
    if (const auto q = what.find('\''); q != std::string::npos && what.size() >= q + 2) {
      const std::string_view number = std::string_view(what).substr(q + 1, what.size() - q - 2);
      const std::size_t found = text.rfind(number, at);
      if (!number.empty() && found != std::string_view::npos && found + number.size() + 1 >= at) at = found;
    }
    fail(at, what);
  }
  // "[json.exception.parse_error.101] parse error at line L, column C: WHAT"
  if (const auto p = what.find(": "); p != std::string::npos && what.find("parse error") != std::string::npos) {
    what = what.substr(p + 2);
  }
  const std::size_t byte = builder.m_error_position;
  fail(start + (byte > 0 ? byte - 1 : 0), "invalid json: " + what);
  return doc;  // not reached: fail throws
}

void json_document::release() noexcept {
  // Remove leaves from the end: a scalar or an empty container is destroyed
  // without allocating. m_spare holds the path to the current container; its
  // capacity covers the depth, so push_back never allocates. Each value is
  // visited a constant number of times: O(size).
  std::vector<json*>& path = m_spare;
  path.clear();
  const auto non_empty_container = [](const json& j) { return (j.is_array() || j.is_object()) && !j.empty(); };
  if (non_empty_container(m_root)) path.push_back(&m_root);
  while (!path.empty()) {
    json& top = *path.back();
    if (top.empty()) {
      path.pop_back();
      if (path.empty()) break;
      json& parent = *path.back();
      if (parent.is_array()) parent.get_ptr<json::array_t*>()->pop_back();
      else parent.get_ptr<json::object_t*>()->erase(std::prev(parent.get_ptr<json::object_t*>()->end()));
      continue;
    }
    json& last = top.is_array() ? top.get_ptr<json::array_t*>()->back()
                                : std::prev(top.get_ptr<json::object_t*>()->end())->second;
    if (non_empty_container(last)) {
      path.push_back(&last);
    } else if (top.is_array()) {
      top.get_ptr<json::array_t*>()->pop_back();
    } else {
      top.get_ptr<json::object_t*>()->erase(std::prev(top.get_ptr<json::object_t*>()->end()));
    }
  }
  m_root = nullptr;  // a scalar or an empty container now
}

std::size_t locate_json_pointer(std::string_view text, const std::string& pointer) {
  const char* furthest = text.data();
  pointer_finder finder(split_pointer(pointer), &furthest);
  finder.m_base = text.data();
  tracking_iterator first(text.data(), &furthest);
  tracking_iterator last(text.data() + text.size(), nullptr);
  try {
    json::sax_parse(first, last, &finder, nlohmann::detail::input_format_t::json, false);
  } catch (...) {
    return 0;
  }
  // The offset is just past the token that matched; step back onto it.
  const std::size_t offset = finder.best_offset();
  return line_of(text, offset == 0 ? 0 : offset - 1);
}

std::string escape_pointer_token(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (const char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string pointer_to_field(const std::string& pointer) {
  std::string out;
  for (const auto& part : split_pointer(pointer)) {
    const bool index = !part.empty() && part.find_first_not_of("0123456789") == std::string::npos;
    if (index) out += "[" + part + "]";
    else out += (out.empty() ? "" : ".") + part;
  }
  return out;
}

const char* json_reader::type_name(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "a number";
    default: return "an unsupported value";
  }
}

const json& json_reader::object_at(const json& j, const std::string& pointer) const {
  if (!j.is_object()) fail(pointer, std::string("expected an object, found ") + type_name(j));
  return j;
}

const json& json_reader::member(const json& obj, const std::string& pointer, const char* key, json::value_t type,
                                bool required) const {
  static const json absent;
  const auto it = obj.find(key);
  const std::string path = pointer + "/" + key;
  if (it == obj.end()) {
    if (required) fail(pointer, std::string("missing required field '") + key + "'");
    return absent;
  }
  const bool number_wanted = type == json::value_t::number_float;
  const bool ok = number_wanted ? it->is_number() : it->type() == type;
  if (!ok) {
    const json expected_example = [&]() -> json {
      switch (type) {
        case json::value_t::array: return json::array();
        case json::value_t::object: return json::object();
        case json::value_t::string: return "";
        case json::value_t::boolean: return false;
        default: return 0.0;
      }
    }();
    fail(path, std::string("expected ") + type_name(expected_example) + ", found " + type_name(*it));
  }
  return *it;
}

std::string json_reader::string_member(const json& obj, const std::string& pointer, const char* key,
                                       bool required) const {
  const json& j = member(obj, pointer, key, json::value_t::string, required);
  return j.is_string() ? j.get<std::string>() : std::string();
}

bool json_reader::bool_member(const json& obj, const std::string& pointer, const char* key, bool fallback) const {
  const json& j = member(obj, pointer, key, json::value_t::boolean, false);
  return j.is_boolean() ? j.get<bool>() : fallback;
}

void json_reader::check_header(const json& doc, const char* format_id, const char* what) const {
  object_at(doc, "");
  const json& format = member(doc, "", "format", json::value_t::string, false);
  if (format.is_string() && format.get<std::string>() != format_id) {
    fail("/format", std::string("not a ") + what + " (format is " + format.dump() + ")");
  }
  const json& version = member(doc, "", "version", json::value_t::number_float, false);
  if (version.is_number() && version.get<double>() != 1) {
    const std::string kind = std::string(what).substr(std::string(what).find(' ') + 1);
    fail("/version", "unsupported " + (kind == "file" ? std::string("format") : kind) + " version " + version.dump() +
                         " (this healthnet reads version 1)");
  }
}

std::vector<std::string> json_reader::string_list_member(const json& obj, const std::string& pointer,
                                                         const char* key) const {
  const json& j = member(obj, pointer, key, json::value_t::array, false);
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  out.reserve(j.size());
  for (std::size_t i = 0; i < j.size(); ++i) {
    if (!j[i].is_string()) {
      fail(pointer + "/" + key + "/" + std::to_string(i), std::string("expected a string, found ") + type_name(j[i]));
    }
    out.push_back(j[i].get<std::string>());
  }
  return out;
}

}  // namespace healthnet::detail

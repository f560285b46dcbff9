// SPDX-License-Identifier: MIT
// What every fuzz target checks besides "no crash, no leak, no hang".
//
// Expected: a reader rejects bad input with healthnet::invalid_input whose
// message is valid UTF-8 (pybind11 turns it into a Python str) and starts
// with the origin the caller gave (`file:line: field: problem`).
// Findings (the target aborts, libFuzzer saves the input):
// - any other exception escaping a reader: nlohmann or standard exceptions
//   would reach Python as RuntimeError, not_found as KeyError;
// - std::bad_alloc as well, on purpose: inputs are at most a few KB, so an
//   allocation above libFuzzer's -malloc_limit_mb (default: the 2 GB RSS
//   limit) means a length or count read from the input drives memory;
// - a successful read whose network does not survive the writers: for
//   JSON and GraphML, write then read must give an equal network (operator==).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <string>
#include <string_view>

#include <healthnet/detail/text.hpp>
#include <healthnet/error.hpp>
#include <healthnet/io.hpp>

namespace healthnet::fuzz {

/// Aborts with `what` on stderr when `ok` is false; libFuzzer reports it as a crash.
inline void require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
    std::abort();
  }
}

/// Checks an error a reader threw for bad input (see the top of this file).
inline void check_reader_error(const error& e, std::initializer_list<std::string_view> origins) {
  const std::string_view message = e.what();
  const bool utf8 = detail::invalid_utf8_offset(message) == std::string_view::npos;
  bool named = false;
  for (const auto origin : origins) named = named || message.starts_with(origin);
  if (!utf8 || !named) std::fprintf(stderr, "message: %.*s\n", static_cast<int>(message.size()), message.data());
  require(dynamic_cast<const invalid_input*>(&e) != nullptr, "a reader threw a healthnet error other than invalid_input");
  require(!message.empty(), "empty error message");
  require(utf8, "error message is not valid utf-8");
  require(named, "error message does not start with the input's name");
}

/// True when healthnet JSON text holds a string with a NUL character: an
/// escape `\u0000` preceded by an even number of backslashes.
inline bool json_has_nul(std::string_view json) {
  for (std::size_t at = json.find("\\u0000"); at != std::string_view::npos; at = json.find("\\u0000", at + 1)) {
    std::size_t backslashes = 0;
    while (backslashes < at && json[at - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return true;
  }
  return false;
}

/// True when healthnet JSON text holds U+FFFE or U+FFFF (written raw by
/// to_json), which XML 1.0 cannot hold: to_graphml refuses them (io.hpp).
inline bool json_has_xml_nonchar(std::string_view json) {
  return json.find("\xEF\xBF\xBE") != std::string_view::npos || json.find("\xEF\xBF\xBF") != std::string_view::npos;
}

/// True when to_graphml must refuse a sector or relation (io.hpp): an empty
/// one, or one holding `|` (the list separator) unless it is the only sector.
inline bool graphml_cannot_list(const network& net) {
  const auto bad = [](const std::string& item, bool bar_ok) {
    return item.empty() || (!bar_ok && item.find('|') != std::string::npos);
  };
  for (const auto& a : net.actors()) {
    for (const auto& s : a.sectors) {
      if (bad(s, a.sectors.size() == 1)) return true;
    }
  }
  for (const auto& t : net.ties()) {
    for (const auto& r : t.relations) {
      if (bad(r, false)) return true;
    }
  }
  return false;
}

/// JSON and GraphML written from `net` read back as an equal network.
/// to_graphml may refuse what GraphML cannot hold (documented in io.hpp).
inline void check_round_trips(const network& net) {
  const std::string json = to_json(net);
  require(parse_json(json, "<json round trip>") == net, "json write/read changed the network");
  std::string graphml;
  try {
    graphml = to_graphml(net);
  } catch (const invalid_input& e) {
    require(json_has_nul(json) || json_has_xml_nonchar(json) || graphml_cannot_list(net),
            "to_graphml refused a network it can write");
    return;
  }
  require(parse_graphml(graphml, "<graphml round trip>") == net, "graphml write/read changed the network");
}

}  // namespace healthnet::fuzz

// SPDX-License-Identifier: MIT
// libFuzzer target: GraphML (parse_graphml). The input is the file text.
// Checks: only invalid_input escapes; a network read successfully survives
// the JSON and GraphML writers unchanged (fuzz_check.hpp).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <healthnet/io.hpp>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  healthnet::network net;
  try {
    net = healthnet::parse_graphml(text, "<fuzz>");
  } catch (const healthnet::error& e) {
    healthnet::fuzz::check_reader_error(e, {"<fuzz>"});
    return 0;
  }
  healthnet::fuzz::check_round_trips(net);
  return 0;
}

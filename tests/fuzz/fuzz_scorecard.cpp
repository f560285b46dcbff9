// SPDX-License-Identifier: MIT
// libFuzzer target: the scorecard loader (parse_scorecard). The input is the
// scorecard's JSON text.
// Checks: only invalid_input escapes the parser; to_json of a parsed card
// reads back to the same card (compared as JSON text); evaluating it on a
// small region, in German and English, throws nothing but healthnet errors
// and gives a result to_json can write.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <healthnet/io.hpp>
#include <healthnet/scorecard.hpp>

#include "fuzz_check.hpp"

namespace {

// Six actors over five sectors, one of each body kind, a district attribute:
//
//   gp ── hosp ── care        district: gp, hosp, care "Nord"
//    │      │                           kk, apo, ph   "Sued"
//   apo    kk     ph (isolate)
const healthnet::network& region() {
  static const healthnet::network net = [] {
    using namespace healthnet;
    network n(directedness::undirected);
    n.set_region({.id = "r", .name = "Fuzzkreis"});
    const auto add = [&n](const char* id, const char* sector, const char* type, const char* district) {
      n.add_actor({.id = id, .name = std::string("Akteur ") + id, .sectors = {sector}, .type = type,
                   .attributes = {{"district", std::string(district)}}});
    };
    add("gp", "outpatient_care", "gp_practice", "Nord");
    add("hosp", "inpatient_care", "hospital", "Nord");
    add("care", "nursing_care", "nursing_service", "Nord");
    add("kk", "health_insurance", "insurer", "Sued");
    add("apo", "pharmacy", "pharmacy", "Sued");
    add("ph", "public_health", "office", "Sued");
    n.add_tie({.source = "gp", .target = "hosp"});
    n.add_tie({.source = "hosp", .target = "care"});
    n.add_tie({.source = "gp", .target = "apo"});
    n.add_tie({.source = "hosp", .target = "kk"});
    n.add_body({.id = "sg", .kind = body_kind::steering_group, .name = "Steuerungsgruppe", .members = {"gp", "kk", "ph"}});
    n.add_body({.id = "wg", .kind = body_kind::working_group, .name = "AG Pflege", .members = {"care", "hosp"},
                .topic = "Pflege"});
    n.add_body({.id = "co", .kind = body_kind::coordination_office, .name = "Geschäftsstelle", .members = {"ph"}});
    n.add_body({.id = "hc", .kind = body_kind::health_conference, .name = "Konferenz", .members = {"gp", "apo"},
                .year = 2024});
    return n;
  }();
  return net;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using healthnet::fuzz::require;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  healthnet::scorecard card;
  try {
    card = healthnet::parse_scorecard(text, "<fuzz>");
  } catch (const healthnet::error& e) {
    healthnet::fuzz::check_reader_error(e, {"<fuzz>"});
    return 0;
  }
  const std::string json = healthnet::to_json(card);
  require(healthnet::to_json(healthnet::parse_scorecard(json, "<round trip>")) == json,
          "scorecard write/read changed the scorecard");
  for (const char* lang : {"de", "en"}) {
    try {
      const healthnet::scorecard_result result = healthnet::evaluate(card, region(), lang);
      require(!healthnet::to_json(result).empty(), "empty scorecard result json");
    } catch (const healthnet::error& e) {
      require(healthnet::detail::invalid_utf8_offset(e.what()) == std::string_view::npos,
              "error message is not valid utf-8");
    }
  }
  return 0;
}

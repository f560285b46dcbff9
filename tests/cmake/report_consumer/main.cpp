// SPDX-License-Identifier: MIT
// Renders the HTML report of a region file with the installed healthnet::report.
#include <healthnet/healthnet.hpp>
#include <healthnet/report.hpp>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: report_consumer REGION.json\n");
    return 2;
  }
  const healthnet::network net = healthnet::read_json(argv[1]);
  const std::string html = healthnet::render_report_html(net, {.lang = "en"});
  for (const char* needle : {"<html lang=\"en\"", "id=\"scorecard\"", "id=\"network-drawing\""}) {
    if (html.find(needle) == std::string::npos) {
      std::fprintf(stderr, "report lacks %s\n", needle);
      return 1;
    }
  }
  if (html.find(net.region().name) == std::string::npos) {
    std::fprintf(stderr, "report lacks the region name %s\n", net.region().name.c_str());
    return 1;
  }
  std::printf("report_consumer ok: %zu bytes of HTML for %s\n", html.size(), net.region().name.c_str());
  return 0;
}

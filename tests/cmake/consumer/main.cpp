// SPDX-License-Identifier: MIT
// The README's C++ example, built against the installed package.
#include <healthnet/healthnet.hpp>

#include <cstdio>

int main(int argc, char** argv) {
  healthnet::network net{healthnet::directedness::undirected};
  net.add_actor({.id = "a", .name = "Praxis A", .sectors = {"outpatient_care"}});
  net.add_actor({.id = "b", .name = "Klinikum B", .sectors = {"inpatient_care"}});
  net.add_tie({.source = "a", .target = "b"});
  double d = healthnet::density(net);
  if (d != 1.0) {
    std::fprintf(stderr, "density of two tied actors is %g, expected 1\n", d);
    return 1;
  }
  if (argc > 1) {
    healthnet::network region = healthnet::read_json(argv[1]);
    std::printf("%s: %zu actors, %zu ties, density %.4f\n", region.region().name.c_str(), region.n_actors(),
                region.n_ties(), healthnet::density(region));
    if (region.n_actors() == 0) return 1;
  }
  std::printf("consumer ok (healthnet %s)\n", healthnet::version);
  return 0;
}

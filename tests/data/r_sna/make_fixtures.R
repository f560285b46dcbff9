# SPDX-License-Identifier: MIT
# Makes the R sna fixtures in this folder, which tests/python/test_cohesion.py
# checks healthnet's reciprocity() and transitivity() against (R is not
# needed to run the tests).
#
#   apt-get install -y r-base-core r-cran-sna     # Debian
#   cd tests/data/r_sna && Rscript make_fixtures.R
#
# Each <name>.json holds the graph (n actors named "0".."n-1", directed or
# not, 0-based arcs) and what sna computes for it:
#   grecip(measure = "edgewise" | "dyadic" | "dyadic.nonnull"),
#   gtrans(measure = "weak") and gtrans(measure = "weakcensus"),
#   dyad.census (mutual, asymmetric, null).
# NaN is written as null. Values are printed with 17 significant digits.
suppressPackageStartupMessages(library(sna))

num <- function(x) {
  x <- unname(as.numeric(x))
  if (is.na(x)) "null" else trimws(formatC(x, digits = 17, format = "g"))
}

write_fixture <- function(name, adj, directed, note) {
  n <- nrow(adj)
  mode <- if (directed) "digraph" else "graph"
  arcs <- which(adj != 0, arr.ind = TRUE)
  arcs <- arcs[order(arcs[, 1], arcs[, 2]), , drop = FALSE]
  if (!directed) arcs <- arcs[arcs[, 1] < arcs[, 2], , drop = FALSE]
  edges <- if (nrow(arcs) == 0) "" else
    paste(sprintf("[%d, %d]", arcs[, 1] - 1L, arcs[, 2] - 1L), collapse = ", ")
  census <- dyad.census(adj, g = NULL)
  lines <- c(
    "{",
    sprintf('  "name": "%s",', name),
    sprintf('  "note": "%s",', note),
    sprintf('  "made_with": "R %s, sna %s",', getRversion(), packageVersion("sna")),
    sprintf('  "n": %d,', n),
    sprintf('  "directed": %s,', if (directed) "true" else "false"),
    sprintf('  "edges": [%s],', edges),
    '  "sna": {',
    sprintf('    "grecip_edgewise": %s,', num(grecip(adj, measure = "edgewise"))),
    sprintf('    "grecip_dyadic": %s,', num(grecip(adj, measure = "dyadic"))),
    sprintf('    "grecip_dyadic_nonnull": %s,', num(grecip(adj, measure = "dyadic.nonnull"))),
    sprintf('    "gtrans_weak": %s,', num(gtrans(adj, mode = mode, measure = "weak"))),
    sprintf('    "gtrans_weakcensus": %s,', num(gtrans(adj, mode = mode, measure = "weakcensus"))),
    sprintf('    "dyad_census": {"mutual": %d, "asymmetric": %d, "null": %d}',
            as.integer(census[1, "Mut"]), as.integer(census[1, "Asym"]), as.integer(census[1, "Null"])),
    "  }",
    "}"
  )
  writeLines(lines, paste0(name, ".json"))
}

set.seed(20240603)

# A sparse random digraph.
a <- rgraph(30, tprob = 0.1)
write_fixture("random_digraph_30", a, TRUE, "rgraph(30, tprob = 0.1)")

# A denser digraph with many reciprocated ties: half the arcs are returned.
b <- rgraph(20, tprob = 0.15)
back <- t(b) * matrix(rbinom(400, 1, 0.5), 20, 20)
b <- ((b + back) > 0) * 1
diag(b) <- 0
write_fixture("reciprocal_digraph_20", b, TRUE, "rgraph(20, tprob = 0.15), half the arcs returned")

# Only one-way ties: a 3-cycle 0->1->2->0 plus 2->3, 3->4, 1->3, 0->3.
c <- matrix(0, 6, 6)
for (e in list(c(1, 2), c(2, 3), c(3, 1), c(3, 4), c(4, 5), c(2, 4), c(1, 4))) c[e[1], e[2]] <- 1
write_fixture("one_way_small", c, TRUE, "one-way ties only; actor 5 is an isolate")

# An undirected random graph (sna mode = graph).
d <- rgraph(25, tprob = 0.2, mode = "graph")
write_fixture("random_graph_25", d, FALSE, "rgraph(25, tprob = 0.2, mode = graph)")

# No two-paths at all: sna gives gtrans 1 here (healthnet gives 0).
e <- matrix(0, 4, 4)
e[1, 2] <- 1
e[3, 4] <- 1
write_fixture("no_two_paths", e, TRUE, "two separate arcs 0->1, 2->3")

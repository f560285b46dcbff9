# SPDX-License-Identifier: MIT
# Reference values of R sna brokerage() for tests/python/test_sectors.py.
# Regenerate (needs Debian r-base-core, r-cran-sna, r-cran-jsonlite):
#   Rscript tests/data/r_brokerage/make_brokerage_fixtures.R
suppressPackageStartupMessages({ library(sna); library(jsonlite) })
set.seed(20261123)

make_case <- function(name, n, p, k, symmetric, class_sizes = NULL) {
  g <- rgraph(n, tprob = p, mode = if (symmetric) "graph" else "digraph")
  cl <- if (is.null(class_sizes)) sample(seq_len(k), n, replace = TRUE) else rep(seq_along(class_sizes), class_sizes)
  b <- brokerage(g, cl)
  list(name = name, n = n, directed = !symmetric,
       edges = which(g > 0, arr.ind = TRUE) - 1,  # 0-based (row, col) = arc row -> col
       classes = cl,
       raw_nli = unname(b$raw.nli), raw_gli = unname(b$raw.gli), exp_gli = unname(b$exp.gli),
       sd_gli = unname(b$sd.gli), z_gli = unname(b$z.gli),
       density = gden(g, mode = if (symmetric) "graph" else "digraph"))
}

cases <- list(
  make_case("directed_3_groups", 20, 0.15, 3, FALSE),
  make_case("undirected_4_groups", 25, 0.12, 4, TRUE),
  make_case("directed_singleton_group", 15, 0.2, 0, FALSE, class_sizes = c(1, 6, 8)),
  make_case("directed_sparse_5_groups", 40, 0.05, 5, FALSE)
)
out <- file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "brokerage.json")
writeLines(toJSON(cases, digits = NA, auto_unbox = TRUE, matrix = "rowmajor"), out)
cat("wrote", out, "\n")

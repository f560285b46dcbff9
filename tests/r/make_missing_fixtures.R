# SPDX-License-Identifier: MIT
# Writes tests/data/missing/expected.csv and symmetrize_expected.csv with
# R sna (Butts): gden and grecip with missing (NA) edges, and symmetrize.
# Run from the repository root:  Rscript tests/r/make_missing_fixtures.R
# `make fixtures` installs r-cran-sna and runs it. The first values were
# computed by hand (sums below); R sna 2.7 agrees with them.
# sna's gden counts edge values unless ignore.eval = TRUE (its default is
# FALSE), so the binary densities ask for it.
suppressPackageStartupMessages(library(sna))

ids <- c("a", "b", "c", "d", "e")   # tests/data/missing/nonresponse.json
m <- matrix(0, 5, 5, dimnames = list(ids, ids))
m["a", "b"] <- 2; m["b", "a"] <- 4; m["a", "c"] <- 1; m["c", "d"] <- 3
m["a", "d"] <- 1; m["d", "a"] <- 5; m["e", "a"] <- 2; m["b", "e"] <- 1
nonrespondents <- "d"

# exclude: the non-respondent's row is unobserved (NA), as sna reads missing edges.
m_na <- m
m_na[nonrespondents, ] <- NA
diag(m_na) <- 0
# reconstruct (Stork & Richards 1992): j gets j->i wherever i reported i->j.
m_rc <- m
for (j in nonrespondents) for (i in setdiff(ids, nonrespondents)) {
  if (m[i, j] != 0 && m[j, i] == 0) m_rc[j, i] <- m[i, j]
}
observed <- setdiff(ids, nonrespondents)

values <- c(
  gden_absent = gden(m, ignore.eval = TRUE),               # 8 / 20
  gden_absent_valued = gden(m, ignore.eval = FALSE),       # 19 / 20
  gden_exclude = gden(m_na, ignore.eval = TRUE),           # 7 / (4 * 4)
  gden_exclude_valued = gden(m_na, ignore.eval = FALSE),   # (19 - 5) / 16
  gden_reconstruct = gden(m_rc, ignore.eval = TRUE),       # 9 / 20 (d->c added)
  gden_reconstruct_valued = gden(m_rc, ignore.eval = FALSE),  # 22 / 20
  grecip_edgewise_absent = grecip(m, measure = "edgewise"),   # 2*2 / (2*2 + 4)
  grecip_edgewise_exclude = grecip(m[observed, observed], measure = "edgewise"),  # 2 / (2 + 3)
  grecip_edgewise_reconstruct = grecip(m_rc, measure = "edgewise"),  # 6 / 9
  grecip_dyadic_exclude = grecip(m[observed, observed], measure = "dyadic")     # (1 + 2) / 6
)
values <- vapply(values, as.numeric, 0)  # grecip names its value "Mut"
write.csv(data.frame(quantity = sub("\\.Mut$", "", names(values)), value = sprintf("%.15g", values)),
          "tests/data/missing/expected.csv", row.names = FALSE, quote = FALSE)

# symmetrize: tests/data/missing/symmetrize.json (rows send).
sids <- c("p", "q", "r", "s")
s <- matrix(0, 4, 4, dimnames = list(sids, sids))
s["p", "q"] <- 2; s["q", "p"] <- 5; s["p", "r"] <- 1; s["r", "s"] <- 2; s["s", "r"] <- 3; s["s", "q"] <- 4
rows <- NULL
for (rule in c("weak", "strong", "upper", "lower")) {
  x <- symmetrize(s, rule = rule)   # weak/strong binary in sna; upper/lower keep values
  for (i in 1:3) for (j in (i + 1):4) {
    if (x[i, j] != 0) rows <- rbind(rows, data.frame(rule = rule, source = sids[i], target = sids[j], value = x[i, j]))
  }
}
write.csv(rows, "tests/data/missing/symmetrize_expected.csv", row.names = FALSE, quote = FALSE)

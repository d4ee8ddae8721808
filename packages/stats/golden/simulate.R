# Simulates the data sets behind the golden fixtures of @workup/stats (run from this folder:
# `Rscript simulate.R`). Every set is drawn with a fixed seed, so the CSVs are reproducible with
# R 4.2.2's default generators (Mersenne-Twister, Inversion, Rejection).
#
#   trial.csv     3-level cluster-randomised trial: 26 units ("U01".."U26") of 3 to 18 patients
#                 (string ids "P1234" not in unit order), visits 0/3/6/12 months, arm by unit,
#                 age (some empty), sex, risk (low/medium/high), outcome y with dropout (NA), and
#                 one unit whose outcomes are all missing.
#   singular.csv  the same design with no unit variance and a seed whose REML fit is singular.
#   site.csv      4-level: 4 sites, 3 to 5 units per site, patients numbered 1, 2, ... within each
#                 unit (numeric ids reused across units, so the nesting must come from the formula).
#   table1.csv    baseline table data: arm, age, bmi, days (integers, ties), sex, smoker, risk.
#
# Missing values are written as "NA", except age in trial.csv, which is an empty field, so that
# both spellings are exercised; read the files with read.csv(na.strings = c("", "NA")).

write_csv <- function(d, file) write.csv(d, file, row.names = FALSE, na = "NA")

simulate_trial <- function(seed, n_units, sd_unit, sd_patient = 4, sd_resid = 5) {
  set.seed(seed)
  units <- sprintf("U%02d", seq_len(n_units))
  arm <- sample(rep(c("control", "workup"), length.out = n_units))
  size <- sample(3:18, n_units, replace = TRUE)
  u_eff <- rnorm(n_units, 0, sd_unit)
  n_pat <- sum(size)
  pat_unit <- rep(seq_len(n_units), size)
  pat_id <- sprintf("P%04d", sample(1000:9999, n_pat))
  p_eff <- rnorm(n_pat, 0, sd_patient)
  age <- round(rnorm(n_pat, 48, 11), 1)
  sex <- sample(c("F", "M"), n_pat, replace = TRUE, prob = c(0.6, 0.4))
  risk <- sample(c("low", "medium", "high"), n_pat, replace = TRUE, prob = c(0.4, 0.4, 0.2))
  visits <- c(0, 3, 6, 12)
  d <- data.frame(
    unit = units[rep(pat_unit, each = 4)],
    patient = rep(pat_id, each = 4),
    arm = arm[rep(pat_unit, each = 4)],
    visit = rep(visits, n_pat),
    age = rep(age, each = 4),
    sex = rep(sex, each = 4),
    risk = rep(risk, each = 4),
    stringsAsFactors = FALSE
  )
  k <- rep(seq_len(n_pat), each = 4)
  workup <- d$arm == "workup"
  mu <- 40 - 0.5 * d$visit - workup * (1.5 * (d$visit > 0) + 0.2 * d$visit) +
    0.1 * (d$age - 48) + 1.2 * (d$sex == "M") +
    c(low = 0, medium = 2, high = 5)[d$risk]
  d$y <- round(mu + u_eff[pat_unit[k]] + p_eff[k] + rnorm(nrow(d), 0, sd_resid), 2)
  # Dropout: more missing outcomes at later visits; some rows absent altogether.
  miss <- runif(nrow(d)) < c(0.02, 0.1, 0.18, 0.28)[match(d$visit, visits)]
  d$y[miss] <- NA
  absent <- runif(nrow(d)) < 0.04
  d <- d[!absent, ]
  d
}

# 1. The main 3-level trial.
trial <- simulate_trial(seed = 20240917, n_units = 26, sd_unit = 2)
# One patient in five hundred has no age (an empty field), one unit has no outcome at all.
no_age <- unique(trial$patient)[c(5, 40, 77, 150)]
trial$age[trial$patient %in% no_age] <- NA
trial$y[trial$unit == "U13"] <- NA
out <- trial
out$age <- ifelse(is.na(out$age), "", format(out$age, trim = TRUE))
out$age <- as.character(out$age)
# Quote only the character columns (age is written unquoted, empty when missing).
write.table(out, "trial.csv", sep = ",", row.names = FALSE, na = "NA",
            quote = which(names(out) %in% c("unit", "patient", "arm", "sex", "risk")))

# 2. A singular fit: no unit variance; the first seed from 1 whose REML fit has unit SD 0.
suppressMessages(library(lme4))
for (seed in 1:200) {
  d <- simulate_trial(seed = seed, n_units = 12, sd_unit = 0, sd_patient = 3)
  fit <- lmer(y ~ arm * factor(visit) + (1 | unit) + (1 | unit:patient), data = d)
  if (getME(fit, "theta")[2] == 0) break
}
cat("singular.csv from seed", seed, "\n")
write_csv(d, "singular.csv")

# 3. Four levels: site / unit / patient, patient numbers reused across units.
set.seed(77)
sites <- c("north", "south", "east", "west")
rows <- list()
for (s in seq_along(sites)) {
  n_units <- sample(3:5, 1)
  s_eff <- rnorm(1, 0, 1.5)
  for (u in seq_len(n_units)) {
    unit <- sprintf("%s-%d", sites[s], u)
    arm <- if (u %% 2 == 0) "workup" else "control"
    u_eff <- rnorm(1, 0, 2)
    n_pat <- sample(4:12, 1)
    for (p in seq_len(n_pat)) {
      p_eff <- rnorm(1, 0, 3)
      visits <- c(0, 6, 12)[runif(3) > c(0, 0.15, 0.3)]
      if (length(visits) == 0) next
      y <- round(30 + 1.5 * (arm == "workup") * (visits > 0) - 0.2 * visits +
                   s_eff + u_eff + p_eff + rnorm(length(visits), 0, 4), 2)
      rows[[length(rows) + 1]] <- data.frame(site = sites[s], unit = unit, patient = p,
                                             arm = arm, visit = visits, y = y)
    }
  }
}
write_csv(do.call(rbind, rows), "site.csv")

# 4. Baseline table data.
set.seed(4242)
n <- 180
t1 <- data.frame(
  arm = sample(c("control", "workup"), n, replace = TRUE),
  age = round(rnorm(n, 47, 12)),
  bmi = round(rlnorm(n, log(26), 0.15), 1),
  days = rpois(n, 9) + rbinom(n, 30, 0.1) * rbinom(n, 1, 0.3),
  sex = sample(c("F", "M"), n, replace = TRUE, prob = c(0.55, 0.45)),
  smoker = sample(c("no", "yes"), n, replace = TRUE, prob = c(0.85, 0.15)),
  risk = sample(c("low", "medium", "high"), n, replace = TRUE, prob = c(0.45, 0.4, 0.15)),
  stringsAsFactors = FALSE
)
t1$bmi[c(3, 50, 120)] <- NA
t1$sex[c(17, 99)] <- NA
write_csv(t1, "table1.csv")

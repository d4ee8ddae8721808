# Reference fits for @workup/stats's linear mixed models (run from this folder after
# simulate.R: `Rscript lmm.R`; writes lmm.json). R 4.2.2, lme4 1.1-31, lmerTest 3.1-3.
#
# Each case is fitted twice with lmerTest::lmer: with lme4's default optimiser settings (what a
# statistician gets) and with a much tighter tolerance ("tight"), which is the optimum the engine
# aims at (statistics.md §3: differences against the default fit reflect lme4's own stopping
# rule). Fixed effects come from lmerTest::contest1D(..., confint = TRUE) for each coefficient,
# which is what summary() reports (Satterthwaite df; Wald CI estimate -/+ qt(0.975, df) * SE);
# contrasts likewise with their own L.
suppressMessages(library(lmerTest))
source("json17.R")

read_data <- function(file) read.csv(file, na.strings = c("", "NA"))

cases <- list(
  list(id = "trial-visit", data = "trial.csv",
       formula = "y ~ arm * factor(visit) + age + (1 | unit) + (1 | unit:patient)",
       REML = c(TRUE, FALSE),
       contrasts = list(
         "workup - control at 12" = c("armworkup" = 1, "armworkup:factor(visit)12" = 1),
         "workup - control at 6" = c("armworkup" = 1, "armworkup:factor(visit)6" = 1))),
  list(id = "trial-slash", data = "trial.csv",
       formula = "y ~ arm * factor(visit) + age + sex + (1 | unit/patient)", REML = TRUE,
       contrasts = list(
         "workup - control at 12" = c("armworkup" = 1, "armworkup:factor(visit)12" = 1))),
  list(id = "trial-slope", data = "trial.csv",
       formula = "y ~ arm * visit + age + risk + (1 | unit) + (1 | patient)",
       REML = c(TRUE, FALSE),
       contrasts = list("workup - control at 12" = c("armworkup" = 1, "armworkup:visit" = 12))),
  list(id = "trial-patient", data = "trial.csv",
       formula = "y ~ arm + factor(visit) + (1 | patient)", REML = c(TRUE, FALSE)),
  list(id = "trial-unit", data = "trial.csv",
       formula = "y ~ arm * factor(visit) + (1 | unit)", REML = TRUE),
  list(id = "trial-coding", data = "trial.csv",
       formula = "y ~ sex + sex:age + factor(visit) + (1 | unit/patient)", REML = TRUE),
  list(id = "trial-no-intercept", data = "trial.csv",
       formula = "y ~ 0 + arm + factor(visit) + (1 | unit/patient)", REML = TRUE),
  list(id = "trial-rank-deficient", data = "trial.csv",
       formula = "y ~ factor(visit):arm + (1 | unit/patient)", REML = TRUE),
  list(id = "singular", data = "singular.csv",
       formula = "y ~ arm * factor(visit) + (1 | unit) + (1 | unit:patient)",
       REML = c(TRUE, FALSE),
       contrasts = list(
         "workup - control at 12" = c("armworkup" = 1, "armworkup:factor(visit)12" = 1))),
  list(id = "site", data = "site.csv",
       formula = "y ~ arm * factor(visit) + (1 | site/unit/patient)", REML = c(TRUE, FALSE),
       contrasts = list(
         "workup - control at 12" = c("armworkup" = 1, "armworkup:factor(visit)12" = 1)))
)

controls <- list(
  default = lmerControl(),
  tight = lmerControl(optimizer = "nloptwrap",
                      optCtrl = list(xtol_abs = 1e-14, ftol_abs = 1e-14, xtol_rel = 1e-14,
                                     ftol_rel = 1e-14, maxeval = 1e5))
)

row_of <- function(tab) {
  list(estimate = tab$Estimate, se = tab$`Std. Error`, df = tab$df, t = tab$`t value`,
       p = tab$`Pr(>|t|)`, ci = c(tab$lower, tab$upper))
}

describe <- function(fit, contrasts) {
  beta <- fixef(fit)
  p <- length(beta)
  fixed <- lapply(seq_len(p), function(i) {
    L <- numeric(p)
    L[i] <- 1
    c(list(term = names(beta)[i]), row_of(contest1D(fit, L, confint = TRUE)))
  })
  vc <- as.data.frame(VarCorr(fit))
  random <- lapply(seq_len(nrow(vc)), function(i) {
    list(group = vc$grp[i], variance = vc$vcov[i], sd = vc$sdcor[i])
  })
  reml <- isREML(fit)
  out <- list(
    fixed = fixed,
    random = random,
    logLik = as.numeric(logLik(fit)),
    AIC = AIC(fit),
    BIC = BIC(fit),
    nobs = nobs(fit),
    groups = as.list(ngrps(fit)),
    theta = I(unname(getME(fit, "theta"))),
    sigma = sigma(fit),
    vcov = unname(as.matrix(vcov(fit))),
    singular = isSingular(fit),
    dropped = names(attr(getME(fit, "X"), "col.dropped")),
    contrasts = lapply(names(contrasts), function(label) {
      w <- contrasts[[label]]
      L <- numeric(p)
      L[match(names(w), names(beta))] <- w
      c(list(label = label, L = L), row_of(contest1D(fit, L, confint = TRUE)))
    })
  )
  if (reml) out$REMLcrit <- unname(getME(fit, "devcomp")$cmp[["REML"]])
  else out$deviance <- unname(getME(fit, "devcomp")$cmp[["dev"]])
  out
}

results <- list()
for (case in cases) {
  data <- read_data(case$data)
  for (reml in case$REML) {
    entry <- list(id = case$id, data = case$data, formula = case$formula, REML = reml)
    for (name in names(controls)) {
      fit <- lmer(as.formula(case$formula), data = data, REML = reml,
                  control = controls[[name]])
      entry[[name]] <- describe(fit, if (is.null(case$contrasts)) list() else case$contrasts)
    }
    results[[length(results) + 1]] <- entry
  }
}

# One case a line, so that a regenerated file diffs readably.
writeLines(c(
  "{",
  sprintf('"generated_by": "golden/lmm.R", "R": %s, "lme4": "%s", "lmerTest": "%s",',
          json17(R.version.string), packageVersion("lme4"), packageVersion("lmerTest")),
  '"cases": [',
  paste0(vapply(results, json17, ""), c(rep(",", length(results) - 1), "")),
  "]}"
), "lmm.json")

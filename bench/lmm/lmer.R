# One timed lme4 fit for bench/lmm/run.ts on the same CSV as ours:
# Rscript bench/lmm/lmer.R FILE "FORMULA". Reads with data.table::fread when installed (else
# read.csv), fits with lme4::lmer (REML, default control), then lmerTest's Satterthwaite
# summary, and prints JSON: seconds of each step, peak memory (VmHWM), fixed effects and SEs.
args <- commandArgs(trailingOnly = TRUE)
file <- args[1]
formula <- as.formula(args[2])
suppressMessages(library(lme4))
elapsed <- function(expr) {
  started <- proc.time()[["elapsed"]]
  value <- force(expr)
  list(value = value, seconds = proc.time()[["elapsed"]] - started)
}
read <- elapsed(if (requireNamespace("data.table", quietly = TRUE)) {
  as.data.frame(data.table::fread(file, na.strings = c("", "NA")))
} else {
  read.csv(file, na.strings = c("", "NA"))
})
fit <- elapsed(lmer(formula, data = read$value))
satterthwaite <- if (requireNamespace("lmerTest", quietly = TRUE)) {
  elapsed(summary(lmerTest::as_lmerModLmerTest(fit$value))$coefficients)
} else NULL
status <- readLines("/proc/self/status")
peak_kb <- as.numeric(gsub("[^0-9]", "", grep("^VmHWM", status, value = TRUE)))
beta <- fixef(fit$value)
se <- sqrt(diag(as.matrix(vcov(fit$value))))
fixed <- paste0(sprintf('{"term":"%s","estimate":%.17g,"se":%.17g}', names(beta), beta, se), collapse = ",")
cat(sprintf(
  '{"R":"%s","lme4":"%s","readSeconds":%.4f,"lmerSeconds":%.4f,"satterthwaiteSeconds":%s,"maxRssMB":%.1f,"fixed":[%s]}\n',
  R.version$version.string, packageVersion("lme4"), read$seconds, fit$seconds,
  if (is.null(satterthwaite)) "null" else sprintf("%.4f", satterthwaite$seconds),
  peak_kb / 1024, fixed
))

# Reference values for @workup/stats's baseline table and tests (`Rscript table1.R`, writes
# table1.json): per arm summaries of table1.csv (mean, SD, median and quartiles by quantile()'s
# default type 7, counts) and R's default tests: t.test (Welch), wilcox.test (exact when both
# groups have fewer than 50 values and no ties, else the normal approximation with continuity
# and tie correction), chisq.test (Yates's correction for 2 x 2 tables) and fisher.test; plus
# standalone cases that reach every branch of those tests.
source("json17.R")
d <- read.csv("table1.csv", na.strings = c("", "NA"))
arms <- sort(unique(d$arm))

quiet <- function(expr) suppressWarnings(expr)

continuous <- function(v) {
  x <- d[[v]]
  groups <- lapply(arms, function(a) {
    xa <- x[d$arm == a & !is.na(x)]
    q <- quantile(xa, c(0.25, 0.5, 0.75))
    list(level = a, n = length(xa), missing = sum(d$arm == a & is.na(x)), mean = mean(xa),
         sd = sd(xa), median = unname(q[2]), q1 = unname(q[1]), q3 = unname(q[3]),
         min = min(xa), max = max(xa))
  })
  tt <- t.test(x ~ arm, data = d)
  wt <- quiet(wilcox.test(x ~ arm, data = d))
  list(variable = v, groups = groups,
       t = list(statistic = unname(tt$statistic), df = unname(tt$parameter), p = tt$p.value),
       wilcoxon = list(statistic = unname(wt$statistic), p = wt$p.value,
                       exact = grepl("exact", wt$method)))
}

categorical <- function(v) {
  tab <- table(d$arm, d[[v]])
  ct <- quiet(chisq.test(tab))
  list(variable = v, levels = colnames(tab), arms = rownames(tab),
       counts = unclass(matrix(tab, nrow = nrow(tab))),
       missing = as.list(vapply(arms, function(a) sum(d$arm == a & is.na(d[[v]])), 0)),
       chisq = list(statistic = unname(ct$statistic), df = unname(ct$parameter), p = ct$p.value),
       fisher = list(p = fisher.test(tab)$p.value))
}

# Standalone tests.
w_cases <- list(
  list(x = c(1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3),
       y = c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)),
  list(x = c(0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46),
       y = c(1.15, 0.88, 0.9, 0.74, 1.21)),
  list(x = c(3, 1, 4, 1, 5, 9, 2, 6), y = c(5, 3, 5, 8, 9, 7, 9, 3, 2, 3)),
  list(x = c(12, 15, 11), y = c(1, 2, 3, 4)),
  list(x = round(qnorm(ppoints(55)) * 10, 6), y = round(qnorm(ppoints(60)) * 10 + 3.3, 6))
)
wilcoxon <- lapply(w_cases, function(w) {
  r <- quiet(wilcox.test(w$x, w$y))
  list(x = w$x, y = w$y, statistic = unname(r$statistic), p = r$p.value,
       exact = grepl("exact", r$method))
})

t_cases <- list(
  list(x = c(5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3), y = c(6.5, 6.0, 7.1, 6.8, 5.9, 7.3)),
  list(x = c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), y = c(7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20))
)
ttests <- lapply(t_cases, function(w) {
  r <- t.test(w$x, w$y)
  list(x = w$x, y = w$y, statistic = unname(r$statistic), df = unname(r$parameter),
       p = r$p.value)
})

tables <- list(
  matrix(c(3, 1, 1, 3), 2), matrix(c(10, 2, 3, 15), 2), matrix(c(0, 5, 6, 2), 2),
  matrix(c(20, 25, 30, 15), 2), matrix(c(12, 11, 13, 12), 2),
  matrix(c(2, 3, 4, 5, 1, 7), 2), matrix(c(3, 0, 2, 1, 4, 2, 0, 3, 5), 3),
  matrix(c(8, 2, 1, 4, 6, 0, 3, 3, 2, 5), 2), matrix(c(25, 30, 12, 18, 40, 22, 9, 14, 20), 3)
)
contingency <- lapply(tables, function(m) {
  ct <- quiet(chisq.test(m))
  list(table = m, chisq = list(statistic = unname(ct$statistic), df = unname(ct$parameter),
                               p = ct$p.value),
       fisher = list(p = fisher.test(m)$p.value))
})

quantiles <- lapply(list(c(1, 2, 3, 4), c(7.5, 1.25, 3, 3, 10, 2.5, 6), c(42), c(2, 9)),
                    function(x) list(x = I(x), q = unname(quantile(x, c(0, 0.1, 0.25, 0.5, 0.75, 1)))))

out <- list(
  generated_by = "golden/table1.R", R = R.version.string, by = "arm", arms = arms,
  continuous = lapply(c("age", "bmi", "days"), continuous),
  categorical = lapply(c("sex", "smoker", "risk"), categorical),
  wilcoxon = wilcoxon, ttest = ttests, contingency = contingency, quantiles = quantiles
)
writeLines(json17(out), "table1.json")

# Reference values for @workup/stats's distribution functions (`Rscript distributions.R`,
# writes distributions.json): R 4.2.2's pnorm, qnorm, pt, qt, pchisq, pbeta, pgamma, lgamma and
# pwilcox on grids that include the far tails and the degrees of freedom that Satterthwaite
# produces (fractional, small and large).
source("json17.R")

grid <- function(...) expand.grid(..., KEEP.OUT.ATTRS = FALSE, stringsAsFactors = FALSE)

x_norm <- c(-40, -38, -20, -10, -8.3, -5, -3, -1.96, -1, -0.5, -1e-3, 0, 1e-3, 0.5, 1, 1.96,
            3, 5, 8.3, 10, 20, 38)
pnorm_cases <- grid(x = x_norm, lower = c(TRUE, FALSE))
pnorm_cases$value <- mapply(function(x, l) pnorm(x, lower.tail = l), pnorm_cases$x,
                            pnorm_cases$lower)

p_q <- c(1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.025, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975,
         0.999, 1 - 1e-10)
qnorm_cases <- data.frame(p = p_q, value = qnorm(p_q))

df_t <- c(0.5, 1, 1.5, 2, 3, 4.7, 10, 25.3, 100, 1234.5, 1e5, 5e5)
pt_cases <- grid(x = c(-50, -10, -3, -2, -1, -0.1, 0, 0.3, 1, 2.5, 4, 12, 100), df = df_t,
                 lower = c(TRUE, FALSE))
pt_cases$value <- mapply(function(x, df, l) pt(x, df, lower.tail = l), pt_cases$x, pt_cases$df,
                         pt_cases$lower)

qt_cases <- grid(p = c(1e-10, 0.001, 0.025, 0.05, 0.5, 0.9, 0.975, 0.995), df = df_t)
qt_cases$value <- mapply(qt, qt_cases$p, qt_cases$df)

pchisq_cases <- grid(x = c(1e-5, 0.01, 0.5, 1, 2, 3.84, 10, 30, 100, 300),
                     df = c(0.5, 1, 2, 3, 5, 10, 50, 200), lower = c(TRUE, FALSE))
pchisq_cases$value <- mapply(function(x, df, l) pchisq(x, df, lower.tail = l), pchisq_cases$x,
                             pchisq_cases$df, pchisq_cases$lower)

pbeta_cases <- grid(x = c(1e-8, 0.01, 0.2, 0.5, 0.77, 0.99), a = c(0.5, 1, 2.5, 30, 500),
                    b = c(0.5, 3, 40, 800), lower = c(TRUE, FALSE))
pbeta_cases$value <- mapply(function(x, a, b, l) pbeta(x, a, b, lower.tail = l),
                            pbeta_cases$x, pbeta_cases$a, pbeta_cases$b, pbeta_cases$lower)

pgamma_cases <- grid(x = c(1e-6, 0.1, 1, 4.5, 20, 150), shape = c(0.25, 1, 3.5, 40, 1000),
                     lower = c(TRUE, FALSE))
pgamma_cases$value <- mapply(function(x, a, l) pgamma(x, a, lower.tail = l), pgamma_cases$x,
                             pgamma_cases$shape, pgamma_cases$lower)

lgamma_x <- c(1e-8, 0.1, 0.5, 1, 1.5, 2, 3.7, 10, 12.5, 50, 171.3, 1e4, 1e7)
lgamma_cases <- data.frame(x = lgamma_x, value = lgamma(lgamma_x))

pwilcox_cases <- grid(q = c(0, 3, 10, 25, 40, 60, 100, 300), m = c(3, 8, 20, 49),
                      n = c(4, 12, 30))
pwilcox_cases$value <- mapply(pwilcox, pwilcox_cases$q, pwilcox_cases$m, pwilcox_cases$n)

sets <- list(pnorm = pnorm_cases, qnorm = qnorm_cases, pt = pt_cases, qt = qt_cases,
             pchisq = pchisq_cases, pbeta = pbeta_cases, pgamma = pgamma_cases,
             lgamma = lgamma_cases, pwilcox = pwilcox_cases)
writeLines(c(
  sprintf('{"generated_by": "golden/distributions.R", "R": %s,', json17(R.version.string)),
  paste0(sprintf('"%s": %s', names(sets), vapply(sets, json17, "")),
         c(rep(",", length(sets) - 1), "")),
  "}"
), "distributions.json")

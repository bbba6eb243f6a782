# Times R's standard tools on the CSV that `tagcf bench estimate` wrote (same file, same model):
#   glm logistic propensity + Hajek IPW, glm + two lm outcome models + plain (not cross-fitted)
#   AIPW, and MatchIt 1:1 nearest-neighbour propensity matching with replacement (ATT).
# Usage: Rscript r_ipw_matchit.R FILE.csv [att|ate]
suppressMessages({
  library(data.table)
  library(MatchIt)
})
args <- commandArgs(trailingOnly = TRUE)
csv <- args[1]
estimand <- if (length(args) >= 2) args[2] else "att"
secs <- function(t0) as.numeric(difftime(Sys.time(), t0, units = "secs"))

t0 <- Sys.time()
d <- as.data.frame(fread(csv))
t_read <- secs(t0)
covs <- grep("^W[0-9]+$", names(d), value = TRUE)
f <- as.formula(paste("v0 ~", paste(covs, collapse = " + ")))
fy <- as.formula(paste("y ~", paste(covs, collapse = " + ")))
tr <- d$v0
y <- d$y

t0 <- Sys.time()
ps <- glm(f, data = d, family = binomial())
e <- fitted(ps)
if (estimand == "att") {
  w0 <- e / (1 - e)
  est_ipw <- mean(y[tr == 1]) - sum(w0[tr == 0] * y[tr == 0]) / sum(w0[tr == 0])
} else {
  est_ipw <- sum(tr * y / e) / sum(tr / e) - sum((1 - tr) * y / (1 - e)) / sum((1 - tr) / (1 - e))
}
t_ipw <- secs(t0)

# Plain AIPW: the propensity glm and one lm per arm on the full sample, then the doubly robust
# score (tagcf's aipw cross-fits 5 folds, so it fits 5x as many models).
t0 <- Sys.time()
ps2 <- glm(f, data = d, family = binomial())
e2 <- fitted(ps2)
m0 <- predict(lm(fy, data = d[tr == 0, ]), newdata = d)
m1 <- predict(lm(fy, data = d[tr == 1, ]), newdata = d)
if (estimand == "att") {
  est_aipw <- (sum(tr * (y - m0)) - sum((1 - tr) * e2 / (1 - e2) * (y - m0))) / sum(tr)
} else {
  est_aipw <- mean(m1 - m0 + tr * (y - m1) / e2 - (1 - tr) * (y - m0) / (1 - e2))
}
t_aipw <- secs(t0)

# MatchIt's nearest-neighbour matching grows quadratically here (0.6 s at 1e4 rows, ~130 s at
# 1e5); above MATCHIT_MAX_ROWS (default 200000) it is skipped rather than run for hours.
max_rows <- as.numeric(Sys.getenv("MATCHIT_MAX_ROWS", "200000"))
if (nrow(d) <= max_rows) {
  t0 <- Sys.time()
  m <- matchit(f, data = d, method = "nearest", distance = "glm", replace = TRUE, ratio = 1)
  md <- match.data(m)
  att_psm <- coef(lm(y ~ v0, data = md, weights = weights))[2]
  t_matchit <- secs(t0)
} else {
  att_psm <- NA
  t_matchit <- NA
}

cat(sprintf(paste("RBENCH n=%d p=%d estimand=%s read=%.3f glm_ipw=%.3f aipw=%.3f matchit=%.3f est_ipw=%.4f",
                  "est_aipw=%.4f att_psm=%.4f R=%s MatchIt=%s\n"),
            nrow(d), length(covs), estimand, t_read, t_ipw, t_aipw, t_matchit, est_ipw, est_aipw, att_psm,
            paste(R.version$major, R.version$minor, sep = "."), as.character(packageVersion("MatchIt"))))

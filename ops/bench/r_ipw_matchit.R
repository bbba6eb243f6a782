# Times R's standard tools on the CSV that `tagcf bench estimate` wrote (same file, same model):
#   glm logistic propensity + Hajek IPW (ATT weights), and MatchIt 1:1 nearest-neighbour
#   propensity matching with replacement (ATT). Usage: Rscript r_ipw_matchit.R FILE.csv
suppressMessages({
  library(data.table)
  library(MatchIt)
})
args <- commandArgs(trailingOnly = TRUE)
csv <- args[1]
secs <- function(t0) as.numeric(difftime(Sys.time(), t0, units = "secs"))

t0 <- Sys.time()
d <- as.data.frame(fread(csv))
t_read <- secs(t0)
covs <- grep("^W[0-9]+$", names(d), value = TRUE)
f <- as.formula(paste("v0 ~", paste(covs, collapse = " + ")))

t0 <- Sys.time()
ps <- glm(f, data = d, family = binomial())
e <- fitted(ps)
tr <- d$v0
y <- d$y
w0 <- e / (1 - e)
att_ipw <- mean(y[tr == 1]) - sum(w0[tr == 0] * y[tr == 0]) / sum(w0[tr == 0])
t_ipw <- secs(t0)

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

cat(sprintf("RBENCH n=%d p=%d read=%.3f glm_ipw=%.3f matchit=%.3f att_ipw=%.4f att_psm=%.4f R=%s MatchIt=%s\n",
            nrow(d), length(covs), t_read, t_ipw, t_matchit, att_ipw, att_psm,
            paste(R.version$major, R.version$minor, sep = "."), as.character(packageVersion("MatchIt"))))

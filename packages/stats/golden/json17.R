# Writes R values as JSON with every double at full precision (%.17g): jsonlite rounds to 15
# significant digits at most. Named lists become objects, unnamed lists and vectors of length
# != 1 arrays, length-1 vectors scalars (use as.list() or I() to force an array), matrices
# arrays of rows, data frames arrays of row objects, NA and NULL null.
json17 <- function(x) {
  scalar <- function(v) {
    if (is.na(v)) return("null")
    if (is.logical(v)) return(if (v) "true" else "false")
    if (is.numeric(v)) {
      if (is.infinite(v)) return(if (v > 0) "\"Inf\"" else "\"-Inf\"")
      return(sprintf("%.17g", v))
    }
    as.character(jsonlite::toJSON(as.character(v), auto_unbox = TRUE))
  }
  array <- function(items) paste0("[", paste(items, collapse = ","), "]")
  if (is.null(x)) return("null")
  if (is.data.frame(x)) {
    return(array(vapply(seq_len(nrow(x)), function(i) json17(as.list(x[i, , drop = FALSE])), "")))
  }
  if (is.matrix(x)) return(array(apply(x, 1, function(r) json17(as.list(r)))))
  if (is.list(x)) {
    items <- vapply(x, json17, "")
    if (!is.null(names(x))) {
      keys <- vapply(names(x), function(k) as.character(jsonlite::toJSON(k, auto_unbox = TRUE)), "")
      return(paste0("{", paste0(keys, ":", items, collapse = ","), "}"))
    }
    return(array(items))
  }
  if (inherits(x, "AsIs") || length(x) != 1) return(array(vapply(unclass(x), scalar, "")))
  scalar(x)
}

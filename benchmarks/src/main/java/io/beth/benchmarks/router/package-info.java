/**
 * The generated router (compiled by Beth's processor from route classes written for the run) beside
 * a map-of-regexes router over the same routes.
 */
package io.beth.benchmarks.router;

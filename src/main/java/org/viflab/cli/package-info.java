/**
 * The {@code viflab} command line (picocli): running and checking scenario files, tracing and
 * describing a saved lab, importing AWS descriptions and running the benchmarks. Only this package
 * writes to standard output and standard error.
 *
 * <p>Exit codes: 0 every expectation held; 1 some did not; 2 a file could not be read or is
 * invalid; 3 an internal error.
 */
package org.viflab.cli;

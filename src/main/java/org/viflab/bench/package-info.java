/**
 * Benchmarks: each measures a figure of VIF Lab and, where one exists, a baseline of the same work
 * done the simplest way on the same machine in the same run, so that a ratio says how close VIF
 * Lab is to what the machine allows. {@code viflab bench} prints them; nothing here prints.
 */
package org.viflab.bench;

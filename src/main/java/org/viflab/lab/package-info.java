/**
 * One open lab: a repository, the coordinator that writes it, the fabric its configuration
 * operations program (instantly or step by step), the watched flows re-traced after every change,
 * and the undo history. The single entry point that scenarios, the command line and the GUI use.
 */
package org.viflab.lab;

/**
 * The Scenario tab: open a scenario into a fresh lab and step through it.
 */
package org.viflab.ui.scenario;

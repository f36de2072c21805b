/**
 * The log of requests with their principal, answer and configuration operations.
 */
package org.viflab.ui.log;

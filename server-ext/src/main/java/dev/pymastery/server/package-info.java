/**
 * The progress server: records lab-check attempts and shows progress. {@link
 * dev.pymastery.server.ProgressServer} is the composition root; {@code cli} is the command line.
 */
package dev.pymastery.server;

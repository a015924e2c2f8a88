/** The command line behind {@code ./pymastery server}. */
package dev.pymastery.server.cli;

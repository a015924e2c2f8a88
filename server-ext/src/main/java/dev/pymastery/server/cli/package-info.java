/** The command line behind {@code ./pymastery server} and {@code ./pymastery bench server}. */
package dev.pymastery.server.cli;

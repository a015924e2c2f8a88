/** Recording attempts: validation against the catalog, and one writer that stores them in batches. */
package dev.pymastery.server.attempts;

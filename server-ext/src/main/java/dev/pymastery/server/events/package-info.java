/** Live updates: attempts as server-sent events to the dashboards that may see them. */
package dev.pymastery.server.events;

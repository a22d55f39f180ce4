/**
 * Contractual response targets (acknowledge / restore per severity) and the business-hours
 * calendars they may count in, with German public holidays per state. Pure: no I/O. Regulatory
 * clocks ({@link io.slamon.incident.clock}) never use these calendars.
 */
package io.slamon.incident.hours;

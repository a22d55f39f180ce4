/**
 * Monthly contractual audit reports. Today it holds the report period (a calendar month in the
 * contract's time zone); assembly, JasperReports rendering and the archive follow.
 */
package io.slamon.reports;

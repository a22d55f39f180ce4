/**
 * Monthly contractual audit reports: {@link io.slamon.reports.ReportService} issues a tenant's
 * report from the engine's stored period result (JSON twin, JasperReports PDF, archive),
 * {@link io.slamon.reports.MonthlyReportSchedule} issues them when a month has closed. See
 * docs/reports.md.
 */
package io.slamon.reports;

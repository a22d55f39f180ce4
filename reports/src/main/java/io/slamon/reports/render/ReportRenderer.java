package io.slamon.reports.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;

/**
 * Fills the templates compiled at build time and exports a PDF/A-2b document with embedded
 * fonts. Thread-safe: the compiled templates are immutable and loaded once.
 */
public final class ReportRenderer {
  static final String TEMPLATES = "io/slamon/reports/templates/";

  private final JasperReport main;
  private final JasperReport table;

  public ReportRenderer() {
    this.main = load("monthly-report.jasper");
    this.table = load("table.jasper");
  }

  /** What goes on the cover and in the footer, already formatted. */
  public record Cover(String provider, String tenant, String contract, String period, String generatedAt, String reportId, String version,
      String snapshot, String jsonSha256, String title) {}

  public byte[] render(Cover cover, List<Map<String, ?>> sections, Locale locale, ResourceBundle messages) {
    Map<String, Object> params = new HashMap<>();
    params.put("TABLE", table);
    params.put("provider", cover.provider());
    params.put("tenant", cover.tenant());
    params.put("contract", cover.contract());
    params.put("period", cover.period());
    params.put("generatedAt", cover.generatedAt());
    params.put("reportId", cover.reportId());
    params.put("version", cover.version());
    params.put("snapshot", cover.snapshot());
    params.put("jsonSha256", cover.jsonSha256());
    params.put(JRParameter.REPORT_LOCALE, locale);
    params.put(JRParameter.REPORT_RESOURCE_BUNDLE, messages);
    try {
      JasperPrint print = JasperFillManager.fillReport(main, params, new JRMapCollectionDataSource(sections));
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      JRPdfExporter exporter = new JRPdfExporter();
      exporter.setExporterInput(new SimpleExporterInput(print));
      exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
      SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
      config.setPdfaConformance(PdfaConformanceEnum.PDFA_2B);
      config.setIccProfilePath(TEMPLATES + "sRGB.icc");
      config.setMetadataTitle(cover.title());
      config.setMetadataAuthor(cover.provider());
      config.setMetadataSubject(cover.tenant() + " " + cover.period());
      config.setMetadataKeywords(cover.reportId() + " sha256:" + cover.jsonSha256() + " " + cover.snapshot());
      config.setMetadataCreator("slamon");
      exporter.setConfiguration(config);
      exporter.exportReport();
      return out.toByteArray();
    } catch (JRException e) {
      throw new IllegalStateException("could not render report " + cover.reportId() + ": " + e.getMessage(), e);
    }
  }

  private static JasperReport load(String name) {
    try (InputStream in = ReportRenderer.class.getClassLoader().getResourceAsStream(TEMPLATES + name)) {
      if (in == null) {
        throw new IllegalStateException("compiled template " + TEMPLATES + name + " missing from the classpath (built by TemplateCompiler)");
      }
      return (JasperReport) JRLoader.loadObject(in);
    } catch (IOException | JRException e) {
      throw new IllegalStateException("cannot load template " + name + ": " + e.getMessage(), e);
    }
  }
}

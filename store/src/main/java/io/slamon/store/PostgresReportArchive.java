package io.slamon.store;

import io.slamon.store.internal.LockedTransaction;
import io.slamon.store.internal.Rows;
import io.slamon.store.internal.Timestamps;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link ReportArchive} in {@code report_archive} (V6). Issuing takes a transaction-scoped
 * advisory lock so concurrent issuers chain one after another; a trigger refuses UPDATE and
 * DELETE. Each entry's hash covers its predecessor's hash and every field, the bodies by their
 * SHA-256.
 */
public final class PostgresReportArchive implements ReportArchive {
  static final String GENESIS = "0".repeat(64);
  /** Advisory lock key for issuing ("slamon report" as a number, any stable value). */
  private static final long ISSUE_LOCK = 0x736c616d6f6e5270L;
  private static final String SUMMARY = "report_id, tenant, month, lang, version, supersedes, reason, issued_at, snapshot, json_sha256,"
      + " pdf_sha256, hash";

  private final DataSource dataSource;

  PostgresReportArchive(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Summary issue(NewReport r) {
    Objects.requireNonNull(r, "report");
    try {
      return LockedTransaction.run(dataSource, ISSUE_LOCK, c -> {
        long seq = 1;
        String prev = GENESIS;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM report_archive ORDER BY seq DESC LIMIT 1");
            ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            seq = rs.getLong(1) + 1;
            prev = rs.getString(2);
          }
        }
        int version = 1;
        String supersedes = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT report_id, version FROM report_archive WHERE tenant = ? AND month = ?"
            + " AND lang = ? ORDER BY version DESC LIMIT 1")) {
          ps.setString(1, r.tenant());
          ps.setString(2, r.month());
          ps.setString(3, r.lang());
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              supersedes = rs.getString(1);
              version = rs.getInt(2) + 1;
            }
          }
        }
        if (version != r.version()) {
          throw new StoreException("report " + r.tenant() + " " + r.month() + " " + r.lang() + " was rendered as version " + r.version()
              + " but version " + (version - 1) + " was issued meanwhile; render it again");
        }
        String id = ReportArchive.reportId(r.tenant(), r.month(), r.lang(), version);
        var issuedAt = r.issuedAt().truncatedTo(ChronoUnit.MICROS);
        Summary s = new Summary(id, r.tenant(), r.month(), r.lang(), version, supersedes, r.reason(), issuedAt, r.snapshot(),
            Sha256.hex(r.json().getBytes(StandardCharsets.UTF_8)), Sha256.hex(r.pdf()), null);
        String hash = chainHash(prev, s);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_archive (seq, report_id, tenant, month, lang, version,"
            + " supersedes, reason, issued_at, snapshot, json, json_sha256, pdf, pdf_sha256, prev_hash, hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          ps.setLong(1, seq);
          ps.setString(2, id);
          ps.setString(3, r.tenant());
          ps.setString(4, r.month());
          ps.setString(5, r.lang());
          ps.setInt(6, version);
          ps.setString(7, supersedes);
          ps.setString(8, r.reason());
          Timestamps.set(ps, 9, issuedAt);
          ps.setString(10, r.snapshot());
          ps.setString(11, r.json());
          ps.setString(12, s.jsonSha256());
          ps.setBytes(13, r.pdf());
          ps.setString(14, s.pdfSha256());
          ps.setString(15, prev);
          ps.setString(16, hash);
          ps.executeUpdate();
        }
        return new Summary(id, s.tenant(), s.month(), s.lang(), version, supersedes, s.reason(), issuedAt, s.snapshot(), s.jsonSha256(),
            s.pdfSha256(), hash);
      });
    } catch (SQLException e) {
      throw new StoreException("could not archive the report of " + r.tenant() + " " + r.month() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public int nextVersion(String tenant, String month, String lang) {
    return latest(tenant, month, lang).map(s -> s.version() + 1).orElse(1);
  }

  @Override
  public Optional<Summary> latest(String tenant, String month, String lang) {
    return Rows.query(dataSource, "the latest report of " + tenant + " " + month, "SELECT " + SUMMARY + " FROM report_archive"
        + " WHERE tenant = ? AND month = ? AND lang = ? ORDER BY version DESC LIMIT 1", PostgresReportArchive::summary,
        Objects.requireNonNull(tenant, "tenant"), month, lang).stream().findFirst();
  }

  @Override
  public List<Summary> list(String tenant) {
    return Rows.query(dataSource, "the reports of " + tenant, "SELECT " + SUMMARY + " FROM report_archive WHERE tenant = ?"
        + " ORDER BY month DESC, lang, version DESC", PostgresReportArchive::summary, Objects.requireNonNull(tenant, "tenant"));
  }

  @Override
  public Optional<Archived> fetch(String tenant, String reportId) {
    return Rows.query(dataSource, "report " + reportId, "SELECT " + SUMMARY + ", json, pdf FROM report_archive"
        + " WHERE tenant = ? AND report_id = ?", rs -> new Archived(summary(rs), rs.getString("json"), rs.getBytes("pdf")),
        Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(reportId, "reportId")).stream().findFirst();
  }

  @Override
  public Verification verify() {
    try (var c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT seq, " + SUMMARY + ", json, pdf, prev_hash FROM report_archive ORDER BY seq")) {
      ps.setFetchSize(16);
      c.setAutoCommit(false);
      try (ResultSet rs = ps.executeQuery()) {
        String prev = GENESIS;
        long expectedSeq = 1;
        int checked = 0;
        while (rs.next()) {
          Summary s = summary(rs);
          String problem = null;
          if (rs.getLong("seq") != expectedSeq) {
            problem = "sequence " + rs.getLong("seq") + " where " + expectedSeq + " was expected (an entry was removed)";
          } else if (!prev.equals(rs.getString("prev_hash"))) {
            problem = "does not follow its predecessor's hash (removed or reordered)";
          } else if (!Sha256.hex(rs.getString("json").getBytes(StandardCharsets.UTF_8)).equals(s.jsonSha256())) {
            problem = "JSON twin changed after issue";
          } else if (!Sha256.hex(rs.getBytes("pdf")).equals(s.pdfSha256())) {
            problem = "PDF changed after issue";
          } else if (!chainHash(prev, s).equals(s.hash())) {
            problem = "fields changed after issue";
          }
          if (problem != null) {
            c.commit();
            return new Verification(false, checked, s.reportId(), problem);
          }
          prev = s.hash();
          expectedSeq++;
          checked++;
        }
        c.commit();
        return new Verification(true, checked, null, null);
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("could not verify the report archive: " + e.getMessage(), e);
    }
  }

  static String chainHash(String prev, Summary s) {
    String canonical = String.join("\n", prev, s.reportId(), s.tenant(), s.month(), s.lang(), Integer.toString(s.version()),
        String.valueOf(s.supersedes()), String.valueOf(s.reason()), s.issuedAt().toString(), s.snapshot(), s.jsonSha256(), s.pdfSha256());
    return Sha256.hex(canonical.getBytes(StandardCharsets.UTF_8));
  }

  private static Summary summary(ResultSet rs) throws SQLException {
    return new Summary(rs.getString("report_id"), rs.getString("tenant"), rs.getString("month"), rs.getString("lang"), rs.getInt("version"),
        rs.getString("supersedes"), rs.getString("reason"), Timestamps.get(rs, "issued_at"), rs.getString("snapshot"),
        rs.getString("json_sha256"), rs.getString("pdf_sha256"), rs.getString("hash"));
  }
}

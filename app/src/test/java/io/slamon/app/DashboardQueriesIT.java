package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slamon.core.config.ConfigLoader;
import io.slamon.core.config.SlamonConfig;
import io.slamon.incident.clock.Awareness;
import io.slamon.incident.clock.Regime;
import io.slamon.simulator.Fleet;
import io.slamon.simulator.FleetSpec;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.SharedEmbeddedPostgres;
import io.slamon.store.TenantRoles;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every panel and annotation query of the generated Grafana dashboards, taken from the JSON the
 * npm generator writes for the example configuration, with Grafana's macros expanded, run against
 * a database filled through the collector (the simulator fleet scraped, events pushed to the events
 * API, SLOs evaluated) — as the owner and as each tenant's row-level-security role.
 */
class DashboardQueriesIT {
  private static final Path DASHBOARDS = Path.of("..", "dashboards").toAbsolutePath().normalize();
  private static final Pattern TIME_FILTER = Pattern.compile("\\$__timeFilter\\(([^)]+)\\)");
  private static final Pattern TIME_GROUP_ALIAS = Pattern.compile("\\$__timeGroupAlias\\(([^,]+),\\s*\\$__interval\\)");

  private static DatabaseSettings settings;
  private static Database db;
  private static SlamonConfig config;
  private static Path generated;
  private static Instant from;
  private static Instant to;
  private static String rolePrefix;

  /** One query of one dashboard. */
  record Query(String dashboard, String tenant, String title, String format, String sql) {}

  @BeforeAll
  static void fillThroughTheCollector() throws Exception {
    assumeTrue(commandExists("npm") && commandExists("node"), "skipped: node and npm are needed to generate the dashboards");
    Path work = Files.createDirectories(Path.of("target", "dashboard-it")).resolve("run-" + ProcessHandle.current().pid());
    Vertx vertx = Vertx.vertx();
    Fleet fleet = Fleet.start(vertx, FleetSpec.demo(7).withEphemeralPorts(), InstantSource.system(), 0);
    try {
      Path configDir = configForFleet(work.resolve("config"), fleet);
      config = ConfigLoader.load(configDir).config();
      assertThat(config).as("rewritten example config loads").isNotNull();
      generated = generate(configDir, work.resolve("grafana"));

      settings = SharedEmbeddedPostgres.freshDatabase();
      db = Database.open(settings, m -> {});
      from = Instant.now().minus(1, ChronoUnit.HOURS);
      try (SlamonRuntime runtime = SlamonRuntime.start(config, db, vertx, InstantSource.system(), 0, work.resolve("data"))) {
        for (int i = 0; i < 3; i++) {
          runtime.collector().scrapeNow().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
          Thread.sleep(1500);
        }
        pushEvents("http://127.0.0.1:" + runtime.collector().port() + "/api/v1/events", ConfigMapping.firstEventToken(config));
        var round = runtime.evaluate();
        assertThat(round.results()).isNotEmpty();
      }
      // an incident with a running clock for the incident and clock panels
      var incident = new io.slamon.incident.IncidentOpener(db.incidentStore(), db.auditLog(), InstantSource.system())
          .open(new io.slamon.incident.Signal("hanse-bank", io.slamon.incident.Signal.Kind.SLO_BREACH, "hanse-bank-chat-ttft",
              "inference", "test", Instant.now()))
          .incident();
      var clocks = ConfigMapping.regulatoryClocks(config, db, InstantSource.system());
      clocks.classify(incident.id(), Regime.NIS2, new Awareness(Instant.now().minusSeconds(600), "test", "it"), "it");
      // what serve does after every evaluation round: store the deadlines for the provider's clock panel
      DeadlineSnapshot.refresh(db, clocks, Instant.now());
      to = Instant.now().plus(1, ChronoUnit.DAYS);
      rolePrefix = "it_" + ProcessHandle.current().pid() + "_";
      List<TenantRoles.RoleSpec> roles = new ArrayList<>();
      config.tenants().forEach(t -> roles.add(new TenantRoles.RoleSpec(TenantRoles.roleName(rolePrefix, t.id()), t.id(), null)));
      new TenantRoles(db.dataSource(), InstantSource.system()).apply(roles);
    } finally {
      fleet.close();
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }

  @AfterAll
  static void drop() {
    if (db != null) {
      new TenantRoles(db.dataSource(), InstantSource.system()).apply(List.of());
      db.close();
      SharedEmbeddedPostgres.drop(settings);
    }
  }

  /** The example configuration with the scrape targets moved to the fleet's ephemeral ports. */
  private static Path configForFleet(Path dir, Fleet fleet) throws IOException {
    Path source = Path.of("..", "examples", "config");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Path target = dir.resolve(source.relativize(p).toString());
        Files.createDirectories(target.getParent());
        String text = Files.readString(p);
        for (int i = 0; i < fleet.gpuTargets().size(); i++) {
          text = text.replace("127.0.0.1:" + (19401 + i), fleet.gpuTargets().get(i));
        }
        for (int i = 0; i < fleet.vllmTargets().size(); i++) {
          text = text.replace("127.0.0.1:" + (18001 + i), fleet.vllmTargets().get(i));
        }
        Files.writeString(target, text);
      }
    }
    return dir;
  }

  /** Runs the npm generator (compile + generate) for {@code configDir}; returns the dashboards directory. */
  private static Path generate(Path configDir, Path out) throws Exception {
    if (!Files.isDirectory(DASHBOARDS.resolve("node_modules"))) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund"));
    }
    run(List.of("npm", "run", "build", "--", configDir.toAbsolutePath().toString(), "--out", out.toAbsolutePath().toString()));
    return out.resolve("dashboards");
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).directory(DASHBOARDS.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s:%n%s", command, output).isZero();
  }

  private static boolean commandExists(String name) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, name)));
  }

  private static void pushEvents(String url, String token) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String body = """
        [{"id": "it-rag-1", "type": "rag_index.freshness", "tenant": "hanse-bank", "time": "%s",
          "attributes": {"index": "kyc-docs", "freshnessSeconds": 420}},
         {"id": "it-mnt-1", "type": "maintenance.announced", "tenant": "hanse-bank", "time": "%s",
          "attributes": {"maintenanceId": "mnt-7", "plannedStart": "%s", "plannedEnd": "%s"}}]
        """.formatted(now, now, now.plus(2, ChronoUnit.HOURS), now.plus(4, ChronoUnit.HOURS));
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
  }

  /** Every query of every generated dashboard: panel targets (also inside rows) and annotation targets. */
  private static List<Query> queries() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Query> result = new ArrayList<>();
    try (Stream<Path> files = Files.walk(generated)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode d = json.readTree(file.toFile());
        String tenant = file.getParent().getParent().getFileName().toString().equals("tenants") ? file.getParent().getFileName().toString() : null;
        List<JsonNode> panels = new ArrayList<>();
        d.path("panels").forEach(p -> {
          panels.add(p);
          p.path("panels").forEach(panels::add);
        });
        for (JsonNode p : panels) {
          p.path("targets").forEach(t -> result.add(new Query(d.path("uid").asText(), tenant, p.path("title").asText(),
              t.path("format").asText(), t.path("rawSql").asText())));
        }
        d.path("annotations").path("list").forEach(a -> {
          if (a.path("target").has("rawSql")) {
            result.add(new Query(d.path("uid").asText(), tenant, "annotation " + a.path("name").asText(), "annotation",
                a.path("target").path("rawSql").asText()));
          }
        });
      }
    }
    return result;
  }

  /** Grafana's PostgreSQL macros as its datasource expands them, with a 1-minute interval. */
  private static String expand(String sql) {
    String s = TIME_GROUP_ALIAS.matcher(sql).replaceAll(m -> Matcher.quoteReplacement(
        "floor(extract(epoch from " + m.group(1).strip() + ")/60)*60 AS \"time\""));
    s = TIME_FILTER.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
        m.group(1).strip() + " BETWEEN '" + from + "' AND '" + to + "'"));
    assertThat(s).as("every macro is known to the test: %s", sql).doesNotContain("$__").doesNotContain("$tenant");
    return s;
  }

  /** Result: column name → SQL type, and rows. */
  record Result(Map<String, Integer> columns, List<List<Object>> rows) {}

  private static Result run(String sql, String role) throws Exception {
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
      if (role != null) {
        st.execute("SET ROLE " + role); // RLS applies to current_user: what a login as the role would see
      }
      try (ResultSet rs = st.executeQuery(expand(sql))) {
        ResultSetMetaData md = rs.getMetaData();
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          columns.put(md.getColumnLabel(i), md.getColumnType(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            row.add(rs.getObject(i));
          }
          rows.add(row);
        }
        return new Result(columns, rows);
      } finally {
        if (role != null) {
          st.execute("RESET ROLE");
        }
      }
    }
  }

  private static Result only(String tenant, String title) throws Exception {
    Query q = queries().stream().filter(x -> java.util.Objects.equals(x.tenant(), tenant) && x.title().equals(title)).findFirst()
        .orElseThrow(() -> new AssertionError("no panel '" + title + "' for " + tenant));
    return run(q.sql(), tenant == null ? null : TenantRoles.roleName(rolePrefix, tenant));
  }

  @Test
  void every_query_runs_and_has_the_shape_its_format_needs() throws Exception {
    List<Query> all = queries();
    assertThat(all).hasSizeGreaterThan(40);
    for (Query q : all) {
      Result r = run(q.sql(), null);
      switch (q.format()) {
        case "time_series" -> {
          assertThat(r.columns()).as("%s / %s", q.dashboard(), q.title()).containsKey("time");
          assertThat(r.columns().entrySet().stream().filter(e -> !e.getKey().equals("time") && !e.getKey().equals("metric")))
              .as("%s / %s has numeric value columns", q.dashboard(), q.title())
              .isNotEmpty()
              .allMatch(e -> isNumeric(e.getValue()));
        }
        case "annotation" -> assertThat(r.columns()).as(q.title()).containsKeys("time", "timeend", "text");
        default -> assertThat(r.columns()).as("%s / %s", q.dashboard(), q.title()).isNotEmpty();
      }
    }
  }

  @Test
  void tenant_queries_return_the_same_rows_as_the_tenants_rls_role_and_only_that_tenants() throws Exception {
    for (Query q : queries()) {
      if (q.tenant() == null) {
        continue;
      }
      Result owner = run(q.sql(), null);
      Result role = run(q.sql(), TenantRoles.roleName(rolePrefix, q.tenant()));
      assertThat(role.rows()).as("%s / %s as the tenant role", q.dashboard(), q.title()).isEqualTo(owner.rows());
    }
    // The provider's queries run through a tenant's role show that tenant only: RLS, not the SQL.
    Result ranking = only(null, "SLO risk ranking");
    Result asHanse = run(queries().stream().filter(q -> q.title().equals("SLO risk ranking")).findFirst().orElseThrow().sql(),
        TenantRoles.roleName(rolePrefix, "hanse-bank"));
    assertThat(ranking.rows().stream().map(r -> r.get(0)).distinct()).hasSizeGreaterThan(1);
    assertThat(asHanse.rows()).isNotEmpty().allMatch(r -> r.get(0).equals("hanse-bank"));
  }

  @Test
  void the_panels_fed_by_the_collector_show_rows() throws Exception {
    assertThat(only("hanse-bank", "Attainment").rows()).isNotEmpty();
    assertThat(only("hanse-bank", "Burn rate").rows()).isNotEmpty();
    // the credit the contract's table gives for the newest attainment (10/25/50 % below 99.99/99.9/99 %)
    assertThat(only("hanse-bank", "Chat availability (99.99 %): service credit").rows()).hasSize(1)
        .allSatisfy(r -> assertThat(((Number) r.get(1)).intValue()).isIn(0, 10, 25, 50));
    assertThat(only("hanse-bank", "GPU capacity vs reservation").rows()).isNotEmpty()
        .allSatisfy(r -> assertThat(((Number) r.get(2)).intValue()).isEqualTo(10)); // 8 + 2 GPUs reserved
    assertThat(only("hanse-bank", "Time to first token p95 / p99").rows()).isNotEmpty()
        .allSatisfy(r -> assertThat(r.get(1).toString()).matches("meta-llama/Llama-3.3-70B-Instruct p9[59]"));
    assertThat(only("hanse-bank", "RAG index freshness").rows()).extracting(r -> r.get(1)).containsExactly("kyc-docs");
    assertThat(only("hanse-bank", "Incidents").rows()).isNotEmpty();
    assertThat(only("hanse-bank", "Regulatory clocks").rows()).extracting(r -> r.get(2)).containsExactly("NIS2");
    assertThat(only("hanse-bank", "annotation Announced maintenance").rows()).extracting(r -> r.get(2)).containsExactly("maintenance mnt-7");
    assertThat(only(null, "GPU utilisation per node").rows()).isNotEmpty();
    assertThat(only(null, "GPU power per node").rows()).isNotEmpty();
    assertThat(only(null, "Open regulatory clocks").rows()).extracting(r -> r.get(4)).containsExactly("NIS2");
    // the nearest deadline of the NIS2 clock is the early warning, 24 h after awareness
    assertThat(only(null, "Open regulatory clocks").rows()).singleElement()
        .satisfies(r -> assertThat(r.get(5)).isEqualTo("NIS2/early-warning"));
    // another tenant's dashboard shows none of hanse-bank's facts
    assertThat(only("acme-logistik", "RAG index freshness").rows()).isEmpty();
    assertThat(only("acme-logistik", "Regulatory clocks").rows()).isEmpty();
  }

  /**
   * A known histogram next to the collector's data (in a transaction that is rolled back, so the
   * other tests never see it): in one minute 100 requests, 50 within 0.1 s, 90 within 0.5 s, 98
   * within 1 s. Prometheus' histogram_quantile gives p95 = 0.5 + 0.5 * (95 - 90) / (98 - 90) and,
   * with rank 99 in the +Inf bucket, p99 = 1 (the highest finite bound).
   */
  @Test
  void latency_quantiles_of_a_known_histogram_are_interpolated_like_histogram_quantile() throws Exception {
    Query q = queries().stream().filter(x -> "hanse-bank".equals(x.tenant()) && x.title().equals("Time to first token p95 / p99"))
        .findFirst().orElseThrow();
    Map<String, Double> quantiles = new LinkedHashMap<>();
    long minute;
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        // a minute that holds collector samples, so its day's partition exists
        try (ResultSet rs = st.executeQuery("SELECT floor(extract(epoch FROM max(ts)) / 60)::bigint * 60 FROM samples")) {
          rs.next();
          minute = rs.getLong(1);
        }
        String[][] buckets = {{"0.1", "50"}, {"0.5", "90"}, {"1", "98"}, {"+Inf", "100"}};
        for (String[] b : buckets) {
          st.execute("WITH s AS (INSERT INTO series (tenant, metric, labels) VALUES ('hanse-bank', "
              + "'vllm:time_to_first_token_seconds_bucket', jsonb_build_object('model_name', 'known-model', 'le', '" + b[0] + "'))"
              + " RETURNING id) INSERT INTO samples SELECT id, to_timestamp(" + minute + "), 1000 FROM s"
              + " UNION ALL SELECT id, to_timestamp(" + minute + ") + interval '1 second', 1000 + " + b[1] + " FROM s");
        }
        try (ResultSet rs = st.executeQuery(expand(q.sql()))) {
          while (rs.next()) {
            if (rs.getString(2).startsWith("known-model ") && rs.getLong(1) == minute) {
              quantiles.put(rs.getString(2), rs.getDouble(3));
            }
          }
        }
      } finally {
        c.rollback();
      }
    }
    assertThat(quantiles).containsOnlyKeys("known-model p95", "known-model p99");
    assertThat(quantiles.get("known-model p95")).isCloseTo(0.8125, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(quantiles.get("known-model p99")).isEqualTo(1.0);
  }

  private static boolean isNumeric(int sqlType) {
    return switch (sqlType) {
      case Types.DOUBLE, Types.FLOAT, Types.REAL, Types.NUMERIC, Types.DECIMAL, Types.INTEGER, Types.BIGINT, Types.SMALLINT -> true;
      default -> false;
    };
  }
}

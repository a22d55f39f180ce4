package io.slamon.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.core.internal.FileProblems;
import io.slamon.core.internal.Fields;
import io.slamon.core.internal.PortalReader;
import io.slamon.core.internal.YamlTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortalConfigTest {
  private static final String ACME_TOKEN = "acme-token-0123456789";

  private static ConfigResult load(String portal) {
    return ConfigDirs.load(Map.of("slamon.yaml", ConfigDirs.SLAMON + portal));
  }

  @Test
  void without_a_portal_section_the_defaults_apply_and_no_token_is_accepted() {
    ConfigResult r = ConfigDirs.load(Map.of());
    assertThat(r.problems()).isEmpty();
    assertThat(r.config().portal()).isEqualTo(Portal.DEFAULT);
    assertThat(r.config().portal().authenticate("anything-at-all-123")).isEmpty();
  }

  @Test
  void tokens_are_kept_only_as_hashes_and_authenticate_their_holder() {
    ConfigResult r = load("""
        portal:
          port: 9090
          secureCookies: true
          tokens:
            - {name: acme, tenant: acme, token: %s}
            - {name: oncall, role: oncall, sha256: %s}
        """.formatted(ACME_TOKEN, ApiToken.hash("oncall-token-0123456789").toUpperCase()));
    assertThat(r.problems()).isEmpty();
    Portal p = r.config().portal();
    assertThat(p.port()).isEqualTo(9090);
    assertThat(p.secureCookies()).isTrue();
    assertThat(p.tokens()).extracting(ApiToken::sha256).doesNotContain(ACME_TOKEN);
    assertThat(p.authenticate(ACME_TOKEN)).get().extracting(ApiToken::tenant).isEqualTo("acme");
    assertThat(p.authenticate("oncall-token-0123456789")).get().extracting(ApiToken::role).isEqualTo(ApiToken.Role.ONCALL);
    assertThat(p.authenticate("oncall-token-012345678")).isEmpty();
    assertThat(p.authenticate(null)).isEmpty();
  }

  @Test
  void a_token_given_as_environment_variable_is_read_from_the_environment() throws Exception {
    List<ConfigProblem> sink = new ArrayList<>();
    FileProblems problems = new FileProblems("slamon.yaml", sink);
    var doc = YamlTrees.readAll("tokens:\n  - {name: a, tenant: acme, token: '${ACME_PORTAL_TOKEN}'}\n", problems).getFirst();
    PortalReader.Read read = PortalReader.read(Fields.of(doc, "portal", 1, problems), Map.of("ACME_PORTAL_TOKEN", ACME_TOKEN));
    assertThat(sink).isEmpty();
    assertThat(read.portal().authenticate(ACME_TOKEN)).isPresent();

    PortalReader.read(Fields.of(doc, "portal", 1, problems), Map.of());
    assertThat(sink).extracting(ConfigProblem::toString)
        .containsExactly("slamon.yaml:2: portal.tokens[0].token: environment variable ACME_PORTAL_TOKEN is not set");
  }

  @Test
  void bad_tokens_are_reported_with_file_line_and_field() {
    ConfigResult r = load("""
        portal:
          tokens:
            - {name: short, tenant: acme, token: tooshort}
            - {name: nobody, tenant: globex, token: %s}
            - {name: both, tenant: acme, token: %s, sha256: abc}
            - {name: oncall, role: oncall, tenant: acme, token: oncall-token-0123456789}
            - {name: tenantless, token: another-token-0123456789}
            - {name: bad-hash, role: provider, sha256: xyz}
        """.formatted(ACME_TOKEN, ACME_TOKEN));
    assertThat(r.config()).isNull();
    assertThat(r.problems()).extracting(ConfigProblem::toString).containsExactly(
        "slamon.yaml:5: portal.tokens[0].token: must be at least 16 characters",
        "slamon.yaml:7: portal.tokens[2]: give exactly one of 'token' (the token or ${ENV_VAR}) and 'sha256' (its hex SHA-256)",
        "slamon.yaml:8: portal.tokens[3]: a oncall token must not name a tenant",
        "slamon.yaml:9: portal.tokens[4]: a tenant token needs 'tenant'",
        "slamon.yaml:10: portal.tokens[5].sha256: must be 64 hex digits (sha256sum of the token)");
  }

  @Test
  void a_token_for_an_unknown_tenant_is_an_error() {
    ConfigResult r = load("""
        portal:
          tokens:
            - {name: nobody, tenant: globex, token: %s}
        """.formatted(ACME_TOKEN));
    assertThat(r.problems()).extracting(ConfigProblem::toString)
        .containsExactly("slamon.yaml:5: portal.tokens[0].tenant: 'globex' is not a tenant (no file in tenants/ has that id)");
  }

  @Test
  void two_tokens_with_the_same_value_are_refused() {
    ConfigResult r = load("""
        portal:
          tokens:
            - {name: a, tenant: acme, token: %s}
            - {name: b, tenant: acme, token: %s}
        """.formatted(ACME_TOKEN, ACME_TOKEN));
    assertThat(r.problems()).extracting(ConfigProblem::message).containsExactly("token 'b' is the same as another token");
  }
}
